// The validation pipeline (Prisma's psl-core validate/validation_pipeline/validations.rs): runs
// after resolution and configuration loading produced no errors, in Prisma's order.
#pragma once
#include "core/schema/validate/context.hpp"

namespace prismapp::schema::validate {

void run_validation_pipeline(ValidationContext& ctx);

// The core checks the pipeline interleaves with the keys/relations ones (core_validations.cpp).
void validate_model_database_names(ValidationContext& ctx);
void validate_enum_database_names(ValidationContext& ctx);
void validate_composite_types(ValidationContext& ctx);
void validate_unknown_default_functions(ValidationContext& ctx);
void validate_model_schema(ValidationContext& ctx, db::ModelId model);
void validate_autoincrement(ValidationContext& ctx, db::ModelId model);
void validate_scalar_field(ValidationContext& ctx, db::ScalarFieldId field);
void validate_enums(ValidationContext& ctx);

// @default checks that need the connector or the literal's contents (default_value.cpp).
void validate_field_default(ValidationContext& ctx, db::ScalarFieldId field);
void validate_composite_field_default(ValidationContext& ctx, const db::CompositeTypeFieldInfo& field);
void validate_views_preview(ValidationContext& ctx);

}  // namespace prismapp::schema::validate
