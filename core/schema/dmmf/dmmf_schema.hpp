// Internal pieces of the DMMF `schema` + `mappings` sections: the query engine's query schema
// (Prisma query-engine/schema/src/build/*) rendered the way query-engine/dmmf renders it.
//
// Prisma builds the query schema lazily: every input/output object type is an identifier plus a
// closure computing its fields, and the DMMF renderer walks the graph breadth-first from Query and
// Mutation, emitting each type the first time it is reached. Here a type is a small value `Key`
// (kind + model/field ids); `input_fields` / `output_fields` compute its fields on demand and the
// renderer (dmmf_schema_render.cpp) does the same breadth-first walk, so the order matches.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/schema/config/configuration.hpp"
#include "core/schema/db/database.hpp"

namespace prismapp::schema::dmmf::qs {

// Prisma's query-structure view of the schema: non-ignored models (then views), their fields in
// declaration order (no @ignore'd fields, no Unsupported types, no relations to ignored models).
struct Field {
  bool is_relation = false;
  std::uint32_t id = 0;  // ScalarFieldId or RelationFieldId value
};

// A scalar type: a built-in one or a user enum (bit 31 set, enum id below).
using TypeCode = std::uint32_t;
inline constexpr TypeCode kEnumBit = 0x80000000u;

class Schema {
 public:
  Schema(const db::ParserDatabase& db, const config::Configuration& config);

  const db::ParserDatabase& db;
  const connector::Connector* connector = nullptr;
  config::PreviewFeatures preview;

  std::vector<std::uint32_t> models;             // ModelId values, models then views
  std::vector<std::vector<Field>> fields;        // per ModelId value (empty for skipped models)
  std::vector<std::int64_t> related_field;       // per RelationFieldId: the opposite field, or -1
  std::vector<std::uint8_t> fk_field;            // per ScalarFieldId: part of a relation's fields:

  bool has(connector::Capability c) const { return connector != nullptr && connector->has(c); }

  // Scalars.
  const db::ScalarField& sf(std::uint32_t id) const { return db.scalar_field(db::ScalarFieldId{id}); }
  TypeCode type_of(std::uint32_t sf_id) const;
  bool is_required(std::uint32_t sf_id) const { return sf(sf_id).arity() == ast::FieldArity::Required; }
  bool is_list(std::uint32_t sf_id) const { return sf(sf_id).is_list(); }
  bool has_default(std::uint32_t sf_id) const { return sf(sf_id).default_value.has_value(); }
  bool is_autoincrement(std::uint32_t sf_id) const;
  bool is_id(std::uint32_t sf_id) const;        // part of the primary key
  bool is_unique(std::uint32_t sf_id) const;    // single-field @id / @unique
  bool is_auto_generated_int_id(std::uint32_t sf_id) const;
  bool is_read_only(std::uint32_t sf_id) const { return fk_field[sf_id] != 0; }

  // Relations.
  const db::RelationField& rf(std::uint32_t id) const { return db.relation_field(db::RelationFieldId{id}); }
  std::uint32_t related_model(std::uint32_t rf_id) const { return rf(rf_id).referenced_model.value; }
  std::uint32_t back_field(std::uint32_t rf_id) const { return static_cast<std::uint32_t>(related_field[rf_id]); }
  bool rf_list(std::uint32_t rf_id) const { return rf(rf_id).is_list(); }
  bool rf_required(std::uint32_t rf_id) const { return rf(rf_id).is_required(); }
  bool is_inlined(std::uint32_t rf_id) const { return rf(rf_id).has_fields(); }
  bool is_many_to_many(std::uint32_t rf_id) const { return rf_list(rf_id) && rf_list(back_field(rf_id)); }
  // The scalar fields this side writes (its `fields:`), empty when the other side holds them.
  std::vector<std::uint32_t> linking_fields(std::uint32_t rf_id) const;

