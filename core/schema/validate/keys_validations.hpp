// Validations of primary keys, unique constraints, indexes and constraint names (psl-core
// validations/{models.rs, indexes.rs, fields.rs, names.rs, constraint_namespace.rs} and the
// connectors' index rules). The CORE pipeline calls them in Prisma's validations.rs order:
//
//   KeyNames names = KeyNames::build(ctx);              // once, before the model loop
//   for each model and view:
//     validate_strict_unique_criteria(ctx, model)      // models::has_a_strict_unique_criteria
//     validate_model_primary_key(ctx, names, model)    // has_a_unique_primary_key_name ...
//                                                       //   only_one_fulltext_attribute_allowed
//     (CORE: multischema, schema checks)
//     validate_model_keys_connector_specific(ctx, model)  // part of models::connector_specific:
//                                                       //   MySQL/Postgres/SQL Server index rules
//     (CORE: autoincrement)
//     validate_primary_key_fields(ctx, model)           // pk length types, clustering
//     (CORE: scalar fields — call validate_default_constraint_name(ctx, names, field) from
//            fields::has_a_unique_default_constraint_name; relation fields)
//     validate_model_indexes(ctx, names, model)         // the `for index in model.indexes()` loop
//   relations: validate_foreign_key_constraint_name(ctx, names, relation_field) is
//              relations::has_a_unique_constraint_name.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "core/schema/db/database.hpp"
#include "core/schema/db/ids.hpp"

namespace prismapp::schema::validate {

struct ValidationContext;  // core/schema/validate/context.hpp

// Prisma's `Names`: every constraint name (primary keys, indexes, foreign keys, default
// constraints) counted per connector constraint scope, plus custom client names per model.
class KeyNames {
 public:
  static KeyNames build(const ValidationContext& ctx);
  KeyNames(KeyNames&&) noexcept;
  KeyNames& operator=(KeyNames&&) noexcept;
  ~KeyNames();

  struct Data;  // keys_names.cpp
  const Data& data() const { return *data_; }

 private:
  explicit KeyNames(std::unique_ptr<Data> data);
  std::unique_ptr<Data> data_;
};

void validate_strict_unique_criteria(ValidationContext& ctx, db::ModelId model);
void validate_model_primary_key(ValidationContext& ctx, const KeyNames& names, db::ModelId model);
void validate_model_keys_connector_specific(ValidationContext& ctx, db::ModelId model);
void validate_primary_key_fields(ValidationContext& ctx, db::ModelId model);
void validate_model_indexes(ValidationContext& ctx, const KeyNames& names, db::ModelId model);

// Constraint-name clashes of the other constraint kinds (same namespaces as the keys).
void validate_default_constraint_name(ValidationContext& ctx, const KeyNames& names, db::ScalarFieldId field);
void validate_foreign_key_constraint_name(ValidationContext& ctx, const KeyNames& names,
                                          db::RelationFieldId relation_field);

}  // namespace prismapp::schema::validate
