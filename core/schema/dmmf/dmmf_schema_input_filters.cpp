// Where inputs and filters (Prisma's filter_objects.rs and field_filter_types.rs): <M>WhereInput,
// <M>WhereUniqueInput, <M>ScalarWhere[WithAggregates]Input, compound unique inputs, the scalar
// filters (IntFilter, NestedStringNullableFilter, ...) and the relation filters.
#include "core/schema/dmmf/dmmf_schema.hpp"

namespace prismapp::schema::dmmf::qs {

using connector::Capability;
using connector::ScalarType;

namespace {

constexpr TypeCode code(ScalarType t) { return static_cast<TypeCode>(t); }

void nullable_if(InField& f, bool nullable) {
  if (nullable) f.types.push_back(null_type());
}

std::vector<InField> boolean_operators(Key self) {
  return {field("AND", {input(self), input(self, true)}), field("OR", {input(self, true)}),
          field("NOT", {input(self), input(self, true)})};
}

Key scalar_filter_key(TypeCode t, bool list, bool nullable, bool nested, bool aggregates) {
  return Key{K::ScalarFilter, t, 0,
             (list ? kFList : 0) | (nullable ? kFNullable : 0) | (nested ? kFNested : 0) | (aggregates ? kFAggregates : 0)};
}

void equality_filters(const Schema& s, std::vector<InField>& out, TypeCode t, bool list, bool nullable) {
  InField f = field("equals", with_field_ref(s, t, list));
  nullable_if(f, nullable);
  out.push_back(std::move(f));
}

void inclusion_filters(const Schema& s, std::vector<InField>& out, TypeCode t, bool nullable) {
  for (const char* name : {"in", "notIn"}) {
    InField f = field(name, s.has(Capability::ScalarLists) ? with_field_ref(s, t, true)
                                                          : std::vector<TypeRef>{mapped_type(s, t, true)});
    nullable_if(f, nullable);
    out.push_back(std::move(f));
  }
}

void alphanumeric_filters(const Schema& s, std::vector<InField>& out, TypeCode t, bool list) {
  const bool json = t == code(ScalarType::Json);
  for (const char* name : {"lt", "lte", "gt", "gte"})
    out.push_back(field(name, !json || s.has(Capability::JsonFilteringAlphanumericFieldRef)
                                  ? with_field_ref(s, t, list)
                                  : std::vector<TypeRef>{mapped_type(s, t, list)}));
}

void json_filters(const Schema& s, std::vector<InField>& out) {
  out.push_back(field("path", {s.has(Capability::JsonFilteringJsonPath) ? scalar("String") : scalar("String", true)}));
  for (const char* name : {"string_contains", "string_starts_with", "string_ends_with"})
    out.push_back(field(name, with_field_ref(s, code(ScalarType::String), false)));
  for (const char* name : {"array_contains", "array_starts_with", "array_ends_with"}) {
    InField f = field(name, with_field_ref(s, code(ScalarType::Json), false));
    nullable_if(f, true);
    out.push_back(std::move(f));
  }
}

InputObject full_scalar_filter(const Schema& s, const Key& k) {
  const TypeCode t = k.a;
  const bool list = k.c & kFList, nullable = k.c & kFNullable, nested = k.c & kFNested, aggs = k.c & kFAggregates;
  const bool adv_json = s.has(Capability::AdvancedJsonNullability);
  InputObject obj;
  auto& out = obj.fields;
  const bool is_enum = t & kEnumBit;
  const auto st = static_cast<ScalarType>(t);
  if (!is_enum && st == ScalarType::String) {
    equality_filters(s, out, t, list, nullable);
    inclusion_filters(s, out, t, nullable);
    alphanumeric_filters(s, out, t, list);
    for (const char* name : {"contains", "startsWith", "endsWith"}) out.push_back(field(name, with_field_ref(s, t, list)));
    if (can_full_text_search(s))
      out.push_back(field("search", {mapped_type(s, t, list)}));
    if (!nested && s.has(Capability::InsensitiveFilters))
      out.push_back(field("mode", {enum_ref(Key{K::EnumQueryMode})}));
  } else if (!is_enum && st == ScalarType::Json) {
    if (adv_json) {
      std::vector<TypeRef> types = with_field_ref(s, t, list);
      types.push_back(enum_ref(Key{K::EnumJsonNullValueFilter}));
      out.push_back(field("equals", std::move(types)));
    } else {
      equality_filters(s, out, t, list, nullable);
    }
    if (s.has(Capability::JsonFilteringJsonPath) || s.has(Capability::JsonFilteringArrayPath)) {
      json_filters(s, out);
      if (s.has(Capability::JsonFilteringAlphanumeric)) alphanumeric_filters(s, out, t, list);
    }
  } else if (!is_enum && st == ScalarType::Boolean) {
    equality_filters(s, out, t, list, nullable);
  } else if (is_enum || st == ScalarType::Bytes) {
    equality_filters(s, out, t, list, nullable);
    inclusion_filters(s, out, t, nullable);
  } else {
    equality_filters(s, out, t, list, nullable);
    inclusion_filters(s, out, t, nullable);
    alphanumeric_filters(s, out, t, list);
  }

  // not
  if (!is_enum && st == ScalarType::Json) {
    std::vector<TypeRef> types = with_field_ref(s, t, list);
    if (adv_json) {
      types.push_back(enum_ref(Key{K::EnumJsonNullValueFilter}));
      out.push_back(field("not", std::move(types)));
    } else {
      InField f = field("not", std::move(types));
      nullable_if(f, nullable);
      out.push_back(std::move(f));
    }
  } else {
    InField f = field("not", {mapped_type(s, t, list), input(scalar_filter_key(t, list, nullable, true, aggs))});
    nullable_if(f, nullable);
    out.push_back(std::move(f));
  }

  if (aggs) {
    auto agg = [&](const char* name, TypeCode at) {
      out.push_back(field(name, {input(scalar_filter_key(at, list, nullable, true, false))}));
    };
    agg("_count", code(ScalarType::Int));
    const bool numeric = !is_enum && (st == ScalarType::Int || st == ScalarType::BigInt || st == ScalarType::Float ||
                                      st == ScalarType::Decimal);
    if (numeric) {
      agg("_avg", st == ScalarType::Decimal ? t : code(ScalarType::Float));
      agg("_sum", t);
    }
    if (!list) {
      agg("_min", t);
      agg("_max", t);
    }
  }
  return obj;
}

InputObject scalar_list_filter(const Schema& s, const Key& k) {
  const TypeCode t = k.a;
  const bool nullable = k.c & kFNullable;
  InputObject obj;
  obj.min_fields = obj.max_fields = 1;
  auto& out = obj.fields;
  equality_filters(s, out, t, true, nullable);
  InField has = field("has", with_field_ref(s, t, false));
  nullable_if(has, nullable);
  out.push_back(std::move(has));
  out.push_back(field("hasEvery", with_field_ref(s, t, true)));
  out.push_back(field("hasSome", with_field_ref(s, t, true)));
  out.push_back(field("isEmpty", {scalar("Boolean")}));
  return obj;
}

InputObject where_unique(const Schema& s, std::uint32_t model) {
  const db::ModelInfo& m = s.db.model(db::ModelId{model});
  InputObject obj;
  obj.source = obj.grouping = model;
  obj.min_fields = 1;
  obj.has_constraint_fields = true;
  std::vector<InField> rest;
  for (const Field& f : s.fields[model]) {
    if (!f.is_relation && s.is_unique(f.id)) {
      obj.fields.push_back(field(std::string(s.sf(f.id).name()), {mapped_type(s, s.type_of(f.id), s.is_list(f.id))}));
      obj.constraint_fields.emplace_back(s.sf(f.id).name());
    } else {
      rest.push_back(filter_input_field(s, f, false));
    }
  }
  auto compound_field_name = [&](const std::optional<std::string>& name, const std::vector<db::IndexFieldPath>& fields) {
    if (name) return *name;
    std::string out;
    for (const auto& f : fields) {
      if (!out.empty()) out += '_';
      out += s.sf(f.field.value).name();
    }
    return out;
  };
  for (std::uint32_t i = 0; i < m.keys.indexes.size(); ++i) {
    const auto& idx = m.keys.indexes[i];
    if (!idx.is_unique() || idx.fields.size() <= 1) continue;
    std::string name = compound_field_name(idx.name, idx.fields);
    obj.constraint_fields.push_back(name);
    obj.fields.push_back(field(std::move(name), {input(Key{K::CompoundUnique, model, i})}));
  }
  if (m.keys.primary_key && m.keys.primary_key->fields.size() > 1) {
    std::string name = compound_field_name(m.keys.primary_key->name, m.keys.primary_key->fields);
    obj.constraint_fields.push_back(name);
    obj.fields.push_back(field(std::move(name), {input(Key{K::CompoundId, model})}));
  }
  for (InField& f : boolean_operators(Key{K::WhereInput, model})) obj.fields.push_back(std::move(f));
  for (InField& f : rest) obj.fields.push_back(std::move(f));
  return obj;
}

InputObject compound_unique(const Schema& s, const Key& k) {
  const db::ModelInfo& m = s.db.model(db::ModelId{k.a});
  const auto& fields = k.kind == K::CompoundId ? m.keys.primary_key->fields : m.keys.indexes[k.b].fields;
  InputObject obj;
  obj.grouping = k.a;
  for (const auto& f : fields)
    obj.fields.push_back(field(std::string(s.sf(f.field.value).name()),
                               {mapped_type(s, s.type_of(f.field.value), s.is_list(f.field.value))}, true));
  return obj;
}

}  // namespace

bool can_full_text_search(const Schema& s) {
  return s.has(Capability::FullTextSearchWithIndex) ||
         (s.has(Capability::FullTextSearchWithoutIndex) && s.preview.contains(config::PreviewFeature::FullTextSearchPostgres));
}

bool has_sql_raw(const Schema& s) { return s.has(Capability::SqlQueryRaw); }

bool is_json(const Schema& s, std::uint32_t sf_id) { return s.type_of(sf_id) == code(ScalarType::Json); }

bool is_numeric(const Schema& s, std::uint32_t sf_id) {
  const TypeCode t = s.type_of(sf_id);
  return t == code(ScalarType::Int) || t == code(ScalarType::BigInt) || t == code(ScalarType::Float) ||
         t == code(ScalarType::Decimal);
}

std::vector<TypeRef> with_field_ref(const Schema& s, TypeCode t, bool list) {
  return {mapped_type(s, t, list), TypeRef{Loc::FieldRef, nullptr, Key{K::FieldRef, t, 0, list ? kFList : 0}, false}};
}

InField where_argument(std::uint32_t model) { return field("where", {input(Key{K::WhereInput, model})}); }

InField filter_input_field(const Schema& s, const Field& f, bool aggregates) {
  if (f.is_relation) {
    const std::uint32_t related = s.related_model(f.id);
    const std::string name(s.rf(f.id).name());
    if (s.rf_list(f.id)) return field(name, {input(Key{K::ListRelationFilter, related})});
    const bool optional = !s.rf_required(f.id);
    InField out = field(name, {input(Key{K::ScalarRelationFilter, related, 0, optional ? kFNullable : 0}),
                               input(Key{K::WhereInput, related})});
    nullable_if(out, optional);
    return out;
  }
  const std::string name(s.sf(f.id).name());
  const TypeCode t = s.type_of(f.id);
  if (s.is_list(f.id)) return field(name, {input(Key{K::ScalarListFilter, t, 0, kFNullable})});
  const bool optional = !s.is_required(f.id);
  InField out = field(name, {input(scalar_filter_key(t, false, optional, false, aggregates))});
  if (!is_json(s, f.id)) out.types.push_back(mapped_type(s, t, false));
  nullable_if(out, optional && !is_json(s, f.id));
  return out;
}

InputObject filter_object(const Schema& s, const Key& k) {
  switch (k.kind) {
    case K::WhereInput: {
      InputObject obj;
      obj.source = obj.grouping = k.a;
      obj.fields = boolean_operators(k);
      for (const Field& f : s.fields[k.a]) obj.fields.push_back(filter_input_field(s, f, false));
      return obj;
    }
    case K::ScalarWhere:
    case K::ScalarWhereAgg: {
      InputObject obj;
      obj.source = obj.grouping = k.a;
      obj.fields = boolean_operators(k);
      for (const Field& f : s.fields[k.a])
        if (!f.is_relation) obj.fields.push_back(filter_input_field(s, f, k.kind == K::ScalarWhereAgg));
      return obj;
    }
    case K::WhereUnique: return where_unique(s, k.a);
    case K::CompoundUnique:
    case K::CompoundId: return compound_unique(s, k);
    case K::ScalarFilter: return full_scalar_filter(s, k);
    case K::ScalarListFilter: return scalar_list_filter(s, k);
    case K::ListRelationFilter: {
      InputObject obj;
      obj.grouping = k.a;
      for (const char* name : {"every", "some", "none"}) obj.fields.push_back(field(name, {input(Key{K::WhereInput, k.a})}));
      return obj;
    }
    case K::ScalarRelationFilter: {
      InputObject obj;
      obj.grouping = k.a;
      for (const char* name : {"is", "isNot"}) {
        InField f = field(name, {input(Key{K::WhereInput, k.a})});
        nullable_if(f, (k.c & kFNullable) != 0);
        obj.fields.push_back(std::move(f));
      }
      return obj;
    }
    default: return {};
  }
}

}  // namespace prismapp::schema::dmmf::qs
