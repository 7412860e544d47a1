// PostgreSQL index rules (psl-core postgres_datamodel_connector/validations.rs): Xml columns in
// keys, operator classes per index algorithm, and SP-GiST's single column.
#include <cstddef>
#include <initializer_list>
#include <string>

#include "core/schema/connector/index_rules.hpp"
#include "core/schema/connector/native_type_errors.hpp"

namespace prismapp::schema::connector {
namespace {

using Op = OperatorClass;

bool one_of(Op op, std::initializer_list<Op> ops) {
  for (Op o : ops) {
    if (o == op) return true;
  }
  return false;
}

// A short, fixed list of operator classes (stored by value so the rule tables below are plain data).
class OpList {
 public:
  constexpr OpList(std::initializer_list<Op> ops) {
    for (Op op : ops) {
      if (count_ < 4) items_[count_++] = op;
    }
  }
  constexpr bool contains(Op op) const {
    for (std::size_t i = 0; i < count_; ++i) {
      if (items_[i] == op) return true;
    }
    return false;
  }

 private:
  Op items_[4] = {};
  std::size_t count_ = 0;
};

bool native_is(const IndexFieldInfo& f, std::string_view name) {
  return f.native_type && f.native_type->name() == name;
}

bool scalar_is(const IndexFieldInfo& f, ScalarType t) { return f.scalar_type == t; }

// BRIN classes tied to a native type: (native type name, classes usable with it besides the default).
struct NativeBrinRule {
  std::string_view native;
  OpList classes;
};

constexpr NativeBrinRule kBrinNativeRules[] = {
    {"Bit", {Op::BitMinMaxOps}},
    {"VarBit", {Op::VarBitMinMaxOps}},
    {"Char", {Op::BpcharBloomOps, Op::BpcharMinMaxOps}},
    {"Date", {Op::DateBloomOps, Op::DateMinMaxOps, Op::DateMinMaxMultiOps}},
    {"Real", {Op::Float4BloomOps, Op::Float4MinMaxOps, Op::Float4MinMaxMultiOps}},
    {"DoublePrecision", {Op::Float8BloomOps, Op::Float8MinMaxOps, Op::Float8MinMaxMultiOps}},
    {"Inet", {Op::InetInclusionOps, Op::InetBloomOps, Op::InetMinMaxOps, Op::InetMinMaxMultiOps}},
    {"SmallInt", {Op::Int2BloomOps, Op::Int2MinMaxOps, Op::Int2MinMaxMultiOps}},
    {"Integer", {Op::Int4BloomOps, Op::Int4MinMaxOps, Op::Int4MinMaxMultiOps}},
    {"BigInt", {Op::Int8BloomOps, Op::Int8MinMaxOps, Op::Int8MinMaxMultiOps}},
    {"Decimal", {Op::NumericBloomOps, Op::NumericMinMaxOps, Op::NumericMinMaxMultiOps}},
    {"Oid", {Op::OidBloomOps, Op::OidMinMaxOps, Op::OidMinMaxMultiOps}},
    {"ByteA", {Op::ByteaBloomOps, Op::ByteaMinMaxOps}},
    {"Text", {Op::TextBloomOps, Op::TextMinMaxOps}},
    {"VarChar", {Op::TextBloomOps, Op::TextMinMaxOps}},
    {"Timestamp", {Op::TimestampBloomOps, Op::TimestampMinMaxOps, Op::TimestampMinMaxMultiOps}},
    {"Timestamptz", {Op::TimestampTzBloomOps, Op::TimestampTzMinMaxOps, Op::TimestampTzMinMaxMultiOps}},
    {"Time", {Op::TimeBloomOps, Op::TimeMinMaxOps, Op::TimeMinMaxMultiOps}},
    {"Timetz", {Op::TimeTzBloomOps, Op::TimeTzMinMaxOps, Op::TimeTzMinMaxMultiOps}},
    {"Uuid", {Op::UuidBloomOps, Op::UuidMinMaxOps, Op::UuidMinMaxMultiOps}},
};

// BRIN classes usable on a field without a native type: the field's scalar type decides.
struct ScalarBrinRule {
  ScalarType scalar;
  OpList classes;
};

constexpr ScalarBrinRule kBrinScalarRules[] = {
    {ScalarType::Float, {Op::Float8BloomOps, Op::Float8MinMaxOps, Op::Float8MinMaxMultiOps}},
    {ScalarType::Int, {Op::Int4BloomOps, Op::Int4MinMaxOps, Op::Int4MinMaxMultiOps}},
    {ScalarType::BigInt, {Op::Int8BloomOps, Op::Int8MinMaxOps, Op::Int8MinMaxMultiOps}},
    {ScalarType::Decimal, {Op::NumericBloomOps, Op::NumericMinMaxOps, Op::NumericMinMaxMultiOps}},
    {ScalarType::Bytes, {Op::ByteaBloomOps, Op::ByteaMinMaxOps}},
    {ScalarType::String, {Op::TextBloomOps, Op::TextMinMaxOps}},
    {ScalarType::DateTime, {Op::TimestampBloomOps, Op::TimestampMinMaxOps, Op::TimestampMinMaxMultiOps}},
};

class OperatorClassChecker {
 public:
  OperatorClassChecker(const IndexInfo& index, Diagnostics& diagnostics)
      : index_(index), diagnostics_(diagnostics), algo_(index.algorithm.value_or(IndexAlgorithm::BTree)) {}

