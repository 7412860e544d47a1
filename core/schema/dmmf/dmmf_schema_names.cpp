// Type names of the query schema (Prisma's identifier_type.rs Display impl), type reference
// helpers, and the values of the query schema's enums (enum_types.rs).
#include <cctype>

#include "core/schema/dmmf/dmmf_schema.hpp"

namespace prismapp::schema::dmmf::qs {

namespace {

std::string capitalize(std::string_view s) {
  std::string out(s);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

const char* agg_title(std::uint32_t agg) {
  switch (agg) {
    case kCount: return "Count";
    case kAvg: return "Avg";
    case kSum: return "Sum";
    case kMin: return "Min";
    default: return "Max";
  }
}

// "Enum<Name>" for enums, the scalar name otherwise (the filter / field ref naming).
std::string filter_type_name(const Schema& s, TypeCode t) {
  if (t & kEnumBit) return "Enum" + std::string(s.type_name(t));
  return std::string(s.type_name(t));
}

std::string without(const Schema& s, std::uint32_t without_plus1) {
  return capitalize(s.rf(without_plus1 - 1).name());
}

// For nested relation inputs keyed by the parent relation field: the related model and the
// capitalized back-relation field name ("Post", "Author").
std::pair<std::string, std::string> related_and_back(const Schema& s, std::uint32_t rf) {
  return {std::string(s.model_name(s.related_model(rf))), capitalize(s.rf(s.back_field(rf)).name())};
}

std::string compound_name(const Schema& s, std::uint32_t model, std::uint32_t index, bool id) {
  const db::ModelInfo& m = s.db.model(db::ModelId{model});
  const std::optional<std::string>& alias = id ? m.keys.primary_key->name : m.keys.indexes[index].name;
  if (alias) return capitalize(*alias);
  std::string out;
  const auto& fields = id ? m.keys.primary_key->fields : m.keys.indexes[index].fields;
  for (const auto& f : fields) out += capitalize(s.sf(f.field.value).name());
  return out;
}

}  // namespace

std::string name_of(const Schema& s, const Key& k) {
  const auto model = [&] { return std::string(s.model_name(k.a)); };
  // Nested-write names of a relation field k.a: <related model><middle><back side><tail>.
  const auto around_back = [&](const char* middle, const char* tail) {
    auto [related, back] = related_and_back(s, k.a);
    return related + middle + back + tail;
  };
  switch (k.kind) {
    case K::WhereInput: return model() + "WhereInput";
    case K::WhereUnique: return model() + "WhereUniqueInput";
    case K::ScalarWhere: return model() + "ScalarWhereInput";
    case K::ScalarWhereAgg: return model() + "ScalarWhereWithAggregatesInput";
    case K::CompoundUnique: return model() + compound_name(s, k.a, k.b, false) + "CompoundUniqueInput";
    case K::CompoundId: return model() + compound_name(s, k.a, 0, true) + "CompoundUniqueInput";
    case K::OrderByRelation: return model() + "OrderByWithRelationInput";
    case K::OrderByAggregation: return model() + "OrderByWithAggregationInput";
    case K::OrderByAggregate: return model() + agg_title(k.b) + "OrderByAggregateInput";
    case K::OrderByRelationAggregate: return model() + "OrderByRelationAggregateInput";
    case K::SortOrderInput: return "SortOrderInput";
    case K::OrderByRelevance: return model() + "OrderByRelevanceInput";
    case K::EnumOrderByRelevanceField: return model() + "OrderByRelevanceFieldEnum";
    case K::ScalarFilter: {
      std::string out = (k.c & kFNested) ? "Nested" : "";
      // Filters say "Bool" where field references say "Boolean" (Prisma's scalar_filter_name).
      out += k.a == static_cast<TypeCode>(connector::ScalarType::Boolean) ? std::string("Bool") : filter_type_name(s, k.a);
      if (k.c & kFNullable) out += "Nullable";
      if (k.c & kFList) out += "List";
      if (k.c & kFAggregates) out += "WithAggregates";
      return out + "Filter";
    }
    case K::ScalarListFilter:
      return (k.a == static_cast<TypeCode>(connector::ScalarType::Boolean) ? std::string("Bool") : filter_type_name(s, k.a)) + ((k.c & kFNullable) ? "NullableListFilter" : "ListFilter");
    case K::ListRelationFilter: return model() + "ListRelationFilter";
    case K::ScalarRelationFilter: return model() + ((k.c & kFNullable) ? "NullableScalarRelationFilter" : "ScalarRelationFilter");
    case K::CreateChecked: return k.b ? model() + "CreateWithout" + without(s, k.b) + "Input" : model() + "CreateInput";
    case K::CreateUnchecked:
      return k.b ? model() + "UncheckedCreateWithout" + without(s, k.b) + "Input" : model() + "UncheckedCreateInput";
    case K::UpdateChecked: return k.b ? model() + "UpdateWithout" + without(s, k.b) + "Input" : model() + "UpdateInput";
    case K::UpdateUnchecked:
      return k.b ? model() + "UncheckedUpdateWithout" + without(s, k.b) + "Input" : model() + "UncheckedUpdateInput";
    case K::CreateMany: return k.b ? model() + "CreateMany" + without(s, k.b) + "Input" : model() + "CreateManyInput";
    case K::UpdateManyMutation: return model() + "UpdateManyMutationInput";
    case K::UpdateManyUnchecked:
      return k.b ? model() + "UncheckedUpdateManyWithout" + without(s, k.b) + "Input"
                 : model() + "UncheckedUpdateManyInput";
    case K::RelCreate: {
      auto [related, back] = related_and_back(s, k.a);
      return related + (k.b ? "Unchecked" : "") + "CreateNested" + (s.rf_list(k.a) ? "Many" : "One") + "Without" +
             back + "Input";
    }
    case K::RelUpdate: {
      auto [related, back] = related_and_back(s, k.a);
      const char* arity = s.rf_list(k.a) ? "Many" : (s.rf_required(k.a) ? "OneRequired" : "One");
      return related + (k.b ? "Unchecked" : "") + "Update" + arity + "Without" + back + "NestedInput";
    }
    case K::CreateOrConnect: return around_back("CreateOrConnectWithout", "Input");
    case K::CreateManyEnvelope: return around_back("CreateMany", "InputEnvelope");
    case K::UpsertMany: return around_back("UpsertWithWhereUniqueWithout", "Input");
    case K::UpsertOne: return around_back("UpsertWithout", "Input");
    case K::UpdateWithWhereUnique: return around_back("UpdateWithWhereUniqueWithout", "Input");
    case K::UpdateToOneWithWhere: return around_back("UpdateToOneWithWhereWithout", "Input");
    case K::UpdateManyWithWhere: return around_back("UpdateManyWithWhereWithout", "Input");
    case K::FieldUpdateOps: {
      const TypeCode t = s.type_of(k.a);
      std::string prefix;
      if (t & kEnumBit) {
        prefix = "Enum" + std::string(s.type_name(t));
      } else {
        switch (static_cast<connector::ScalarType>(t)) {
          case connector::ScalarType::Boolean: prefix = "Bool"; break;
          default: prefix = std::string(s.type_name(t));
        }
      }
      return (s.is_required(k.a) ? "" : "Nullable") + prefix + "FieldUpdateOperationsInput";
    }
    case K::CreateScalarList:
      return std::string(s.model_name(s.sf(k.a).model.value)) + "Create" + std::string(s.sf(k.a).name()) + "Input";
    case K::UpdateScalarList:
      return std::string(s.model_name(s.sf(k.a).model.value)) + "Update" + std::string(s.sf(k.a).name()) + "Input";
    case K::FieldRef: return ((k.c & kFList) ? "List" : "") + filter_type_name(s, k.a) + "FieldRefInput";
    case K::Query: return "Query";
    case K::Mutation: return "Mutation";
    case K::ModelOut: return model();
    case K::AggregateOut: return "Aggregate" + model();
    case K::GroupByOut: return model() + "GroupByOutputType";
    case K::AffectedRows: return "AffectedRowsOutput";
    case K::CountOut: return model() + "CountOutputType";
    case K::AggOut: return model() + agg_title(k.b) + "AggregateOutputType";
    case K::CreateManyAndReturn: return "CreateMany" + model() + "AndReturnOutputType";
    case K::UpdateManyAndReturn: return "UpdateMany" + model() + "AndReturnOutputType";
    case K::EnumItx: return "TransactionIsolationLevel";
    case K::EnumScalarField: return capitalize(s.model_name(k.a)) + "ScalarFieldEnum";
    case K::EnumSortOrder: return "SortOrder";
    case K::EnumNullsOrder: return "NullsOrder";
    case K::EnumQueryMode: return "QueryMode";
    case K::EnumJsonNullValueInput: return "JsonNullValueInput";
    case K::EnumNullableJsonNullValueInput: return "NullableJsonNullValueInput";
    case K::EnumJsonNullValueFilter: return "JsonNullValueFilter";
    case K::EnumUser: return std::string(s.db.enum_(db::EnumId{k.a}).name());
    case K::EnumRelationLoadStrategy: return "RelationLoadStrategy";
  }
  return {};
}

bool in_model_namespace(const Key& k) {
  return k.kind == K::ModelOut || k.kind == K::CreateManyAndReturn || k.kind == K::UpdateManyAndReturn ||
         k.kind == K::EnumUser;
}

std::vector<std::string> enum_values(const Schema& s, const Key& k) {
  using connector::Capability;
  switch (k.kind) {
    case K::EnumItx: {
      std::vector<std::string> out;
      if (s.has(Capability::SupportsTxIsolationReadUncommitted)) out.emplace_back("ReadUncommitted");
      if (s.has(Capability::SupportsTxIsolationReadCommitted)) out.emplace_back("ReadCommitted");
      if (s.has(Capability::SupportsTxIsolationRepeatableRead)) out.emplace_back("RepeatableRead");
      if (s.has(Capability::SupportsTxIsolationSnapshot)) out.emplace_back("Snapshot");
      if (s.has(Capability::SupportsTxIsolationSerializable)) out.emplace_back("Serializable");
      return out;
    }
    case K::EnumScalarField: {
      std::vector<std::string> out;
      for (std::uint32_t id : s.scalar_fields(k.a)) out.emplace_back(s.sf(id).name());
      return out;
    }
    case K::EnumSortOrder: return {"asc", "desc"};
    case K::EnumNullsOrder: return {"first", "last"};
    case K::EnumQueryMode: return {"default", "insensitive"};
    case K::EnumJsonNullValueInput: return {"JsonNull"};
    case K::EnumNullableJsonNullValueInput: return {"DbNull", "JsonNull"};
    case K::EnumJsonNullValueFilter: return {"DbNull", "JsonNull", "AnyNull"};
    case K::EnumRelationLoadStrategy: return {"query", "join"};
    case K::EnumOrderByRelevanceField: {
      std::vector<std::string> out;
      for (std::uint32_t id : s.scalar_fields(k.a))
        if (s.type_of(id) == static_cast<TypeCode>(connector::ScalarType::String)) out.emplace_back(s.sf(id).name());
      return out;
    }
    case K::EnumUser: {
      std::vector<std::string> out;
      for (const auto& v : s.db.enum_(db::EnumId{k.a}).values) out.emplace_back(v.name());
      return out;
    }
    default: return {};
  }
}

const char* scalar_name(connector::ScalarType t) {
  switch (t) {
    case connector::ScalarType::Int: return "Int";
    case connector::ScalarType::BigInt: return "BigInt";
    case connector::ScalarType::Float: return "Float";
    case connector::ScalarType::Boolean: return "Boolean";
    case connector::ScalarType::String: return "String";
    case connector::ScalarType::DateTime: return "DateTime";
    case connector::ScalarType::Json: return "Json";
    case connector::ScalarType::Bytes: return "Bytes";
    case connector::ScalarType::Decimal: return "Decimal";
  }
  return "String";
}

TypeRef scalar(const char* name, bool list) {
  TypeRef t;
  t.loc = Loc::Scalar;
  t.scalar = name;
  t.list = list;
  return t;
}
TypeRef input(Key k, bool list) { return TypeRef{Loc::Input, nullptr, k, list}; }
TypeRef output(Key k, bool list) { return TypeRef{Loc::Output, nullptr, k, list}; }
TypeRef enum_ref(Key k, bool list) { return TypeRef{Loc::Enum, nullptr, k, list}; }
TypeRef null_type() { return scalar("Null"); }

TypeRef mapped_type(const Schema&, TypeCode t, bool list) {
  if (t & kEnumBit) return enum_ref(Key{K::EnumUser, t & ~kEnumBit}, list);
  return scalar(scalar_name(static_cast<connector::ScalarType>(t)), list);
}

InField field(std::string name, std::vector<TypeRef> types, bool required) {
  InField f;
  f.name = std::move(name);
  f.types = std::move(types);
  f.required = required;
  return f;
}

std::vector<TypeRef> list_union(TypeRef t, bool list) {
  if (!list) return {t};
  TypeRef l = t;
  l.list = true;
  return {t, l};
}

std::vector<InField> field_ref_fields() {
  std::vector<InField> out{field("_ref", {scalar("String")}, true), field("_container", {scalar("String")}, true)};
  for (InField& f : out) f.never_parameterizable = true;
  return out;
}

TypeRef field_ref_allow_type(const Schema& s, const Key& k) { return mapped_type(s, k.a, (k.c & kFList) != 0); }

}  // namespace prismapp::schema::dmmf::qs