  std::string_view model_name(std::uint32_t model) const { return db.model(db::ModelId{model}).name(); }
  bool supports_create(std::uint32_t model) const;
  std::vector<std::uint32_t> scalar_fields(std::uint32_t model) const;  // in field order
  std::string_view type_name(TypeCode t) const;                          // "Int", enum name
};

// A node of the query schema graph.
enum class K : std::uint8_t {
  // Input object types.
  WhereInput, WhereUnique, ScalarWhere, ScalarWhereAgg, CompoundUnique, CompoundId,
  OrderByRelation, OrderByAggregation, OrderByAggregate, OrderByRelationAggregate, SortOrderInput,
  ScalarFilter, ScalarListFilter, ListRelationFilter, ScalarRelationFilter,
  CreateChecked, CreateUnchecked, UpdateChecked, UpdateUnchecked, CreateMany, UpdateManyMutation,
  UpdateManyUnchecked, RelCreate, RelUpdate, CreateOrConnect, CreateManyEnvelope, UpsertMany, UpsertOne,
  UpdateWithWhereUnique, UpdateToOneWithWhere, UpdateManyWithWhere, FieldUpdateOps, CreateScalarList,
  UpdateScalarList, OrderByRelevance,
  // Field reference types.
  FieldRef,
  // Output object types.
  Query, Mutation, ModelOut, AggregateOut, GroupByOut, AffectedRows, CountOut, AggOut, CreateManyAndReturn,
  UpdateManyAndReturn,
  // Enums.
  EnumItx, EnumScalarField, EnumSortOrder, EnumNullsOrder, EnumQueryMode, EnumJsonNullValueInput,
  EnumNullableJsonNullValueInput, EnumJsonNullValueFilter, EnumUser, EnumRelationLoadStrategy, EnumOrderByRelevanceField,
};

// Scalar filter flags (ScalarFilter c).
inline constexpr std::uint32_t kFList = 1, kFNullable = 2, kFNested = 4, kFAggregates = 8;
// Aggregations (OrderByAggregate / AggOut a-side selector, in b).
enum Agg : std::uint32_t { kCount = 0, kAvg, kSum, kMin, kMax };

struct Key {
  K kind = K::Query;
  std::uint32_t a = 0;  // model / field / type code, per kind
  std::uint32_t b = 0;  // "without" relation field + 1, aggregation, unchecked flag ...
  std::uint32_t c = 0;  // flags
};

enum class Loc : std::uint8_t { Scalar, Input, Output, Enum, FieldRef };

struct TypeRef {
  Loc loc = Loc::Scalar;
  const char* scalar = nullptr;  // Loc::Scalar
  Key key;                       // other locations
  bool list = false;
};

struct InField {
  std::string name;
  std::vector<TypeRef> types;
  bool required = false;
  bool never_parameterizable = false;
};

// A top-level operation for the `mappings` section.
struct Mapping {
  std::int64_t model = -1;  // -1: otherOperations
  const char* action = nullptr;
};

struct OutField {
  std::string name;
  std::vector<InField> args;
  TypeRef type;
  bool nullable = false;
  Mapping mapping;
};

struct InputObject {
  std::vector<InField> fields;
  int min_fields = -1, max_fields = -1;  // -1: null
  std::vector<std::string> constraint_fields;
  bool has_constraint_fields = false;
  std::int64_t source = -1;    // meta.source (where inputs)
  std::int64_t grouping = -1;  // meta.grouping
};

// Type references.
TypeRef scalar(const char* name, bool list = false);
TypeRef input(Key k, bool list = false);
TypeRef output(Key k, bool list = false);
TypeRef enum_ref(Key k, bool list = false);
TypeRef null_type();
// A scalar of the schema (built-in or enum) as an input/output type.
TypeRef mapped_type(const Schema& s, TypeCode t, bool list);
const char* scalar_name(connector::ScalarType t);

InField field(std::string name, std::vector<TypeRef> types, bool required = false);
// [t, t[]] when list, else [t].
std::vector<TypeRef> list_union(TypeRef t, bool list);

// Names, namespaces, locations.
std::string name_of(const Schema& s, const Key& k);
bool in_model_namespace(const Key& k);

// Fields of each node kind.
InputObject input_object(const Schema& s, const Key& k);                        // dmmf_schema_input_*.cpp
std::vector<OutField> output_fields(const Schema& s, const Key& k);             // dmmf_schema_output.cpp
std::vector<std::string> enum_values(const Schema& s, const Key& k);            // dmmf_schema_enums.cpp
std::vector<InField> field_ref_fields();
TypeRef field_ref_allow_type(const Schema& s, const Key& k);

// Per-family builders used by input_object.
InputObject filter_object(const Schema& s, const Key& k);     // dmmf_schema_input_filters.cpp
InputObject order_by_object(const Schema& s, const Key& k);   // dmmf_schema_input_order_by.cpp
InputObject write_object(const Schema& s, const Key& k);      // dmmf_schema_input_write.cpp
InputObject nested_object(const Schema& s, const Key& k);     // dmmf_schema_input_nested.cpp

// Shared argument builders.
InField where_argument(std::uint32_t model);
std::vector<InField> to_many_selection_args(const Schema& s, std::uint32_t model);
// [t, <T>FieldRefInput] (field references are accepted wherever a value of the field's type is).
std::vector<TypeRef> with_field_ref(const Schema& s, TypeCode t, bool list);
// The input fields of a where filter for one model field (filter_input_field).
InField filter_input_field(const Schema& s, const Field& f, bool aggregates);
bool is_numeric(const Schema& s, std::uint32_t sf_id);
bool is_json(const Schema& s, std::uint32_t sf_id);
std::vector<TypeRef> create_one_types(std::uint32_t model, std::uint32_t without_plus1);
std::vector<TypeRef> update_one_types(std::uint32_t model, std::uint32_t without_plus1);
bool any_field_required_for_create(const Schema& s, std::uint32_t model);
// Full-text search filters and _relevance ordering: GA on MySQL, preview (fullTextSearchPostgres)
// on PostgreSQL (BuilderContext::can_full_text_search).
bool can_full_text_search(const Schema& s);
bool has_string_field(const Schema& s, std::uint32_t model);
// SQL connectors get executeRaw / queryRaw.
bool has_sql_raw(const Schema& s);

}  // namespace prismapp::schema::dmmf::qs
