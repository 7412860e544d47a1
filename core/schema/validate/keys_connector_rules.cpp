// Connector-specific index and primary key rules (the key parts of the connectors'
// validate_model): PostgreSQL operator classes per index algorithm and native type
// (postgres_datamodel_connector/validations.rs), MySQL's "needs a length" native types, and
// MongoDB's validate_model (mongodb/validations.rs).
#include <string>

#include "core/schema/connector/mongodb_rules.hpp"
#include "core/schema/connector/native_type_errors.hpp"
#include "core/schema/validate/keys_field_info.hpp"
#include "core/schema/validate/keys_validations.hpp"

namespace prismapp::schema::validate {

using connector::IndexAlgorithm;
using connector::OperatorClass;
using connector::ScalarType;

namespace {

void index_error(ValidationContext& ctx, const db::IndexAttribute& index, const std::string& message) {
  ctx.diagnostics.attribute_error(index.attribute_name(), message, index.attribute->span);
}

// IndexAlgorithm::supports_field_type: which field types an index without operator class accepts.
bool algorithm_supports_field_type(IndexAlgorithm algorithm, const IndexFieldInfo& field) {
  using Kind = db::ScalarFieldType::Kind;
  if (field.type->kind == Kind::Unsupported) return true;
  auto is = [&](ScalarType t) { return field.is_builtin(t); };
  switch (algorithm) {
    case IndexAlgorithm::BTree:
    case IndexAlgorithm::Hash: return true;
    case IndexAlgorithm::Gist:
    case IndexAlgorithm::SpGist: return is(ScalarType::String);
    case IndexAlgorithm::Gin: return is(ScalarType::Json) || field.is_list();
    case IndexAlgorithm::Brin:
      return is(ScalarType::String) || is(ScalarType::Bytes) || is(ScalarType::DateTime) || is(ScalarType::Float) ||
             is(ScalarType::Int) || is(ScalarType::BigInt) || is(ScalarType::Decimal);
  }
  return false;
}

struct BrinClass {
  std::string_view native_type;
  std::initializer_list<OperatorClass> classes;  // besides "no operator class"
};

// BRIN: the operator classes each native type accepts (no class is always fine with a native type).
bool brin_native_type_accepts(std::string_view native, std::optional<OperatorClass> op) {
  using O = OperatorClass;
  static const BrinClass table[] = {
      {"Bit", {O::BitMinMaxOps}},
      {"VarBit", {O::VarBitMinMaxOps}},
      {"Char", {O::BpcharBloomOps, O::BpcharMinMaxOps}},
      {"Date", {O::DateBloomOps, O::DateMinMaxOps, O::DateMinMaxMultiOps}},
      {"Real", {O::Float4BloomOps, O::Float4MinMaxOps, O::Float4MinMaxMultiOps}},
      {"DoublePrecision", {O::Float8BloomOps, O::Float8MinMaxOps, O::Float8MinMaxMultiOps}},
      {"Inet", {O::InetInclusionOps, O::InetBloomOps, O::InetMinMaxOps, O::InetMinMaxMultiOps}},
      {"SmallInt", {O::Int2BloomOps, O::Int2MinMaxOps, O::Int2MinMaxMultiOps}},
      {"Integer", {O::Int4BloomOps, O::Int4MinMaxOps, O::Int4MinMaxMultiOps}},
      {"BigInt", {O::Int8BloomOps, O::Int8MinMaxOps, O::Int8MinMaxMultiOps}},
      {"Decimal", {O::NumericBloomOps, O::NumericMinMaxOps, O::NumericMinMaxMultiOps}},
      {"Oid", {O::OidBloomOps, O::OidMinMaxOps, O::OidMinMaxMultiOps}},
      {"ByteA", {O::ByteaBloomOps, O::ByteaMinMaxOps}},
      {"Text", {O::TextBloomOps, O::TextMinMaxOps}},
      {"VarChar", {O::TextBloomOps, O::TextMinMaxOps}},
      {"Timestamp", {O::TimestampBloomOps, O::TimestampMinMaxOps, O::TimestampMinMaxMultiOps}},
      {"Timestamptz", {O::TimestampTzBloomOps, O::TimestampTzMinMaxOps, O::TimestampTzMinMaxMultiOps}},
      {"Time", {O::TimeBloomOps, O::TimeMinMaxOps, O::TimeMinMaxMultiOps}},
      {"Timetz", {O::TimeTzBloomOps, O::TimeTzMinMaxOps, O::TimeTzMinMaxMultiOps}},
      {"Uuid", {O::UuidBloomOps, O::UuidMinMaxOps, O::UuidMinMaxMultiOps}},
  };
  for (const auto& row : table) {
    if (row.native_type != native) continue;
    if (!op) return true;
    for (O c : row.classes)
      if (c == *op) return true;
    return false;
  }
  return false;
}

void postgres_generalized_index_rules(ValidationContext& ctx, const db::IndexAttribute& index) {
  using O = OperatorClass;
  const IndexAlgorithm algo = index.algorithm.value_or(IndexAlgorithm::BTree);
  const std::string algo_name(connector::index_algorithm_name(algo));

  for (const auto& path : index.fields) {
    if (path.operator_class && path.operator_class->raw) continue;  // raw("...") is not checked
    IndexFieldInfo field = index_field_info(ctx.db, path);
    auto native = native_type_instance(ctx, field);
    std::optional<std::string> native_name;
    if (native) native_name = std::string(native->name());
    std::optional<O> op;
    if (path.operator_class) op = path.operator_class->known;
    const std::string field_name(field.name());
    auto op_name = [&] { return std::string(connector::operator_class_display_name(*op)); };

    if (op && !connector::operator_class_supports_algorithm(*op, algo)) {
      index_error(ctx, index,
                  "The given operator class `" + op_name() + "` is not supported with the `" + algo_name + "` index type.");
      continue;
    }

    auto fail = [&] {
      if (native_name && op)
        index_error(ctx, index, "The given operator class `" + op_name() + "` does not support native type `" +
                                    *native_name + "` of field `" + field_name + "`.");
      else if (native_name)
        index_error(ctx, index, "The " + algo_name + " index field type `" + *native_name + "` has no default operator class.");
      else if (op)
        index_error(ctx, index, "The given operator class `" + op_name() + "` expects the field `" + field_name +
                                    "` to define a valid native type.");
      else if (!algorithm_supports_field_type(algo, field))
        index_error(ctx, index, "The " + algo_name + " index type does not support the type of the field `" + field_name + "`.");
    };
    auto not_of_type = [&](std::string_view type_name) {
      index_error(ctx, index, "The given operator class `" + op_name() + "` points to the field `" + field_name +
                                  "` that is not of " + std::string(type_name) + " type.");
    };
    auto native_is = [&](std::string_view n) { return native_name && *native_name == n; };
    auto op_in = [&](std::initializer_list<O> set) {
      if (!op) return false;
      for (O o : set)
        if (o == *op) return true;
      return false;
    };

    switch (algo) {
      case IndexAlgorithm::Gist:
        if (!(native_is("Inet") && op == O::InetOps)) fail();
        break;
      case IndexAlgorithm::Gin:
        if (!native && !op && field.is_builtin(ScalarType::Json)) break;
        if (!op && field.is_list()) break;
        if (native_is("JsonB") && (!op || op_in({O::JsonbOps, O::JsonbPathOps}))) break;
        if (!native && op_in({O::JsonbOps, O::JsonbPathOps})) {
          if (!field.is_builtin(ScalarType::Json)) not_of_type("Json");
          break;
        }
        if (op == O::ArrayOps) {
          if (field.is_list()) break;
          index_error(ctx, index, "The given operator class `ArrayOps` expects the type of field `" + field_name +
                                      "` to be an array.");
          break;
        }
        fail();
        break;
      case IndexAlgorithm::SpGist:
        if (native_is("Inet") && (!op || op == O::InetOps)) break;
        if (!native && !op && field.is_builtin(ScalarType::String)) break;
        if (!native && op == O::TextOps) {
          if (!field.is_builtin(ScalarType::String)) not_of_type("String");
          break;
        }
        if ((native_is("Text") || native_is("VarChar") || native_is("Char")) && (!op || op == O::TextOps)) break;
        fail();
        break;
      case IndexAlgorithm::Brin: {
        if (native && brin_native_type_accepts(*native_name, op)) break;
        if (!native) {
          // Operator classes that only need the Prisma type, and that type's name for
          // "points to the field `a` that is not of <Type> type."
          static const struct {
            ScalarType type;
            std::string_view name;
            std::initializer_list<O> classes;
          } by_prisma_type[] = {
              {ScalarType::Float, "Float", {O::Float8BloomOps, O::Float8MinMaxOps, O::Float8MinMaxMultiOps}},
              {ScalarType::Int, "Int", {O::Int4BloomOps, O::Int4MinMaxOps, O::Int4MinMaxMultiOps}},
              {ScalarType::BigInt, "BigInt", {O::Int8BloomOps, O::Int8MinMaxOps, O::Int8MinMaxMultiOps}},
              {ScalarType::Decimal, "Decimal", {O::NumericBloomOps, O::NumericMinMaxOps, O::NumericMinMaxMultiOps}},
              {ScalarType::Bytes, "Bytes", {O::ByteaBloomOps, O::ByteaMinMaxOps}},
              {ScalarType::String, "String", {O::TextBloomOps, O::TextMinMaxOps}},
              {ScalarType::DateTime, "DateTime", {O::TimestampBloomOps, O::TimestampMinMaxOps, O::TimestampMinMaxMultiOps}},
          };
          bool handled = false;
          for (const auto& row : by_prisma_type) {
            if (!op && field.is_builtin(row.type)) {
              handled = true;
              break;
            }
            if (op_in(row.classes)) {
              if (!field.is_builtin(row.type)) not_of_type(row.name);
              handled = true;
              break;
            }
          }
          if (handled) break;
        }
        fail();
        break;
      }
      case IndexAlgorithm::BTree:
      case IndexAlgorithm::Hash: break;
    }
  }
}

void postgres_index_rules(ValidationContext& ctx, const db::IndexAttribute& index) {
  // compatible_native_types: Xml columns cannot be indexed at all.
  for (const auto& path : index.fields) {
    IndexFieldInfo field = index_field_info(ctx.db, path);
    auto native = native_type_instance(ctx, field);
    if (!native || native->name() != "Xml") continue;
    std::string nt = native->to_string();
    std::string_view cname = ctx.connector->display_name;
    ctx.diagnostics.error(index.is_unique() ? connector::incompatible_with_unique_message(nt, cname, "")
                                            : connector::incompatible_with_index_message(nt, cname, ""),
                          field.ast->span);
    break;
  }
  postgres_generalized_index_rules(ctx, index);
  // spgist_indexed_column_count
  if (index.algorithm == IndexAlgorithm::SpGist && index.fields.size() != 1)
    index_error(ctx, index, "SpGist does not support multi-column indices.");
}

constexpr std::string_view kLengthGuide =
    " Please use the `length` argument to the field in the index definition to allow this.";

bool mysql_type_needs_length(std::string_view native_name) {
  for (std::string_view t : {"Text", "LongText", "MediumText", "TinyText", "Blob", "TinyBlob", "MediumBlob", "LongBlob"})
    if (t == native_name) return true;
  return false;
}

void mysql_key_rules(ValidationContext& ctx, const db::ModelInfo& model) {
  std::string_view cname = ctx.connector->display_name;
  for (const auto& index : model.keys.indexes) {
    for (const auto& path : index.fields) {
      auto native = native_type_instance(ctx, index_field_info(ctx.db, path));
      if (!native || !mysql_type_needs_length(native->name()) || path.length || index.is_fulltext()) continue;
      std::string nt = native->to_string();
      ctx.diagnostics.error(index.is_unique() ? connector::incompatible_with_unique_message(nt, cname, kLengthGuide)
                                              : connector::incompatible_with_index_message(nt, cname, kLengthGuide),
                            index.attribute->span);
      break;
    }
  }
  if (const auto& pk = model.keys.primary_key) {
    for (const auto& path : pk->fields) {
      auto native = native_type_instance(ctx, index_field_info(ctx.db, path));
      if (!native || !mysql_type_needs_length(native->name()) || path.length) continue;
      ctx.diagnostics.error(connector::incompatible_with_id_message(native->to_string(), cname, kLengthGuide),
                            pk->attribute->span);
      break;
    }
  }
}

// ---- MongoDB (mongodb/validations.rs validate_model) ----

// Same fields in the same order with the same sort and length (IndexWalker::contains_exactly_the_fields).
bool same_index_fields(const db::IndexAttribute& a, const db::IndexAttribute& b) {
  if (a.fields.size() != b.fields.size()) return false;
  for (std::size_t i = 0; i < a.fields.size(); ++i) {
    const auto& x = a.fields[i];
    const auto& y = b.fields[i];
    if (x.field != y.field || x.path != y.path || x.sort_order != y.sort_order || x.length != y.length) return false;
  }
  return true;
}

void mongodb_model_rules(ValidationContext& ctx, db::ModelId model_id) {
  const db::ModelInfo& model = ctx.db.model(model_id);
  const auto& pk = model.keys.primary_key;
  if (!pk)
    ctx.diagnostics.error("Invalid model: MongoDB models require exactly one identity field annotated with @id",
                          model.ast->span);

  // id_field_must_have_a_correct_mapped_name
  if (pk && pk->fields.size() == 1) {
    const db::ScalarField& id = ctx.db.scalar_field(pk->fields[0].field);
    std::optional<std::string_view> mapped;
    if (id.mapped_name) mapped = *id.mapped_name;
    connector::check_mongodb_id_mapped_name(*ctx.connector, model.is_view() ? "view" : "model", model.name(),
                                            id.name(), mapped, id.ast->span, ctx.diagnostics);
  }

  auto is_single_pk = [&](db::ScalarFieldId f) { return pk && pk->fields.size() == 1 && pk->fields[0].field == f; };

  // Prisma checks the scalar fields here (auto()/dbgenerated() defaults, `@map` characters); the
  // CORE pipeline does those in its scalar field checks (core_validations.cpp).

  const auto& indexes = model.keys.indexes;
  for (std::size_t i = 0; i < indexes.size(); ++i) {
    const auto& index = indexes[i];
    // index_is_not_defined_multiple_times_to_same_fields: Prisma names the attribute "@@<name>"
    // even for a field-level @unique.
    for (std::size_t j = 0; j < indexes.size(); ++j)
      if (j != i && same_index_fields(index, indexes[j])) {
        ctx.diagnostics.attribute_error("@@" + index.attribute->name.name, "Index already exists in the model.",
                                        index.attribute->span);
        break;
      }
    // unique_cannot_be_defined_to_id_field
    if (index.is_unique() && index.fields.size() == 1 && is_single_pk(index.fields[0].field))
      index_error(ctx, index, "The same field cannot be an id and unique on MongoDB.");
  }
}

}  // namespace

void validate_model_keys_connector_specific(ValidationContext& ctx, db::ModelId model_id) {
  if (!ctx.connector) return;
  const db::ModelInfo& model = ctx.db.model(model_id);
  // Views go through the connectors' validate_view, which has no key rules.
  if (model.is_view()) return;
  switch (ctx.connector->id) {
    case connector::ConnectorId::Postgres:
      for (const auto& index : model.keys.indexes) postgres_index_rules(ctx, index);
      break;
    case connector::ConnectorId::MySql: mysql_key_rules(ctx, model); break;
    // MongoDB's validate_model minus the scalar field checks: ids and duplicate indexes.
    case connector::ConnectorId::MongoDb: mongodb_model_rules(ctx, model_id); break;
    default: break;
  }
}

}  // namespace prismapp::schema::validate
