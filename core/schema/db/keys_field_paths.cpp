// See keys_field_paths.hpp.
#include "core/schema/db/keys_field_paths.hpp"

#include <algorithm>
#include <string_view>

namespace prismapp::schema::db {
namespace {

// One element of the fields array before resolution: `a` or `a(sort: Desc, length: 10, ops: X)`.
struct WrittenIndexField {
  std::string_view name;
  std::optional<SortOrder> sort_order;
  std::optional<std::uint32_t> length;
  std::optional<OperatorClass> operator_class;
};

const ast::Argument* find_named(const ast::ArgumentsList& args, std::string_view name) {
  for (const auto& arg : args.arguments)
    if (arg.name && arg.name->name == name) return &arg;
  return nullptr;
}

void parser_error(Diagnostics& d, std::string_view expected, Span span) {
  d.error("Unexpected token. Expected one of: " + std::string(expected), span);
}

std::optional<OperatorClass> read_operator_class(const ast::Argument& arg, Diagnostics& d) {
  const ast::Expression& value = arg.value();
  if (value.is_constant()) {
    if (auto known = connector::parse_operator_class(value.value)) return OperatorClass{known, std::nullopt};
    parser_error(d, "Invalid operator class: " + value.value, value.span);
    return std::nullopt;
  }
  if (value.is_function() && value.value == "raw") {
    const auto& raw_args = value.arguments.arguments;
    if (raw_args.size() != 1) {
      parser_error(d, "Wrong number of arguments. Expected: 1, got: " + std::to_string(raw_args.size()), value.span);
      return std::nullopt;
    }
    if (!raw_args[0].value().is_string()) {
      parser_error(d, "Invalid parameter type: expected string", value.span);
      return std::nullopt;
    }
    return OperatorClass{std::nullopt, raw_args[0].value().value};
  }
  parser_error(d, "operator class", arg.span);
  return std::nullopt;
}

std::optional<WrittenIndexField> coerce_index_field(const ast::Expression& e, Diagnostics& d) {
  if (e.is_constant()) return WrittenIndexField{e.value, {}, {}, {}};
  if (!e.is_function()) {
    d.error(std::string("Expected a constant literal value, but received ") + e.describe() + " value `" +
                expression_to_string(e) + "`.",
            e.span);
    return std::nullopt;
  }
  WrittenIndexField field{e.value, {}, {}, {}};
  const auto& args = e.arguments;
  if (const auto* sort = find_named(args, "sort")) {
    if (auto c = coerce_constant(sort->value(), d)) {
      if (*c == "Asc") field.sort_order = SortOrder::Asc;
      else if (*c == "Desc") field.sort_order = SortOrder::Desc;
      else parser_error(d, "Asc, Desc", sort->span);
    }
  }
  if (const auto* length = find_named(args, "length")) {
    if (auto n = coerce_integer(length->value(), d); n && *n >= 0) field.length = static_cast<std::uint32_t>(*n);
  }
  if (const auto* ops = find_named(args, "ops")) field.operator_class = read_operator_class(*ops, d);
  return field;
}

// Prisma's coerce_array: an array coerces element-wise (all must pass), anything else is a
// one-element list.
std::optional<std::vector<WrittenIndexField>> coerce_index_fields(const ast::Expression& e, Diagnostics& d) {
  std::vector<WrittenIndexField> out;
  if (!e.is_array()) {
    auto one = coerce_index_field(e, d);
    if (!one) return std::nullopt;
    out.push_back(*one);
    return out;
  }
  bool valid = true;
  for (const auto& item : e.items) {
    if (auto f = coerce_index_field(item, d)) out.push_back(*f);
    else valid = false;
  }
  if (!valid) return std::nullopt;
  return out;
}

bool same_path(const IndexFieldPath& a, const IndexFieldPath& b) { return a.field == b.field && a.path == b.path; }

}  // namespace

FieldArrayResolution resolve_index_field_array(ParserDatabase::Builder& builder, ModelId model,
                                               const ast::Expression& fields, Span attribute_span,
                                               CompositePaths composite_paths) {
  FieldArrayResolution result;
  auto written = coerce_index_fields(fields, builder.diagnostics);
  if (!written) {
    result.outcome = FieldArrayResolution::Outcome::AlreadyReported;
    return result;
  }

  const ast::Model& ast_model = builder.ast_model(model);
  std::vector<IndexFieldPath> resolved;
  resolved.reserve(written->size());

  for (const WrittenIndexField& w : *written) {
    IndexFieldPath path;
    if (w.name.find('.') != std::string_view::npos) {
      if (composite_paths == CompositePaths::OnlyTopLevel) {
        result.unknown_fields.emplace_back(w.name);
        continue;
      }
      // Walk `a.b.c`: `a` is a composite-typed model field, the rest composite type fields.
      std::vector<std::string_view> shards;
      for (std::size_t start = 0;;) {
        std::size_t dot = w.name.find('.', start);
        shards.push_back(w.name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
        if (dot == std::string_view::npos) break;
        start = dot + 1;
      }
      auto root = builder.find_model_field(model, shards[0]);
      if (root.relation) {
        result.relation_fields.push_back(*root.relation);
        continue;
      }
      if (!root.scalar) {
        result.unknown_fields.emplace_back(shards[0]);
        continue;
      }
      const ScalarField& root_field = builder.scalar_field(*root.scalar);
      if (root_field.type.kind != ScalarFieldType::Kind::CompositeType) {
        result.unknown_fields.emplace_back(w.name);
        continue;
      }
      path.field = *root.scalar;
      CompositeTypeId next = root_field.type.composite_type_id;
      bool ok = true;
      for (std::size_t i = 1; i < shards.size(); ++i) {
        auto idx = builder.find_composite_type_field(next, shards[i]);
        if (!idx) {
          result.unknown_fields.push_back(std::string(shards[i]) + " in type " +
                                          std::string(builder.composite_type(next).name()));
          ok = false;
          break;
        }
        path.path.emplace_back(next, *idx);
        const auto& ct_field = builder.composite_type(next).fields.at(*idx);
        if (ct_field.type.kind == ScalarFieldType::Kind::CompositeType) {
          next = ct_field.type.composite_type_id;
        } else if (i + 1 < shards.size()) {
          result.unknown_fields.emplace_back(w.name);
          ok = false;
          break;
        }
      }
      if (!ok) continue;
    } else {
      auto ref = builder.find_model_field(model, w.name);
      if (ref.scalar) {
        path.field = *ref.scalar;
      } else if (ref.relation) {
        result.relation_fields.push_back(*ref.relation);
        continue;
      } else {
        result.unknown_fields.emplace_back(w.name);
        continue;
      }
    }

    // The same field twice. Index field lists are short, so the linear check is fine.
    if (std::any_of(resolved.begin(), resolved.end(), [&](const IndexFieldPath& p) { return same_path(p, path); })) {
      std::string shown(w.name);
      if (!path.path.empty()) {
        const auto& [ct, idx] = path.path.back();
        shown = builder.composite_type(ct).fields.at(idx).ast->name.name + " in type " +
                std::string(builder.composite_type(ct).name());
      }
      builder.diagnostics.model_validation_error(
          ast_model.name.name, "The unique index definition refers to the field " + shown + " multiple times.",
          attribute_span);
      result.outcome = FieldArrayResolution::Outcome::AlreadyReported;
      return result;
    }
    path.sort_order = w.sort_order;
    path.length = w.length;
    path.operator_class = w.operator_class;
    resolved.push_back(std::move(path));
  }

  if (!result.unknown_fields.empty() || !result.relation_fields.empty()) {
    result.outcome = FieldArrayResolution::Outcome::Problems;
    return result;
  }
  result.fields = std::move(resolved);
  return result;
}

}  // namespace prismapp::schema::db
