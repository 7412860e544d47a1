// orderBy inputs (Prisma's order_by_objects.rs): <M>OrderByWithRelationInput,
// <M>OrderByWithAggregationInput, <M><Agg>OrderByAggregateInput, <M>OrderByRelationAggregateInput
// and SortOrderInput (nulls first/last).
#include "core/schema/dmmf/dmmf_schema.hpp"

namespace prismapp::schema::dmmf::qs {

using connector::Capability;

namespace {

InField scalar_order_field(const Schema& s, std::uint32_t sf_id) {
  InField f = field(std::string(s.sf(sf_id).name()), {enum_ref(Key{K::EnumSortOrder})});
  if (s.has(Capability::OrderByNullsFirstLast) && !s.is_required(sf_id) && !s.is_list(sf_id))
    f.types.push_back(input(Key{K::SortOrderInput}));
  return f;
}

// The scalar fields one aggregation orders by (compute_scalar_aggregation_fields).
std::vector<std::uint32_t> aggregate_fields(const Schema& s, std::uint32_t model, std::uint32_t agg) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t id : s.scalar_fields(model)) {
    const bool keep = agg == kCount                     ? true
                      : (agg == kAvg || agg == kSum)    ? is_numeric(s, id)
                                                        : !s.is_list(id) && !is_json(s, id);
    if (keep) out.push_back(id);
  }
  return out;
}

}  // namespace

bool has_string_field(const Schema& s, std::uint32_t model) {
  for (std::uint32_t id : s.scalar_fields(model))
    if (s.type_of(id) == static_cast<TypeCode>(connector::ScalarType::String)) return true;
  return false;
}

InputObject order_by_object(const Schema& s, const Key& k) {
  InputObject obj;
  obj.grouping = k.a;
  switch (k.kind) {
    case K::OrderByRelation:
      obj.min_fields = 0;
      obj.max_fields = 1;
      for (const Field& f : s.fields[k.a]) {
        if (!f.is_relation) {
          obj.fields.push_back(scalar_order_field(s, f.id));
          continue;
        }
        const std::uint32_t related = s.related_model(f.id);
        const Key target = s.rf_list(f.id) ? Key{K::OrderByRelationAggregate, related} : Key{K::OrderByRelation, related};
        obj.fields.push_back(field(std::string(s.rf(f.id).name()), {input(target)}));
      }
      if (can_full_text_search(s) && has_string_field(s, k.a))
        obj.fields.push_back(field("_relevance", {input(Key{K::OrderByRelevance, k.a})}));
      return obj;
    case K::OrderByRelevance: {
      const TypeRef fields_enum = enum_ref(Key{K::EnumOrderByRelevanceField, k.a});
      obj.fields.push_back(field("fields", list_union(fields_enum, true), true));
      obj.fields.push_back(field("sort", {enum_ref(Key{K::EnumSortOrder})}, true));
      obj.fields.push_back(field("search", {scalar("String")}, true));
      return obj;
    }
    case K::OrderByAggregation: {
      obj.min_fields = 0;
      obj.max_fields = 1;
      for (std::uint32_t id : s.scalar_fields(k.a)) obj.fields.push_back(scalar_order_field(s, id));
      const std::pair<const char*, std::uint32_t> aggs[] = {
          {"_count", kCount}, {"_avg", kAvg}, {"_max", kMax}, {"_min", kMin}, {"_sum", kSum}};
      for (const auto& [name, agg] : aggs)
        if (!aggregate_fields(s, k.a, agg).empty())
          obj.fields.push_back(field(name, {input(Key{K::OrderByAggregate, k.a, agg})}));
      return obj;
    }
    case K::OrderByAggregate:
      obj.min_fields = obj.max_fields = 1;
      for (std::uint32_t id : aggregate_fields(s, k.a, k.b))
        obj.fields.push_back(field(std::string(s.sf(id).name()), {enum_ref(Key{K::EnumSortOrder})}));
      return obj;
    case K::OrderByRelationAggregate:
      obj.min_fields = obj.max_fields = 1;
      obj.fields.push_back(field("_count", {enum_ref(Key{K::EnumSortOrder})}));
      return obj;
    case K::SortOrderInput:
      obj.grouping = -1;
      obj.fields.push_back(field("sort", {enum_ref(Key{K::EnumSortOrder})}, true));
      obj.fields.push_back(field("nulls", {enum_ref(Key{K::EnumNullsOrder})}));
      return obj;
    default: return obj;
  }
}

}  // namespace prismapp::schema::dmmf::qs
