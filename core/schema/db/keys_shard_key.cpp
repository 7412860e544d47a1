// Shard keys (parser-database attributes/shard_key.rs): like @id/@@id, but the fields are plain
// names (`[a, b]`, no `a(sort: ...)`), resolved with Prisma's resolve_field_array_without_args.
#include <string>

#include "core/schema/db/builder.hpp"
#include "core/schema/db/keys_resolve.hpp"

namespace prismapp::schema::db {
namespace {

// "field `a`" / "fields `a`, `b`".
std::string fields_with_leading_word(const std::vector<std::string>& names) {
  std::string out = names.size() > 1 ? "fields " : "field ";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += ", ";
    out += "`" + names[i] + "`";
  }
  return out;
}

}  // namespace

void resolve_field_shard_key(ParserDatabase::Builder& b, ModelId model, ScalarFieldId field) {
  ModelKeys& keys = b.model(model).keys;
  const ast::Model& ast_model = b.ast_model(model);
  if (keys.shard_key) {
    b.diagnostics.model_validation_error(
        ast_model.name.name, "At most one field must be marked as the shard key with the `@shardKey` attribute.",
        ast_model.span);
    return;
  }
  keys.shard_key = ShardKey{{field}, field, &b.attributes.current()};
}

void resolve_model_shard_key(ParserDatabase::Builder& b, ModelId model) {
  const ast::Attribute& attr = b.attributes.current();
  const ast::Expression* fields = b.attributes.visit_default_arg("fields");
  if (!fields) return;
  const ast::Model& ast_model = b.ast_model(model);

  // Coerce to constants: an array element-wise (all must pass), anything else as one element.
  std::vector<const ast::Expression*> items;
  if (fields->is_array()) {
    for (const auto& item : fields->items) items.push_back(&item);
  } else {
    items.push_back(fields);
  }
  std::vector<std::string_view> names;
  bool valid = true;
  for (const ast::Expression* item : items) {
    if (auto c = coerce_constant(*item, b.diagnostics)) names.push_back(*c);
    else valid = false;
  }
  if (!valid) return;

  std::vector<ScalarFieldId> resolved;
  std::vector<std::string> unknown;
  std::vector<std::string> relation;
  for (std::string_view name : names) {
    auto ref = name.find('.') == std::string_view::npos ? b.find_model_field(model, name) : ParserDatabase::FieldRef{};
    if (ref.relation) {
      relation.emplace_back(name);
      continue;
    }
    if (!ref.scalar) {
      unknown.emplace_back(name);
      continue;
    }
    for (ScalarFieldId seen : resolved)
      if (seen == *ref.scalar) {
        b.diagnostics.model_validation_error(
            ast_model.name.name, "The unique index definition refers to the field " + std::string(name) + " multiple times.",
            attr.span);
        return;
      }
    resolved.push_back(*ref.scalar);
  }
  if (!unknown.empty() || !relation.empty()) {
    if (!unknown.empty())
      b.diagnostics.model_validation_error(
          ast_model.name.name,
          "The multi field shard key declaration refers to the unknown " + fields_with_leading_word(unknown) + ".",
          fields->span);
    if (!relation.empty())
      b.diagnostics.model_validation_error(ast_model.name.name,
                                           "The shard key definition refers to the relation " +
                                               fields_with_leading_word(relation) +
                                               ". Shard key definitions must reference only scalar fields.",
                                           attr.span);
    return;
  }

  ModelInfo& info = b.model(model);
  std::vector<std::string> optional_fields;
  for (ScalarFieldId f : resolved)
    if (b.scalar_field(f).arity() != ast::FieldArity::Required) optional_fields.emplace_back(b.scalar_field(f).name());
  if (!optional_fields.empty() && !info.is_ignored)
    b.diagnostics.model_validation_error(ast_model.name.name,
                                         "The shard key definition refers to the optional " +
                                             fields_with_leading_word(optional_fields) +
                                             ". Shard key definitions must reference only required fields.",
                                         attr.span);
  if (info.keys.shard_key)
    b.diagnostics.model_validation_error(
        ast_model.name.name,
        "Each model must have at most one shard key. You can't have `@shardKey` and `@@shardKey` at the same time.",
        ast_model.span);
  info.keys.shard_key = ShardKey{std::move(resolved), std::nullopt, &attr};
}

void validate_shard_key_field_arities(ParserDatabase::Builder& b, ModelId model) {
  const ModelInfo& info = b.model(model);
  if (info.is_ignored || !info.keys.shard_key || !info.keys.shard_key->source_field) return;
  const ShardKey& key = *info.keys.shard_key;
  if (b.scalar_field(*key.source_field).arity() != ast::FieldArity::Required)
    b.diagnostics.attribute_error("@shardKey", "Fields that are marked as shard keys must be required.",
                                  key.attribute->span);
}

}  // namespace prismapp::schema::db
