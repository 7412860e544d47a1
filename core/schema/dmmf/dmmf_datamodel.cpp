// The top level of the DMMF datamodel: which blocks appear, in Prisma's order (schema_to_dmmf).
#include "core/schema/dmmf/dmmf.hpp"
#include "core/schema/dmmf/dmmf_parts.hpp"

namespace prismapp::schema::dmmf {

Json datamodel_to_dmmf(const db::ParserDatabase& db) {
  Json enums = Json::array();
  for (const auto& enm : db.enums()) enums.push_back(enum_to_dmmf(enm));

  // Prisma walks models, then views (each in declaration order), skipping @@ignore'd ones; each
  // contributes its model entry and its indexes.
  Json models = Json::array();
  Json indexes = Json::array();
  for (bool views : {false, true}) {
    for (std::uint32_t i = 0; i < db.models().size(); ++i) {
      const db::ModelInfo& model = db.models()[i];
      if (model.is_view() != views || model.is_ignored) continue;
      const db::ModelId id{i};
      models.push_back(model_to_dmmf(db, id));
      append_model_indexes(db, id, indexes);
    }
  }

  Json types = Json::array();
  for (const auto& ct : db.composite_types()) types.push_back(composite_type_to_dmmf(db, ct));

  ObjectBuilder out(4);
  out.add("enums", std::move(enums));
  out.add("models", std::move(models));
  out.add("types", std::move(types));
  out.add("indexes", std::move(indexes));
  return out.take();
}

Json datamodel_to_dmmf(const ValidationResult& result) {
  if (result.db) return datamodel_to_dmmf(*result.db);
  ObjectBuilder out(4);
  for (const char* key : {"enums", "models", "types", "indexes"}) out.add(key, Json::array());
  return out.take();
}

}  // namespace prismapp::schema::dmmf
