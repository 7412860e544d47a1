// Data inputs of create and update operations (Prisma's create_one.rs, create_many.rs,
// update_one_objects.rs, update_many_objects.rs and data_input_mapper/{create,update}.rs):
// <M>[Unchecked]CreateInput, <M>[Unchecked]UpdateInput (and their "Without<Field>" nested forms),
// <M>CreateMany*Input, <M>UpdateManyMutationInput, <M>UncheckedUpdateMany*Input, the
// <Type>FieldUpdateOperationsInput objects and the scalar list set/push objects.
#include <algorithm>

#include "core/schema/dmmf/dmmf_schema.hpp"

namespace prismapp::schema::dmmf::qs {

using connector::Capability;
using connector::ScalarType;

namespace {

bool contains(const std::vector<std::uint32_t>& v, std::uint32_t x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// The foreign key scalars of the "without" relation field, when it holds them: a nested write
// through the parent sets them, so the nested input does not offer them.
std::vector<std::uint32_t> parent_links(const Schema& s, std::uint32_t without_plus1) {
  if (without_plus1 == 0) return {};
  const std::uint32_t back = without_plus1 - 1;
  return s.is_inlined(back) ? s.linking_fields(back) : std::vector<std::uint32_t>{};
}

TypeCode json_code() { return static_cast<TypeCode>(ScalarType::Json); }

InField create_scalar(const Schema& s, std::uint32_t id) {
  const std::string name(s.sf(id).name());
  if (s.is_list(id)) return field(name, {input(Key{K::CreateScalarList, id}), mapped_type(s, s.type_of(id), true)});
  const bool optional = !s.is_required(id) || s.has_default(id) || s.sf(id).is_updated_at;
  const TypeRef typ = mapped_type(s, s.type_of(id), false);
  if (s.type_of(id) == json_code() && s.has(Capability::AdvancedJsonNullability)) {
    const K e = s.is_required(id) ? K::EnumJsonNullValueInput : K::EnumNullableJsonNullValueInput;
    return field(name, {enum_ref(Key{e}), typ}, !optional);
  }
  InField f = field(name, {typ}, !optional);
  if (!s.is_required(id)) f.types.push_back(null_type());
  return f;
}

InField create_relation(const Schema& s, std::uint32_t rf, bool unchecked) {
  bool all_defaults = true;
  for (std::uint32_t id : s.linking_fields(rf)) all_defaults = all_defaults && s.has_default(id);
  return field(std::string(s.rf(rf).name()), {input(Key{K::RelCreate, rf, unchecked ? 1u : 0u})},
               s.rf_required(rf) && !all_defaults);
}

InField update_scalar(const Schema& s, std::uint32_t id) {
  const std::string name(s.sf(id).name());
  const TypeCode t = s.type_of(id);
  if (s.is_list(id)) return field(name, {input(Key{K::UpdateScalarList, id}), mapped_type(s, t, true)});
  if (t == json_code()) {
    if (s.has(Capability::AdvancedJsonNullability)) {
      const K e = s.is_required(id) ? K::EnumJsonNullValueInput : K::EnumNullableJsonNullValueInput;
      return field(name, {enum_ref(Key{e}), mapped_type(s, t, false)});
    }
    InField f = field(name, {mapped_type(s, t, false), mapped_type(s, t, false)});
    if (!s.is_required(id)) f.types.push_back(null_type());
    return f;
  }
  InField f = field(name, {mapped_type(s, t, false), input(Key{K::FieldUpdateOps, id})});
  if (!s.is_required(id)) f.types.push_back(null_type());
  return f;
}

bool checked_update_allows(const Schema& s, std::uint32_t id) {
  if (s.is_read_only(id) || s.is_auto_generated_int_id(id)) return false;
  if (s.type_of(id) == static_cast<TypeCode>(ScalarType::Int) && s.is_unique(id) && s.is_autoincrement(id)) return false;
  if (s.is_id(id)) return s.has(Capability::UpdateableId);
  return true;
}

InputObject create_input(const Schema& s, const Key& k, bool unchecked) {
  InputObject obj;
  obj.grouping = k.a;
  const std::vector<std::uint32_t> links = unchecked ? parent_links(s, k.b) : std::vector<std::uint32_t>{};
  for (const Field& f : s.fields[k.a]) {
    if (!f.is_relation) {
      const bool keep = unchecked ? !contains(links, f.id) : (!s.is_auto_generated_int_id(f.id) && !s.is_read_only(f.id));
      if (keep) obj.fields.push_back(create_scalar(s, f.id));
    } else {
      const bool traversed = k.b != 0 && f.id == k.b - 1;
      if (traversed || (unchecked && s.is_inlined(f.id))) continue;
      obj.fields.push_back(create_relation(s, f.id, unchecked));
    }
  }
  return obj;
}

InputObject update_input(const Schema& s, const Key& k, bool unchecked, bool scalars_only) {
  InputObject obj;
  obj.grouping = k.a;
  const std::vector<std::uint32_t> links = unchecked ? parent_links(s, k.b) : std::vector<std::uint32_t>{};
  for (const Field& f : s.fields[k.a]) {
    if (!f.is_relation) {
      const bool keep = unchecked ? !contains(links, f.id) && (!s.is_id(f.id) || s.has(Capability::UpdateableId))
                                  : checked_update_allows(s, f.id);
      if (keep) obj.fields.push_back(update_scalar(s, f.id));
    } else if (!scalars_only) {
      const bool traversed = k.b != 0 && f.id == k.b - 1;
      if (traversed || (unchecked && s.is_inlined(f.id))) continue;
      obj.fields.push_back(
          field(std::string(s.rf(f.id).name()), {input(Key{K::RelUpdate, f.id, unchecked ? 1u : 0u})}));
    }
  }
  return obj;
}

InputObject create_many_input(const Schema& s, const Key& k) {
  InputObject obj;
  obj.grouping = k.a;
  const std::vector<std::uint32_t> links = parent_links(s, k.b);
  for (const Field& f : s.fields[k.a]) {
    if (f.is_relation || contains(links, f.id)) continue;
    if (s.is_autoincrement(f.id) && !s.has(Capability::CreateManyWriteableAutoIncId)) continue;
    obj.fields.push_back(create_scalar(s, f.id));
  }
  return obj;
}

InputObject field_update_operations(const Schema& s, std::uint32_t id) {
  InputObject obj;
  obj.grouping = s.sf(id).model.value;
  obj.min_fields = obj.max_fields = 1;
  const TypeRef typ = mapped_type(s, s.type_of(id), false);
  InField set = field("set", {typ});
  if (!s.is_required(id)) set.types.push_back(null_type());
  obj.fields.push_back(std::move(set));
  if (is_numeric(s, id))
    for (const char* op : {"increment", "decrement", "multiply", "divide"}) obj.fields.push_back(field(op, {typ}));
  return obj;
}

}  // namespace

std::vector<TypeRef> create_one_types(std::uint32_t model, std::uint32_t without_plus1) {
  return {input(Key{K::CreateChecked, model, without_plus1}), input(Key{K::CreateUnchecked, model, without_plus1})};
}

std::vector<TypeRef> update_one_types(std::uint32_t model, std::uint32_t without_plus1) {
  return {input(Key{K::UpdateChecked, model, without_plus1}), input(Key{K::UpdateUnchecked, model, without_plus1})};
}

bool any_field_required_for_create(const Schema& s, std::uint32_t model) {
  for (const Field& f : s.fields[model]) {
    if (f.is_relation ? s.rf_required(f.id) : (s.is_required(f.id) && !s.has_default(f.id))) return true;
  }
  return false;
}

InputObject write_object(const Schema& s, const Key& k) {
  switch (k.kind) {
    case K::CreateChecked: return create_input(s, k, false);
    case K::CreateUnchecked: return create_input(s, k, true);
    case K::UpdateChecked: return update_input(s, k, false, false);
    case K::UpdateUnchecked: return update_input(s, k, true, false);
    case K::UpdateManyMutation: return update_input(s, k, false, true);
    case K::UpdateManyUnchecked: return update_input(s, k, true, true);
    case K::CreateMany: return create_many_input(s, k);
    case K::FieldUpdateOps: return field_update_operations(s, k.a);
    case K::CreateScalarList: {
      InputObject obj;
      obj.min_fields = obj.max_fields = 1;
      obj.fields.push_back(field("set", {mapped_type(s, s.type_of(k.a), true)}, true));
      return obj;
    }
    case K::UpdateScalarList: {
      InputObject obj;
      obj.min_fields = obj.max_fields = 1;
      obj.fields.push_back(field("set", {mapped_type(s, s.type_of(k.a), true)}));
      if (s.has(Capability::EnumArrayPush))
        obj.fields.push_back(field("push", {mapped_type(s, s.type_of(k.a), false), mapped_type(s, s.type_of(k.a), true)}));
      return obj;
    }
    default: return {};
  }
}

}  // namespace prismapp::schema::dmmf::qs
