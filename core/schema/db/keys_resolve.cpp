// See keys_resolve.hpp. Mirrors parser-database attributes.rs (model_index, model_unique,
// model_fulltext, visit_field_unique, common_index_validations) and attributes/id.rs.
#include "core/schema/db/keys_resolve.hpp"

#include <string>

#include "core/schema/db/builder.hpp"
#include "core/schema/db/keys_field_paths.hpp"

namespace prismapp::schema::db {
namespace {

// Prisma's push_attribute_validation_error names the open attribute with a single `@` even for
// block attributes (`Error parsing attribute "@index": Unknown index type: Foo.`).
void push_attribute_error(ParserDatabase::Builder& b, std::string_view message) {
  const ast::Attribute& attr = b.attributes.current();
  b.diagnostics.attribute_error("@" + attr.name.name, message, attr.span);
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

// "field `a`" / "fields `a`, `b`" (format_fields_in_error_with_leading_word).
std::string fields_with_leading_word(const std::vector<std::string>& names) {
  std::string out = names.size() > 1 ? "fields " : "field ";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += ", ";
    out += "`" + names[i] + "`";
  }
  return out;
}

// `map:` / `name:` string arguments; the empty string is an error and yields nothing.
std::optional<std::string> non_empty_string_arg(ParserDatabase::Builder& b, std::string_view arg_name) {
  const ast::Expression* e = b.attributes.visit_optional_arg(arg_name);
  if (!e) return std::nullopt;
  auto s = coerce_string(*e, b.diagnostics);
  if (!s) return std::nullopt;
  if (s->empty()) {
    push_attribute_error(b, "The `" + std::string(arg_name) + "` argument cannot be an empty string.");
    return std::nullopt;
  }
  return std::string(*s);
}

std::optional<bool> clustering_arg(ParserDatabase::Builder& b) {
  const ast::Expression* e = b.attributes.visit_optional_arg("clustered");
  return e ? coerce_boolean(*e, b.diagnostics) : std::nullopt;
}

std::optional<std::uint32_t> length_arg(ParserDatabase::Builder& b) {
  const ast::Expression* e = b.attributes.visit_optional_arg("length");
  if (!e) return std::nullopt;
  auto n = coerce_integer(*e, b.diagnostics);
  return n ? std::optional<std::uint32_t>(static_cast<std::uint32_t>(*n)) : std::nullopt;
}

std::optional<SortOrder> sort_arg(ParserDatabase::Builder& b) {
  const ast::Expression* e = b.attributes.visit_optional_arg("sort");
  if (!e) return std::nullopt;
  auto c = coerce_constant(*e, b.diagnostics);
  if (!c) return std::nullopt;
  if (*c == "Desc") return SortOrder::Desc;
  if (*c == "Asc") return SortOrder::Asc;
  push_attribute_error(b, "The `sort` argument can only be `Asc` or `Desc` you provided: " + std::string(*c) +
                                    ".");
  return std::nullopt;
}

// The client name of @@id/@@unique ends up in the generated client API.
void validate_client_name(ParserDatabase::Builder& b, ModelId model, std::string_view name,
                          std::string_view attribute) {
  for (unsigned char c : name)
    if (!(c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
      b.diagnostics.model_validation_error(b.ast_model(model).name.name,
                                           "The `name` property within the `" + std::string(attribute) +
                                               "` attribute only allows for the following characters: `_a-zA-Z0-9`.",
                                           b.attributes.current().span);
      return;
    }
}

// Prisma's common_index_validations: resolves `fields:` into `index.fields`, reporting unknown and
// relation fields.
void resolve_index_fields(ParserDatabase::Builder& b, ModelId model, IndexAttribute& index) {
  const ast::Attribute& attr = b.attributes.current();
  const ast::Expression* fields = b.attributes.visit_default_arg("fields");
  if (!fields) return;
  auto r = resolve_index_field_array(b, model, *fields, attr.span, CompositePaths::Follow);
  if (r.outcome == FieldArrayResolution::Outcome::Resolved) {
    index.fields = std::move(r.fields);
    return;
  }
  if (r.outcome == FieldArrayResolution::Outcome::AlreadyReported) return;
  std::string_view model_name = b.ast_model(model).name.name;
  std::string prefix = index.is_unique() ? "unique " : "";
  if (!r.unknown_fields.empty())
    b.diagnostics.model_validation_error(
        model_name, "The " + prefix + "index definition refers to the unknown fields: " + join(r.unknown_fields, ", ") + ".",
        attr.span);
  if (!r.relation_fields.empty()) {
    std::vector<std::string> names;
    std::vector<std::string> suggested;
    for (RelationFieldId rf : r.relation_fields) {
      const RelationField& field = b.relation_field(rf);
      names.emplace_back(field.name());
      if (field.fields)
        for (ScalarFieldId sf : *field.fields) suggested.emplace_back(b.scalar_field(sf).name());
    }
    std::string suggestion;
    if (!suggested.empty())
      suggestion = std::string(" Did you mean `@@") + (index.is_unique() ? "unique" : "index") + "([" +
                   join(suggested, ", ") + "])`?";
    b.diagnostics.model_validation_error(model_name,
                                         "The " + prefix + "index definition refers to the relation fields " +
                                             join(names, ", ") +
                                             ". Index definitions must reference only scalar fields." + suggestion,
                                         attr.span);
  }
}

}  // namespace

void resolve_field_id(ParserDatabase::Builder& b, ModelId model, ScalarFieldId field) {
  ModelKeys& keys = b.model(model).keys;
  const ast::Model& ast_model = b.ast_model(model);
  if (keys.primary_key) {
    b.diagnostics.model_validation_error(ast_model.name.name,
                                         "At most one field must be marked as the id field with the `@id` attribute.",
                                         ast_model.span);
    return;
  }
  PrimaryKey pk;
  pk.mapped_name = non_empty_string_arg(b, "map");
  IndexFieldPath path;
  path.field = field;
  path.length = length_arg(b);
  path.sort_order = sort_arg(b);
  pk.clustered = clustering_arg(b);
  pk.fields.push_back(std::move(path));
  pk.source_field = field;
  pk.attribute = &b.attributes.current();
  keys.primary_key = std::move(pk);
}

void resolve_field_unique(ParserDatabase::Builder& b, ModelId model, ScalarFieldId field) {
  IndexAttribute index;
  index.kind = IndexAttribute::Kind::Unique;
  index.mapped_name = non_empty_string_arg(b, "map");
  IndexFieldPath path;
  path.field = field;
  path.length = length_arg(b);
  path.sort_order = sort_arg(b);
  index.clustered = clustering_arg(b);
  index.fields.push_back(std::move(path));
  index.source_field = field;
  index.attribute = &b.attributes.current();
  b.model(model).keys.indexes.push_back(std::move(index));
}

void resolve_model_id(ParserDatabase::Builder& b, ModelId model) {
  const ast::Attribute& attr = b.attributes.current();
  const ast::Expression* fields = b.attributes.visit_default_arg("fields");
  if (!fields) return;
  const ast::Model& ast_model = b.ast_model(model);
  auto r = resolve_index_field_array(b, model, *fields, attr.span, CompositePaths::OnlyTopLevel);
  if (r.outcome == FieldArrayResolution::Outcome::AlreadyReported) return;
  if (r.outcome == FieldArrayResolution::Outcome::Problems) {
    if (!r.unknown_fields.empty())
      b.diagnostics.model_validation_error(
          ast_model.name.name,
          "The multi field id declaration refers to the unknown " + fields_with_leading_word(r.unknown_fields) + ".",
          fields->span);
    if (!r.relation_fields.empty()) {
      std::vector<std::string> names;
      for (RelationFieldId rf : r.relation_fields) names.emplace_back(b.relation_field(rf).name());
      b.diagnostics.model_validation_error(ast_model.name.name,
                                           "The id definition refers to the relation " +
                                               fields_with_leading_word(names) +
                                               ". ID definitions must reference only scalar fields.",
                                           attr.span);
    }
    return;
  }

  ModelInfo& info = b.model(model);
  std::vector<std::string> optional_fields;
  for (const IndexFieldPath& p : r.fields) {
    const ast::Field* f = b.scalar_field(p.field).ast;
    if (!p.path.empty()) f = b.composite_type(p.path.back().first).fields.at(p.path.back().second).ast;
    if (f->arity != ast::FieldArity::Required) optional_fields.push_back(f->name.name);
  }
  if (!optional_fields.empty() && !info.is_ignored)
    b.diagnostics.model_validation_error(ast_model.name.name,
                                         "The id definition refers to the optional " +
                                             fields_with_leading_word(optional_fields) +
                                             ". ID definitions must reference only required fields.",
                                         attr.span);
  if (info.keys.primary_key)
    b.diagnostics.model_validation_error(
        ast_model.name.name,
        "Each model must have at most one id criteria. You can't have `@id` and `@@id` at the same time.",
        ast_model.span);

  PrimaryKey pk;
  pk.mapped_name = non_empty_string_arg(b, "map");
  pk.name = non_empty_string_arg(b, "name");
  if (pk.name) validate_client_name(b, model, *pk.name, "@@id");
  pk.clustered = clustering_arg(b);
  pk.fields = std::move(r.fields);
  pk.attribute = &attr;
  info.keys.primary_key = std::move(pk);
}

void resolve_model_index(ParserDatabase::Builder& b, ModelId model) {
  IndexAttribute index;
  index.kind = IndexAttribute::Kind::Normal;
  resolve_index_fields(b, model, index);
  auto name = non_empty_string_arg(b, "name");
  auto mapped = non_empty_string_arg(b, "map");
  // `name:` on @@index is the legacy spelling of `map:`.
  if (name && mapped) {
    push_attribute_error(b, 
        "The `@@index` attribute accepts the `name` argument as an alias for the `map` argument for legacy reasons. "
        "It does not accept both though. Please use the `map` argument to specify the database name of the index.");
  } else {
    index.mapped_name = name ? name : mapped;
  }
  if (const ast::Expression* type = b.attributes.visit_optional_arg("type")) {
    if (auto c = coerce_constant(*type, b.diagnostics)) {
      if (auto algorithm = connector::parse_index_algorithm(*c)) index.algorithm = algorithm;
      else push_attribute_error(b, "Unknown index type: " + std::string(*c) + ".");
    }
  }
  index.clustered = clustering_arg(b);
  index.attribute = &b.attributes.current();
  b.model(model).keys.indexes.push_back(std::move(index));
}

void resolve_model_unique(ParserDatabase::Builder& b, ModelId model) {
  IndexAttribute index;
  index.kind = IndexAttribute::Kind::Unique;
  resolve_index_fields(b, model, index);
  index.name = non_empty_string_arg(b, "name");
  index.mapped_name = non_empty_string_arg(b, "map");
  if (index.name) validate_client_name(b, model, *index.name, "@@unique");
  index.clustered = clustering_arg(b);
  index.attribute = &b.attributes.current();
  b.model(model).keys.indexes.push_back(std::move(index));
}

void resolve_model_fulltext(ParserDatabase::Builder& b, ModelId model) {
  IndexAttribute index;
  index.kind = IndexAttribute::Kind::Fulltext;
  resolve_index_fields(b, model, index);
  index.mapped_name = non_empty_string_arg(b, "map");
  index.attribute = &b.attributes.current();
  b.model(model).keys.indexes.push_back(std::move(index));
}

void report_relation_field_id(ParserDatabase::Builder& b, ModelId, RelationFieldId field) {
  push_attribute_error(b, "The field `" + std::string(b.relation_field(field).name()) +
                                    "` is a relation field and cannot be marked with `@id`. Only scalar fields can be "
                                    "declared as id.");
}

void report_relation_field_unique(ParserDatabase::Builder& b, ModelId, RelationFieldId field) {
  const RelationField& rf = b.relation_field(field);
  std::vector<std::string> suggested;
  if (rf.fields)
    for (ScalarFieldId sf : *rf.fields) suggested.emplace_back(b.scalar_field(sf).name());
  std::string suggestion;
  if (suggested.size() == 1) suggestion = " Did you mean to put it on `" + suggested[0] + "`?";
  else if (suggested.size() > 1) suggestion = " Did you mean to provide `@@unique([" + join(suggested, ", ") + "])`?";
  push_attribute_error(b, "The field `" + std::string(rf.name()) +
                                    "` is a relation field and cannot be marked with `unique`. Only scalar fields can "
                                    "be made unique." +
                                    suggestion);
}

void validate_id_field_arities(ParserDatabase::Builder& b, ModelId model) {
  const ModelInfo& info = b.model(model);
  if (info.is_ignored || !info.keys.primary_key || !info.keys.primary_key->source_field) return;
  const PrimaryKey& pk = *info.keys.primary_key;
  if (b.scalar_field(*pk.source_field).arity() != ast::FieldArity::Required)
    b.diagnostics.attribute_error("@id", "Fields that are marked as id must be required.", pk.attribute->span);
}

}  // namespace prismapp::schema::db
