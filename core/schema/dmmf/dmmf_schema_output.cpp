// Output object types (Prisma's query_type.rs, mutation_type.rs, objects/model.rs, field.rs,
// aggregation/{plain,group_by}.rs): Query and Mutation with one field per model operation, the
// model types, aggregate / groupBy / count outputs and the *AndReturn output types.
#include "core/schema/dmmf/dmmf_schema.hpp"

namespace prismapp::schema::dmmf::qs {

using connector::Capability;
using connector::ScalarType;

namespace {

OutField out_field(std::string name, TypeRef type, bool nullable = false, std::vector<InField> args = {}) {
  OutField f;
  f.name = std::move(name);
  f.type = type;
  f.nullable = nullable;
  f.args = std::move(args);
  return f;
}

OutField op(const char* action, std::string name, std::uint32_t model, TypeRef type, bool nullable,
            std::vector<InField> args) {
  OutField f = out_field(std::move(name), type, nullable, std::move(args));
  f.mapping = Mapping{model, action};
  return f;
}

InField order_by_arg(std::uint32_t model, K kind) {
  return field("orderBy", {input(Key{kind, model}, true), input(Key{kind, model})});
}

InField distinct_arg(std::uint32_t model) { return field("distinct", list_union(enum_ref(Key{K::EnumScalarField, model}), true)); }

bool relation_joins(const Schema& s) { return s.preview.contains(config::PreviewFeature::RelationJoins); }

InField relation_load_strategy_arg() { return field("relationLoadStrategy", {enum_ref(Key{K::EnumRelationLoadStrategy})}); }

std::vector<InField> many_records_args(const Schema& s, std::uint32_t model, bool distinct, bool load_strategy) {
  std::vector<InField> args{where_argument(model), order_by_arg(model, K::OrderByRelation),
                            field("cursor", {input(Key{K::WhereUnique, model})}), field("take", {scalar("Int")}),
                            field("skip", {scalar("Int")})};
  if (load_strategy && relation_joins(s)) args.push_back(relation_load_strategy_arg());
  if (distinct) args.push_back(distinct_arg(model));
  return args;
}

std::vector<InField> unique_args(const Schema& s, std::uint32_t model) {
  std::vector<InField> args{field("where", {input(Key{K::WhereUnique, model})}, true)};
  if (relation_joins(s)) args.push_back(relation_load_strategy_arg());
  return args;
}

void query_fields(const Schema& s, std::vector<OutField>& out) {
  for (std::uint32_t m : s.models) {
    const std::string name(s.model_name(m));
    const TypeRef model_type = output(Key{K::ModelOut, m});
    out.push_back(op("findFirst", "findFirst" + name, m, model_type, true, many_records_args(s, m, true, true)));
    out.push_back(
        op("findFirstOrThrow", "findFirst" + name + "OrThrow", m, model_type, true, many_records_args(s, m, true, true)));
    out.push_back(op("findMany", "findMany" + name, m, output(Key{K::ModelOut, m}, true), false,
                     many_records_args(s, m, true, true)));
    out.push_back(op("aggregate", "aggregate" + name, m, output(Key{K::AggregateOut, m}), false,
                     many_records_args(s, m, false, false)));
    out.push_back(op("groupBy", "groupBy" + name, m, output(Key{K::GroupByOut, m}, true), false,
                     {where_argument(m), order_by_arg(m, K::OrderByAggregation),
                      field("by", {enum_ref(Key{K::EnumScalarField, m}, true), enum_ref(Key{K::EnumScalarField, m})}, true),
                      field("having", {input(Key{K::ScalarWhereAgg, m})}), field("take", {scalar("Int")}),
                      field("skip", {scalar("Int")})}));
    out.push_back(op("findUnique", "findUnique" + name, m, model_type, true, unique_args(s, m)));
    out.push_back(op("findUniqueOrThrow", "findUnique" + name + "OrThrow", m, model_type, true, unique_args(s, m)));
  }
}

std::vector<InField> create_many_args(const Schema& s, std::uint32_t m) {
  std::vector<InField> args{field("data", list_union(input(Key{K::CreateMany, m}), true), true)};
  if (s.has(Capability::CreateSkipDuplicates)) args.push_back(field("skipDuplicates", {scalar("Boolean")}));
  return args;
}

std::vector<InField> update_many_args(std::uint32_t m) {
  return {field("data", {input(Key{K::UpdateManyMutation, m}), input(Key{K::UpdateManyUnchecked, m})}, true),
          where_argument(m), field("limit", {scalar("Int")})};
}

void mutation_fields(const Schema& s, std::vector<OutField>& out) {
  const TypeRef affected = output(Key{K::AffectedRows});
  for (std::uint32_t m : s.models) {
    const std::string name(s.model_name(m));
    const TypeRef model_type = output(Key{K::ModelOut, m});
    if (s.supports_create(m)) {
      std::vector<InField> create_args{field("data", create_one_types(m, 0), any_field_required_for_create(s, m))};
      if (relation_joins(s)) create_args.push_back(relation_load_strategy_arg());
      out.push_back(op("createOne", "createOne" + name, m, model_type, false, std::move(create_args)));
      std::vector<InField> upsert_args{field("where", {input(Key{K::WhereUnique, m})}, true),
                                       field("create", create_one_types(m, 0), true),
                                       field("update", update_one_types(m, 0), true)};
      if (relation_joins(s)) upsert_args.push_back(relation_load_strategy_arg());
      out.push_back(op("upsertOne", "upsertOne" + name, m, model_type, false, std::move(upsert_args)));
      if (s.has(Capability::CreateMany)) {
        out.push_back(op("createMany", "createMany" + name, m, affected, false, create_many_args(s, m)));
        if (s.has(Capability::InsertReturning))
          out.push_back(op("createManyAndReturn", "createMany" + name + "AndReturn", m,
                           output(Key{K::CreateManyAndReturn, m}, true), false, create_many_args(s, m)));
      }
    }
    std::vector<InField> delete_args{field("where", {input(Key{K::WhereUnique, m})}, true)};
    if (relation_joins(s)) delete_args.push_back(relation_load_strategy_arg());
    out.push_back(op("deleteOne", "deleteOne" + name, m, model_type, true, std::move(delete_args)));
    std::vector<InField> update_args{field("data", update_one_types(m, 0), true),
                                     field("where", {input(Key{K::WhereUnique, m})}, true)};
    if (relation_joins(s)) update_args.push_back(relation_load_strategy_arg());
    out.push_back(op("updateOne", "updateOne" + name, m, model_type, true, std::move(update_args)));
    out.push_back(op("updateMany", "updateMany" + name, m, affected, false, update_many_args(m)));
    if (s.has(Capability::UpdateReturning))
      out.push_back(op("updateManyAndReturn", "updateMany" + name + "AndReturn", m,
                       output(Key{K::UpdateManyAndReturn, m}, true), false, update_many_args(m)));
    out.push_back(op("deleteMany", "deleteMany" + name, m, affected, false,
                     {where_argument(m), field("limit", {scalar("Int")})}));
  }
  if (has_sql_raw(s)) {
    for (const char* raw : {"executeRaw", "queryRaw"}) {
      OutField f = out_field(raw, scalar("Json"), false,
                             {field("query", {scalar("String")}, true), field("parameters", {scalar("Json")})});
      f.mapping = Mapping{-1, raw};
      out.push_back(std::move(f));
    }
  }
}

OutField scalar_out(const Schema& s, std::uint32_t id) {
  return out_field(std::string(s.sf(id).name()), mapped_type(s, s.type_of(id), s.is_list(id)), !s.is_required(id));
}

OutField relation_out(const Schema& s, std::uint32_t rf) {
  const std::uint32_t related = s.related_model(rf);
  std::vector<InField> args;
  if (s.rf_list(rf))
    args = many_records_args(s, related, true, false);
  else if (!s.rf_required(rf))
    args.push_back(where_argument(related));
  return out_field(std::string(s.rf(rf).name()), output(Key{K::ModelOut, related}, s.rf_list(rf)), !s.rf_required(rf),
                   std::move(args));
}

std::vector<OutField> model_fields(const Schema& s, std::uint32_t m, bool and_return) {
  std::vector<OutField> out;
  bool to_many = false;
  for (const Field& f : s.fields[m]) {
    if (!f.is_relation) {
      out.push_back(scalar_out(s, f.id));
    } else if (s.rf_list(f.id)) {
      to_many = true;
      if (!and_return) out.push_back(relation_out(s, f.id));
    } else if (!and_return || s.is_inlined(f.id)) {
      // *AndReturn outputs only offer the relations whose foreign key the returned rows hold.
      out.push_back(relation_out(s, f.id));
    }
  }
  if (to_many && !and_return) out.push_back(out_field("_count", output(Key{K::CountOut, m})));
  return out;
}

bool agg_includes(const Schema& s, std::uint32_t id, std::uint32_t agg) {
  switch (agg) {
    case kCount: return true;
    case kAvg:
    case kSum: return is_numeric(s, id);
    default: return !s.is_list(id) && !is_json(s, id);
  }
}

void aggregation_fields(const Schema& s, std::uint32_t m, std::vector<OutField>& out) {
  const std::pair<const char*, std::uint32_t> aggs[] = {
      {"_count", kCount}, {"_avg", kAvg}, {"_sum", kSum}, {"_min", kMin}, {"_max", kMax}};
  for (const auto& [name, agg] : aggs) {
    bool any = false;
    for (std::uint32_t id : s.scalar_fields(m)) any = any || agg_includes(s, id, agg);
    if (any) out.push_back(out_field(name, output(Key{K::AggOut, m, agg}), true));
  }
}

std::vector<OutField> agg_output_fields(const Schema& s, std::uint32_t m, std::uint32_t agg) {
  std::vector<OutField> out;
  for (std::uint32_t id : s.scalar_fields(m)) {
    if (!agg_includes(s, id, agg)) continue;
    const std::string name(s.sf(id).name());
    const TypeCode t = s.type_of(id);
    if (agg == kCount) {
      out.push_back(out_field(name, scalar("Int")));
    } else if (agg == kAvg) {
      const bool decimal = t == static_cast<TypeCode>(ScalarType::Decimal);
      out.push_back(out_field(name, scalar(decimal ? "Decimal" : "Float"), true));
    } else {
      out.push_back(out_field(name, mapped_type(s, t, s.is_list(id)), true));
    }
  }
  if (agg == kCount) out.push_back(out_field("_all", scalar("Int")));
  return out;
}

}  // namespace

std::vector<OutField> output_fields(const Schema& s, const Key& k) {
  std::vector<OutField> out;
  switch (k.kind) {
    case K::Query: query_fields(s, out); break;
    case K::Mutation: mutation_fields(s, out); break;
    case K::ModelOut: return model_fields(s, k.a, false);
    case K::CreateManyAndReturn:
    case K::UpdateManyAndReturn: return model_fields(s, k.a, true);
    case K::AggregateOut: aggregation_fields(s, k.a, out); break;
    case K::GroupByOut:
      for (std::uint32_t id : s.scalar_fields(k.a)) out.push_back(scalar_out(s, id));
      aggregation_fields(s, k.a, out);
      break;
    case K::AffectedRows: out.push_back(out_field("count", scalar("Int"))); break;
    case K::CountOut:
      for (const Field& f : s.fields[k.a])
        if (f.is_relation && s.rf_list(f.id))
          out.push_back(out_field(std::string(s.rf(f.id).name()), scalar("Int"), false,
                                  {where_argument(s.related_model(f.id))}));
      break;
    case K::AggOut: return agg_output_fields(s, k.a, k.b);
    default: break;
  }
  return out;
}

}  // namespace prismapp::schema::dmmf::qs
