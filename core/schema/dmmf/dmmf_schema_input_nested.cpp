// Nested relation writes (Prisma's data_input_mapper relation inputs, input_fields.rs nested_*,
// connect_or_create_objects.rs, upsert_objects.rs, update_*_objects.rs where-combinations): the
// objects reached through a relation field of a create/update input. Every key here is the
// parent relation field; the objects group under the related model.
#include "core/schema/dmmf/dmmf_schema.hpp"

namespace prismapp::schema::dmmf::qs {

using connector::Capability;

namespace {

std::vector<TypeRef> flat_list_union(const std::vector<TypeRef>& types, bool list) {
  std::vector<TypeRef> out;
  for (const TypeRef& t : types)
    for (const TypeRef& u : list_union(t, list)) out.push_back(u);
  return out;
}

InField where_unique_field(const char* name, std::uint32_t related, bool list) {
  return field(name, list_union(input(Key{K::WhereUnique, related}), list));
}

void nested_create_fields(const Schema& s, std::uint32_t rf, std::vector<InField>& out, bool with_upsert) {
  const std::uint32_t related = s.related_model(rf), back = s.back_field(rf);
  const bool list = s.rf_list(rf);
  if (!s.supports_create(related)) return;
  out.push_back(field("create", flat_list_union(create_one_types(related, back + 1), list)));
  out.push_back(field("connectOrCreate", list_union(input(Key{K::CreateOrConnect, rf}), list)));
  if (with_upsert) out.push_back(field("upsert", list_union(input(Key{list ? K::UpsertMany : K::UpsertOne, rf}), list)));
  if (s.has(Capability::CreateMany) && list && !s.is_inlined(rf) && !s.is_many_to_many(rf))
    out.push_back(field("createMany", {input(Key{K::CreateManyEnvelope, rf})}));
}

InputObject relation_update(const Schema& s, std::uint32_t rf) {
  const std::uint32_t related = s.related_model(rf), back = s.back_field(rf);
  const bool list = s.rf_list(rf), required = s.rf_required(rf);
  InputObject obj;
  obj.grouping = related;
  auto& out = obj.fields;
  nested_create_fields(s, rf, out, true);
  if (list) out.push_back(where_unique_field("set", related, true));
  for (const char* op : {"disconnect", "delete"}) {
    if (list) {
      out.push_back(where_unique_field(op, related, true));
    } else if (!required) {
      InField f = field(op, {scalar("Boolean"), input(Key{K::WhereInput, related})});
      f.never_parameterizable = true;
      out.push_back(std::move(f));
    }
  }
  out.push_back(where_unique_field("connect", related, list));
  if (list) {
    out.push_back(field("update", list_union(input(Key{K::UpdateWithWhereUnique, rf}), true)));
    out.push_back(field("updateMany", list_union(input(Key{K::UpdateManyWithWhere, rf}), true)));
    out.push_back(field("deleteMany", list_union(input(Key{K::ScalarWhere, related}), true)));
  } else {
    std::vector<TypeRef> types{input(Key{K::UpdateToOneWithWhere, rf})};
    for (const TypeRef& t : update_one_types(related, back + 1)) types.push_back(t);
    out.push_back(field("update", std::move(types)));
  }
  return obj;
}

}  // namespace

InputObject nested_object(const Schema& s, const Key& k) {
  const std::uint32_t rf = k.a, related = s.related_model(rf), back = s.back_field(rf);
  InputObject obj;
  obj.grouping = related;
  switch (k.kind) {
    case K::RelCreate:
      nested_create_fields(s, rf, obj.fields, false);
      obj.fields.push_back(where_unique_field("connect", related, s.rf_list(rf)));
      return obj;
    case K::RelUpdate: return relation_update(s, rf);
    case K::CreateOrConnect:
      obj.fields.push_back(field("where", {input(Key{K::WhereUnique, related})}, true));
      obj.fields.push_back(field("create", create_one_types(related, back + 1), true));
      return obj;
    case K::CreateManyEnvelope:
      obj.fields.push_back(field("data", list_union(input(Key{K::CreateMany, related, back + 1}), true), true));
      if (s.has(Capability::CreateSkipDuplicates)) {
        obj.fields.push_back(field("skipDuplicates", {scalar("Boolean")}));
        obj.fields.back().never_parameterizable = true;
      }
      return obj;
    case K::UpsertMany:
      obj.fields.push_back(field("where", {input(Key{K::WhereUnique, related})}, true));
      obj.fields.push_back(field("update", update_one_types(related, back + 1), true));
      obj.fields.push_back(field("create", create_one_types(related, back + 1), true));
      return obj;
    case K::UpsertOne:
      obj.fields.push_back(field("update", update_one_types(related, back + 1), true));
      obj.fields.push_back(field("create", create_one_types(related, back + 1), true));
      obj.fields.push_back(where_argument(related));
      return obj;
    case K::UpdateWithWhereUnique:
      obj.fields.push_back(field("where", {input(Key{K::WhereUnique, related})}, true));
      obj.fields.push_back(field("data", update_one_types(related, back + 1), true));
      return obj;
    case K::UpdateToOneWithWhere:
      obj.fields.push_back(where_argument(related));
      obj.fields.push_back(field("data", update_one_types(related, back + 1), true));
      return obj;
    case K::UpdateManyWithWhere:
      obj.fields.push_back(field("where", {input(Key{K::ScalarWhere, related})}, true));
      obj.fields.push_back(field("data",
                                 {input(Key{K::UpdateManyMutation, related}), input(Key{K::UpdateManyUnchecked, related, back + 1})},
                                 true));
      return obj;
    default: return obj;
  }
}

InputObject input_object(const Schema& s, const Key& k) {
  switch (k.kind) {
    case K::WhereInput: case K::WhereUnique: case K::ScalarWhere: case K::ScalarWhereAgg: case K::CompoundUnique:
    case K::CompoundId: case K::ScalarFilter: case K::ScalarListFilter: case K::ListRelationFilter:
    case K::ScalarRelationFilter:
      return filter_object(s, k);
    case K::OrderByRelation: case K::OrderByAggregation: case K::OrderByAggregate: case K::OrderByRelationAggregate:
    case K::SortOrderInput: case K::OrderByRelevance:
      return order_by_object(s, k);
    case K::CreateChecked: case K::CreateUnchecked: case K::UpdateChecked: case K::UpdateUnchecked: case K::CreateMany:
    case K::UpdateManyMutation: case K::UpdateManyUnchecked: case K::FieldUpdateOps: case K::CreateScalarList:
    case K::UpdateScalarList:
      return write_object(s, k);
    default: return nested_object(s, k);
  }
}

}  // namespace prismapp::schema::dmmf::qs
