// DMMF enums (enum_to_dmmf): `dbName` is always present (null unless @map/@@map).
#include "core/schema/dmmf/dmmf_parts.hpp"

namespace prismapp::schema::dmmf {

namespace {
Json optional_string(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }
}  // namespace

Json enum_to_dmmf(const db::EnumInfo& enm) {
  Json values = Json::array();
  for (const auto& value : enm.values) {
    ObjectBuilder v(3);
    v.add("name", value.name());
    v.add("dbName", optional_string(value.mapped_name));
    put_documentation(v, value.ast->documentation);
    values.push_back(v.take());
  }
  ObjectBuilder out(4);
  out.add("name", enm.name());
  out.add("values", std::move(values));
  out.add("dbName", optional_string(enm.mapped_name));
  put_documentation(out, enm.ast->documentation);
  return out.take();
}

}  // namespace prismapp::schema::dmmf