  void run() {
    for (const IndexFieldInfo& field : index_.fields) {
      if (field.raw_operator_class) continue;  // raw("...") is passed through unchecked
      if (field.operator_class && !operator_class_supports_algorithm(*field.operator_class, algo_)) {
        error("The given operator class `" + display(*field.operator_class) + "` is not supported with the `" +
              algo_name() + "` index type.");
        continue;
      }
      switch (algo_) {
        case IndexAlgorithm::Gist: gist(field); break;
        case IndexAlgorithm::Gin: gin(field); break;
        case IndexAlgorithm::SpGist: spgist(field); break;
        case IndexAlgorithm::Brin: brin(field); break;
        case IndexAlgorithm::BTree:
        case IndexAlgorithm::Hash: break;
      }
    }
  }

 private:
  void error(const std::string& message) { diagnostics_.attribute_error(index_.attribute_name, message, index_.attribute_span); }
  std::string algo_name() const { return std::string(index_algorithm_name(algo_)); }
  static std::string display(Op op) { return std::string(operator_class_display_name(op)); }

  // Prisma's `err_f`: the generic complaint for a combination no rule accepted.
  void generic(const IndexFieldInfo& field) {
    const std::string name(field.name);
    if (field.native_type && field.operator_class) {
      error("The given operator class `" + display(*field.operator_class) + "` does not support native type `" +
            std::string(field.native_type->name()) + "` of field `" + name + "`.");
    } else if (field.native_type) {
      error("The " + algo_name() + " index field type `" + std::string(field.native_type->name()) +
            "` has no default operator class.");
    } else if (field.operator_class) {
      error("The given operator class `" + display(*field.operator_class) + "` expects the field `" + name +
            "` to define a valid native type.");
    } else if (!algorithm_supports_field_type(algo_, field)) {
      error("The " + algo_name() + " index type does not support the type of the field `" + name + "`.");
    }
  }

  void not_of_type(const IndexFieldInfo& field, std::string_view type_name) {
    error("The given operator class `" + display(*field.operator_class) + "` points to the field `" +
          std::string(field.name) + "` that is not of " + std::string(type_name) + " type.");
  }

  void gist(const IndexFieldInfo& field) {
    if (native_is(field, "Inet") && field.operator_class == Op::InetOps) return;
    generic(field);
  }

  void gin(const IndexFieldInfo& field) {
    const auto& op = field.operator_class;
    const bool json = scalar_is(field, ScalarType::Json);
    if (!field.native_type && !op && json) return;
    if (!op && field.is_list) return;
    if (native_is(field, "JsonB") && (!op || one_of(*op, {Op::JsonbOps, Op::JsonbPathOps}))) return;
    if (!field.native_type && op && one_of(*op, {Op::JsonbOps, Op::JsonbPathOps})) {
      if (!json) not_of_type(field, "Json");
      return;
    }
    if (op == Op::ArrayOps) {
      if (!field.is_list) {
        error("The given operator class `ArrayOps` expects the type of field `" + std::string(field.name) +
              "` to be an array.");
      }
      return;
    }
    generic(field);
  }

  void spgist(const IndexFieldInfo& field) {
    const auto& op = field.operator_class;
    if (native_is(field, "Inet") && (!op || op == Op::InetOps)) return;
    if (!field.native_type && !op && scalar_is(field, ScalarType::String)) return;
    if (!field.native_type && op == Op::TextOps) {
      if (!scalar_is(field, ScalarType::String)) not_of_type(field, "String");
      return;
    }
    if ((native_is(field, "Text") || native_is(field, "VarChar") || native_is(field, "Char")) &&
        (!op || op == Op::TextOps)) {
      return;
    }
    generic(field);
  }

  void brin(const IndexFieldInfo& field) {
    const auto& op = field.operator_class;
    if (field.native_type) {
      for (const auto& rule : kBrinNativeRules) {
        if (field.native_type->name() != rule.native) continue;
        if (!op || rule.classes.contains(*op)) return;
        break;
      }
      generic(field);
      return;
    }
    if (!op) {
      for (const auto& rule : kBrinScalarRules) {
        if (scalar_is(field, rule.scalar)) return;
      }
      generic(field);
      return;
    }
    for (const auto& rule : kBrinScalarRules) {
      if (!rule.classes.contains(*op)) continue;
      if (!scalar_is(field, rule.scalar)) not_of_type(field, scalar_type_name(rule.scalar));
      return;
    }
    generic(field);
  }

  const IndexInfo& index_;
  Diagnostics& diagnostics_;
  IndexAlgorithm algo_;
};

}  // namespace

void postgres_xml_index_check(const Connector& connector, const IndexInfo& index, Diagnostics& diagnostics) {
  for (const IndexFieldInfo& field : index.fields) {
    if (!native_is(field, "Xml")) continue;
    const std::string rendered = field.native_type->to_string();
    // Upstream points at the field, not at the index attribute.
    diagnostics.error(index.kind == IndexKind::Unique
                          ? incompatible_with_unique_message(rendered, connector.display_name, "")
                          : incompatible_with_index_message(rendered, connector.display_name, ""),
                      field.field_span);
    return;
  }
}

void postgres_operator_class_checks(const IndexInfo& index, Diagnostics& diagnostics) {
  OperatorClassChecker(index, diagnostics).run();
}

void postgres_spgist_column_count_check(const IndexInfo& index, Diagnostics& diagnostics) {
  if (index.algorithm != IndexAlgorithm::SpGist || index.fields.size() == 1) return;
  diagnostics.attribute_error(index.attribute_name, "SpGist does not support multi-column indices.",
                              index.attribute_span);
}

}  // namespace prismapp::schema::connector
