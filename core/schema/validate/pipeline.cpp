// The order of the pipeline mirrors validations.rs, so diagnostics come out in Prisma's order.
#include "core/schema/validate/pipeline.hpp"

#include "core/schema/validate/keys_validations.hpp"
#include "core/schema/validate/relation_validations.hpp"

namespace prismapp::schema::validate {

void run_validation_pipeline(ValidationContext& ctx) {
  const db::ParserDatabase& db = ctx.db;
  const KeyNames key_names = KeyNames::build(ctx);
  const RelationNames relation_names = RelationNames::build(db);

  validate_composite_types(ctx);
  validate_unknown_default_functions(ctx);
  if (ctx.datasource) config::validate_datasource_properties(*ctx.datasource, ctx.preview_features, ctx.diagnostics);
  validate_model_database_names(ctx);

  for (std::uint32_t m = 0; m < db.models().size(); ++m) {
    const db::ModelId model{m};
    // Views need no unique criteria (they are not backed by tables with constraints).
    if (!db.model(model).is_view()) validate_strict_unique_criteria(ctx, model);
    validate_model_primary_key(ctx, key_names, model);
    validate_model_schema(ctx, model);
    validate_model_keys_connector_specific(ctx, model);
    validate_autoincrement(ctx, model);
    validate_primary_key_fields(ctx, model);
    for (db::ScalarFieldId field : db.model(model).scalar_fields) {
      validate_default_constraint_name(ctx, key_names, field);
      validate_scalar_field(ctx, field);
    }
    for (db::RelationFieldId field : db.model(model).relation_fields) {
      if (!check_relation_field_ambiguity(ctx, relation_names, field)) return;
      validate_relation_field(ctx, field);
    }
    validate_model_indexes(ctx, key_names, model);
  }
  validate_enums(ctx);
  validate_views_preview(ctx);
  validate_relations(ctx, key_names);
}

}  // namespace prismapp::schema::validate
