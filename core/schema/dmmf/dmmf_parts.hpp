// Internal pieces of the DMMF datamodel builder, one file each (see dmmf.hpp for the whole).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/schema/ast.hpp"
#include "core/schema/db/database.hpp"

namespace prismapp::schema::dmmf {

using Json = nlohmann::ordered_json;

// dmmf_enums.cpp: one entry of `enums`.
Json enum_to_dmmf(const db::EnumInfo& enm);

// dmmf_models.cpp: one entry of `models` (a model or a view) / of `types` (a composite type).
Json model_to_dmmf(const db::ParserDatabase& db, db::ModelId model);
Json composite_type_to_dmmf(const db::ParserDatabase& db, const db::CompositeTypeInfo& ct);

// dmmf_indexes.cpp: the model's `indexes` entries (primary key first, then the other indexes in
// resolution order), appended to `out`; and the model-level key summaries.
void append_model_indexes(const db::ParserDatabase& db, db::ModelId model, Json& out);
Json primary_key_to_dmmf(const db::ParserDatabase& db, const db::ModelInfo& model);  // null unless @@id
Json unique_fields_to_dmmf(const db::ParserDatabase& db, const db::ModelInfo& model);
Json unique_indexes_to_dmmf(const db::ParserDatabase& db, const db::ModelInfo& model);
// Prisma's is_single_pk / is_unique (a single-field @@id / @@unique counts too).
bool is_single_field_id(const db::ModelInfo& model, db::ScalarFieldId field);
bool is_single_field_unique(const db::ModelInfo& model, db::ScalarFieldId field);

// dmmf_defaults.cpp: the `default` of a field: a value, or {name, args} for a function.
// `scalar` is the field's built-in type (nullopt for enums and composite types).
Json default_value_to_dmmf(const ast::Expression& value, std::optional<db::ScalarType> scalar);

// datetime_rfc3339.cpp: chrono's `DateTime<FixedOffset>::to_rfc3339()` of a schema DateTime
// literal ("2020-01-01T10:00:00Z" → "2020-01-01T10:00:00+00:00"); nullopt if it does not parse.
std::optional<std::string> normalize_rfc3339(std::string_view text);

// Builds one JSON object by appending keys in emission order. Faster than `json[key] = v`
// (ordered_json searches existing keys linearly and regrows its vector): the DMMF of a large
// schema is hundreds of thousands of keys, all distinct by construction.
class ObjectBuilder {
 public:
  explicit ObjectBuilder(std::size_t capacity) : json_(Json::object()) { object().reserve(capacity); }
  template <typename V>
  void add(const char* key, V&& value) {
    object().emplace_back(key, Json(std::forward<V>(value)));
  }
  Json take() { return std::move(json_); }

 private:
  Json::object_t& object() { return json_.get_ref<Json::object_t&>(); }
  Json json_;
};

// Documentation as Prisma stores it (absent, or the comment text).
inline void put_documentation(ObjectBuilder& out, const std::optional<ast::Comment>& doc) {
  if (doc) out.add("documentation", doc->text);
}

}  // namespace prismapp::schema::dmmf
