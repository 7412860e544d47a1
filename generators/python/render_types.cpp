// types.py: the TypedDict inputs and outputs of every action (upstream's types.py.jinja shapes and
// names, e.g. UserCreateInput, UserWhereUniqueInput, UserOrderByInput, StringFilter).
//
// SIZE: upstream renders `{Related}IncludeFrom{Model}`, `{Related}ArgsFrom{Model}` and
// `FindMany{Related}ArgsFrom{Model}` for EVERY pair of models times the recursion depth:
// O(models² × depth) classes, the cause of ~1M-line types.py files and multi-second imports
// (upstream issue #1040). The include arguments of a relation do not depend on the model the
// relation starts from, so here they are rendered once per model and depth level instead:
// `<M>Include[RecursiveN]`, `<M>Args[RecursiveN]`, `FindMany<M>Args[RecursiveN]`: O(models × depth).
// The public names users write (`<M>Include`, `FindMany<M>Args`, `<M>WhereInput`, ...) are the same.
#include <functional>

#include "generators/python/renderers.hpp"

namespace prismapp::generators::python {

namespace {

// The names of one pseudo-recursive family: level 0 is `base`, level i is `base + "Recursive" + i`;
// with depth -1 there is a single, self-referencing level.
struct Levels {
  int depth;  // -1 or >= 2
  int count() const { return depth < 0 ? 1 : depth; }
  std::string name(const std::string& base, int level) const {
    return level == 0 ? base : base + "Recursive" + std::to_string(level);
  }
  // The next level's name, or "" at the last level (which drops the recursive keys).
  std::string next(const std::string& base, int level) const {
    if (depth < 0) return base;
    if (level + 1 >= depth) return "";
    return base + "Recursive" + std::to_string(level + 1);
  }
};

const char* const kScalarFilterTypes[][2] = {
    {"String", "str"},          {"DateTime", "datetime.datetime"}, {"Boolean", "bool"},
    {"Int", "int"},             {"Float", "float"},                {"Decimal", "decimal.Decimal"},
    {"Bytes", "'fields.Base64'"},
};

bool has_filter_type(const Field& f) {
  return f.kind == FieldKind::Scalar && f.type != "Json";
}

std::string filter_type_name(const Field& f) {
  return (f.type == "BigInt" ? std::string("Int") : f.type) + "Filter";
}

std::string list_type_prefix(const Field& f) { return f.type; }

std::string maybe_optional(const Field& f, const std::string& type) {
  if (!f.is_optional || f.is_relation()) return type;
  return "Optional[" + type + "]";
}

bool is_atomic(const Field& f) {
  return f.kind == FieldKind::Scalar && !f.is_list &&
         (f.type == "Int" || f.type == "BigInt" || f.type == "Float" || f.type == "Decimal");
}

std::string create_input_type(const Field& f) {
  if (!f.is_relation()) return python_type(f);
  if (f.is_list) return "'" + f.type + "CreateManyNestedWithoutRelationsInput'";
  return "'" + f.type + "CreateNestedWithoutRelationsInput'";
}

std::string update_input_type(const Field& f) {
  if (f.is_relation()) {
    if (f.is_list) return "'" + f.type + "UpdateManyWithoutRelationsInput'";
    return "'" + f.type + "UpdateOneWithoutRelationsInput'";
  }
  if (f.is_list) return "'" + list_type_prefix(f) + "ListUpdate'";
  if (is_atomic(f)) return "Union['Atomic" + (f.type == "BigInt" ? std::string("Int") : f.type) + "Input', " + python_type(f) + "]";
  return python_type(f);
}

std::string where_input_type(const Field& f, const std::string& relation_where) {
  if (f.is_relation()) {
    (void)relation_where;
    return "'" + f.type + (f.is_list ? "ListRelationFilter'" : "RelationFilter'");
  }
  if (f.is_list) return "'" + list_type_prefix(f) + "ListFilter'";
  const std::string none = f.is_optional ? "None, " : "";
  if (f.type == "Json") return "Union[" + none + "'fields.Json', 'JsonFilter']";
  if (has_filter_type(f)) return "Union[" + none + python_base_type(f) + ", '" + filter_type_name(f) + "']";
  if (f.is_optional) return "Optional[" + python_base_type(f) + "]";
  return python_base_type(f);
}

std::string where_aggregates_input_type(const Field& f) {
  if (f.is_list) return "'" + list_type_prefix(f) + "ListFilter'";
  if (f.type == "Json") return "Union['fields.Json', 'JsonWithAggregatesFilter']";
  if (has_filter_type(f))
    return "Union[" + python_base_type(f) + ", '" + (f.type == "BigInt" ? std::string("Int") : f.type) +
           "WithAggregatesFilter']";
  return python_base_type(f);
}

std::string pascal(const std::string& key) {
  std::string out;
  bool upper = true;
  for (char c : key) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

// `class Name(TypedDict, total=...)` with the given (key, type) pairs; `pass` when empty.
void typed_dict(PyWriter& w, const std::string& name, const std::vector<std::pair<std::string, std::string>>& keys,
                bool total, const std::string& doc = {}, const std::string& base = "TypedDict") {
  w.line("class " + name + "(" + base + (total ? "" : ", total=False") + "):");
  w.indent();
  if (!doc.empty()) w.line("\"\"\"" + py_docstring(doc) + "\"\"\"");
  for (const auto& [k, t] : keys) w.line(k + ": " + t);
  if (keys.empty() && doc.empty()) w.line("pass");
  w.dedent();
  w.line();
  w.line();
}

// The functional syntax, for keys that are Python keywords ('not', 'in', 'is').
void functional_typed_dict(PyWriter& w, const std::string& name,
                           const std::vector<std::pair<std::string, std::string>>& keys, bool total) {
  w.line(name + " = TypedDict(");
  w.indent();
  w.line(py_str(name) + ",");
  w.line("{");
  w.indent();
  for (const auto& [k, t] : keys) w.line(py_str(k) + ": " + t + ",");
  w.dedent();
  w.line("},");
  w.line(std::string("total=") + (total ? "True" : "False") + ",");
  w.dedent();
  w.line(")");
  w.line();
  w.line();
}

void literal_alias(PyWriter& w, const std::string& name, const std::vector<const Field*>& fields) {
  if (fields.empty()) {
    w.line(name + ": TypeAlias = None");
    return;
  }
  w.line(name + " = Literal[");
  w.indent();
  for (const Field* f : fields) w.line(py_str(f->name) + ",");
  w.dedent();
  w.line("]");
}

void render_scalar_filters(PyWriter& w, const SchemaView& view, const Levels& levels) {
  const std::string& provider = view.datasource.provider;
  const bool has_mode = provider == "postgresql" || provider == "cockroachdb";
  bool has_search = provider == "mysql";
  for (const auto& f : view.preview_features)
    if (provider == "postgresql" && (f == "fullTextSearch" || f == "fullTextSearchPostgres")) has_search = true;

  for (const auto& [type, py] : kScalarFilterTypes) {
    const std::string base = std::string(type) + "Filter";
    const std::string t = py;
    const std::string list_t = "List[" + (t.front() == '\'' ? t : "'" + t + "'") + "]";
    for (int level = 0; level < levels.count(); ++level) {
      std::vector<std::pair<std::string, std::string>> keys{{"equals", t}};
      if (std::string(type) != "Boolean") {
        keys.emplace_back("in", list_t);
        keys.emplace_back("not_in", list_t);
      }
      if (std::string(type) != "Boolean" && std::string(type) != "Bytes") {
        for (const char* op : {"lt", "lte", "gt", "gte"}) keys.emplace_back(op, t);
      }
      if (std::string(type) == "String") {
        for (const char* op : {"contains", "startswith", "endswith"}) keys.emplace_back(op, "str");
        if (has_mode) keys.emplace_back("mode", "SortMode");
        if (has_search) keys.emplace_back("search", "str");
      }
      const std::string next = levels.next(base, level);
      if (!next.empty()) keys.emplace_back("not", "Union[" + t + ", '" + next + "']");
      functional_typed_dict(w, levels.name(base, level), keys, false);
    }
    typed_dict(w, std::string(type) + "WithAggregatesFilter",
               {{"_max", "'" + base + "'"}, {"_min", "'" + base + "'"}, {"_sum", "'" + base + "'"},
                {"_avg", "'" + base + "'"}, {"_count", "'IntFilter'"}},
               false, {}, base);
  }
  w.line("BigIntFilter = IntFilter");
  w.line("BigIntWithAggregatesFilter = IntWithAggregatesFilter");
  w.line();
  functional_typed_dict(w, "JsonFilter", {{"equals", "'fields.Json'"}, {"not", "'fields.Json'"}}, false);
  typed_dict(w, "JsonWithAggregatesFilter",
             {{"_max", "'JsonFilter'"}, {"_min", "'JsonFilter'"}, {"_count", "'IntFilter'"}}, false, {}, "JsonFilter");

  // Atomic number updates: exactly one operation, a union of one-key dicts.
  for (const auto& [type, py] : {std::pair<const char*, const char*>{"Int", "int"}, {"Float", "float"},
                                 {"Decimal", "decimal.Decimal"}}) {
    std::string members;
    for (const char* op : {"set", "increment", "decrement", "multiply", "divide"}) {
      std::string cls = std::string("_") + type + pascal(op) + "Input";
      typed_dict(w, cls, {{op, py}}, true);
      members += "    '" + cls + "',\n";
    }
    w.line(std::string("Atomic") + type + "Input = Union[");
    w.raw(members);
    w.line("]");
  }
  w.line("AtomicBigIntInput = AtomicIntInput");
  w.line();
  w.line();
}

// Scalar list filters and updates, only for the list types the schema uses (PostgreSQL/CockroachDB).
void render_list_types(PyWriter& w, const SchemaView& view) {
  std::vector<std::pair<std::string, std::string>> seen;
  for (const auto& m : view.models)
    for (const Field* f : m.scalar_fields()) {
      if (!f->is_list) continue;
      Field item = *f;
      item.is_list = false;
      auto entry = std::make_pair(list_type_prefix(*f), python_base_type(item));
      if (std::find(seen.begin(), seen.end(), entry) == seen.end()) seen.push_back(entry);
    }
  for (const auto& [prefix, py] : seen) {
    const std::string list_t = "List[" + (py.front() == '\'' ? py : "'" + py + "'") + "]";
    const std::string p = "_" + prefix + "List";
    typed_dict(w, p + "FilterEqualsInput", {{"equals", "Optional[" + list_t + "]"}}, true);
    typed_dict(w, p + "FilterHasInput", {{"has", py}}, true);
    typed_dict(w, p + "FilterHasEveryInput", {{"has_every", list_t}}, true);
    typed_dict(w, p + "FilterHasSomeInput", {{"has_some", list_t}}, true);
    typed_dict(w, p + "FilterIsEmptyInput", {{"is_empty", "bool"}}, true);
    w.line(prefix + "ListFilter = Union[");
    for (const char* s : {"FilterHasInput", "FilterEqualsInput", "FilterHasSomeInput", "FilterIsEmptyInput",
                          "FilterHasEveryInput"})
      w.line("    '" + p + s + "',");
    w.line("]");
    w.line();
    typed_dict(w, p + "UpdateSet", {{"set", list_t}}, true);
    typed_dict(w, p + "UpdatePush", {{"push", list_t}}, true);
    w.line(prefix + "ListUpdate = Union[");
    w.line("    " + list_t + ",");
    w.line("    '" + p + "UpdateSet',");
    w.line("    '" + p + "UpdatePush',");
    w.line("]");
    w.line();
    w.line();
  }
}

void render_model_types(PyWriter& w, const Model& m, const Levels& levels, const std::string& provider) {
  const std::string& M = m.name;
  const auto fields = m.client_fields();
  const auto scalars = m.scalar_fields();
  const auto relations = m.relation_fields();
  w.line("# " + M + " types");
  w.line();

  // --- create -------------------------------------------------------------------------------
  std::vector<std::pair<std::string, std::string>> optional_create, required_create, optional_plain, required_plain;
  for (const Field* f : fields) {
    // Foreign key scalars stay optional: they can be set directly or through the relation.
    const bool required = f->required_on_create() && !f->is_read_only;
    if (required) {
      required_create.emplace_back(f->name, create_input_type(*f));
      required_plain.emplace_back(f->name, python_type(*f));
    } else {
      optional_create.emplace_back(f->name, maybe_optional(*f, create_input_type(*f)));
      if (!f->is_relation()) optional_plain.emplace_back(f->name, maybe_optional(*f, python_type(*f)));
    }
  }
  typed_dict(w, M + "OptionalCreateInput", optional_create, false, "Optional arguments to the " + M + " create method");
  typed_dict(w, M + "CreateInput", required_create, true, "Required arguments to the " + M + " create method",
             M + "OptionalCreateInput");
  typed_dict(w, M + "OptionalCreateWithoutRelationsInput", optional_plain, false,
             "Optional arguments to the " + M + " create method, without relations");
  typed_dict(w, M + "CreateWithoutRelationsInput", required_plain, true,
             "Required arguments to the " + M + " create method, without relations",
             M + "OptionalCreateWithoutRelationsInput");
  typed_dict(w, M + "CreateOrConnectWithoutRelationsInput",
             {{"where", "'" + M + "WhereUniqueInput'"}, {"create", "'" + M + "CreateWithoutRelationsInput'"}}, true);
  typed_dict(w, M + "CreateNestedWithoutRelationsInput",
             {{"create", "'" + M + "CreateWithoutRelationsInput'"},
              {"connect", "'" + M + "WhereUniqueInput'"},
              {"connect_or_create", "'" + M + "CreateOrConnectWithoutRelationsInput'"}},
             false);
  auto one_or_many = [](const std::string& t) { return "Union['" + t + "', List['" + t + "']]"; };
  typed_dict(w, M + "CreateManyNestedWithoutRelationsInput",
             {{"create", one_or_many(M + "CreateWithoutRelationsInput")},
              {"connect", one_or_many(M + "WhereUniqueInput")},
              {"connect_or_create", one_or_many(M + "CreateOrConnectWithoutRelationsInput")}},
             false);

  // --- where unique: one single-key dict per unique field, plus compound keys -----------------
  std::vector<std::string> unique_members;
  for (const Field* f : scalars) {
    if (!f->is_id && !f->is_unique) continue;
    const std::string cls = "_" + M + "WhereUnique_" + f->name + "_Input";
    typed_dict(w, cls, {{f->name, python_type(*f)}}, true);
    unique_members.push_back(cls);
  }
  for (const auto& key : m.compound_keys) {
    std::vector<std::pair<std::string, std::string>> inner;
    for (const auto& name : key.fields)
      for (const Field* f : scalars)
        if (f->name == name) inner.emplace_back(name, python_type(*f));
    const std::string cls = "_" + M + "Compound" + (key.is_primary ? std::string("Primary") : pascal(key.name)) + "Key";
    typed_dict(w, cls + "Inner", inner, true);
    typed_dict(w, cls, {{key.name, "'" + cls + "Inner'"}}, true);
    unique_members.push_back(cls);
  }
  if (unique_members.empty()) {
    w.line(M + "WhereUniqueInput = Dict[str, Any]  # the model has no unique criterion");
  } else {
    w.line(M + "WhereUniqueInput = Union[");
    for (const auto& u : unique_members) w.line("    '" + u + "',");
    w.line("]");
  }
  w.line();
  w.line();

  // --- update ---------------------------------------------------------------------------------
  std::vector<std::pair<std::string, std::string>> update, update_many;
  for (const Field* f : fields) {
    update.emplace_back(f->name, maybe_optional(*f, update_input_type(*f)));
    if (!f->is_relation()) update_many.emplace_back(f->name, maybe_optional(*f, update_input_type(*f)));
  }
  typed_dict(w, M + "UpdateInput", update, false, "Optional arguments for updating a record");
  typed_dict(w, M + "UpdateManyMutationInput", update_many, false, "Arguments for updating many records");
  const std::string wu = "'" + M + "WhereUniqueInput'";
  typed_dict(w, M + "UpdateManyWithoutRelationsInput",
             {{"create", "List['" + M + "CreateWithoutRelationsInput']"},
              {"connect", "List[" + wu + "]"},
              {"connect_or_create", "List['" + M + "CreateOrConnectWithoutRelationsInput']"},
              {"set", "List[" + wu + "]"},
              {"disconnect", "List[" + wu + "]"},
              {"delete", "List[" + wu + "]"}},
             false);
  typed_dict(w, M + "UpdateOneWithoutRelationsInput",
             {{"create", "'" + M + "CreateWithoutRelationsInput'"},
              {"connect", wu},
              {"connect_or_create", "'" + M + "CreateOrConnectWithoutRelationsInput'"},
              {"disconnect", "bool"},
              {"delete", "bool"}},
             false);
  typed_dict(w, M + "UpsertInput", {{"create", "'" + M + "CreateInput'"}, {"update", "'" + M + "UpdateInput'"}}, true);

  // --- order by: exactly one field per dict ------------------------------------------------------
  std::vector<std::string> order_members;
  for (const Field* f : scalars) {
    const std::string cls = "_" + M + "_" + f->name + "_OrderByInput";
    typed_dict(w, cls, {{f->name, "SortOrder"}}, true);
    order_members.push_back(cls);
  }
  if (provider == "postgresql" || provider == "mysql") {
    std::vector<const Field*> strings;
    for (const Field* f : scalars)
      if (f->type == "String" && !f->is_list) strings.push_back(f);
    if (!strings.empty()) {
      w.line("_" + M + "RelevanceFieldKeys = Literal[");
      for (const Field* f : strings) w.line("    " + py_str(f->name) + ",");
      w.line("]");
      w.line();
      typed_dict(w, "_" + M + "RelevanceInner",
                 {{"fields", "List['_" + M + "RelevanceFieldKeys']"}, {"search", "str"}, {"sort", "SortOrder"}}, true);
      typed_dict(w, "_" + M + "RelevanceOrderByInput", {{"_relevance", "'_" + M + "RelevanceInner'"}}, true);
      order_members.push_back("_" + M + "RelevanceOrderByInput");
    }
  }
  if (order_members.empty()) {
    w.line(M + "OrderByInput = Dict[str, Any]");
  } else {
    w.line(M + "OrderByInput = Union[");
    for (const auto& o : order_members) w.line("    '" + o + "',");
    w.line("]");
  }
  w.line();
  w.line();

  // --- relation filters ---------------------------------------------------------------------
  // Pseudo-recursive depths type relation filters as Dict[str, Any], like upstream: precise
  // types there made mypy hang (upstream issue #45). Truly recursive types (-1) are precise.
  const std::string rel_where = levels.depth < 0 ? "'" + M + "WhereInput'" : "Dict[str, Any]";
  functional_typed_dict(w, M + "RelationFilter", {{"is", rel_where}, {"is_not", rel_where}}, false);
  typed_dict(w, M + "ListRelationFilter", {{"some", rel_where}, {"none", rel_where}, {"every", rel_where}}, false);

  // --- include and relation arguments (O(depth) per model, see the file comment) -------------
  for (int level = 0; level < levels.count(); ++level) {
    const std::string next_args = levels.next("Args", level);  // "" at the last level
    const std::string sfx = level == 0 ? "" : "Recursive" + std::to_string(level);
    // <M>Include<sfx> only when it can reference a deeper level.
    const bool has_include = !next_args.empty();
    if (has_include) {
      std::vector<std::pair<std::string, std::string>> keys;
      const std::string nsfx = levels.depth < 0 ? "" : "Recursive" + std::to_string(level + 1);
      for (const Field* f : relations)
        keys.emplace_back(f->name, "Union[bool, '" + std::string(f->is_list ? "FindMany" : "") + f->type + "Args" +
                                       nsfx + "']");
      typed_dict(w, M + "Include" + sfx, keys, false, M + " relational arguments");
    }
    std::vector<std::pair<std::string, std::string>> args;
    const std::string include_ref = "'" + M + "Include" + sfx + "'";
    // The include at this level refers to the next level's args: with depth N the last args level
    // has no include key.
    const bool args_include = levels.depth < 0 || level + 1 < levels.count();
    if (args_include) args.emplace_back("include", include_ref);
    typed_dict(w, M + "Args" + sfx, args, false, "Arguments for including " + M + " records");
    std::vector<std::pair<std::string, std::string>> many{
        {"take", "int"},
        {"skip", "int"},
        {"order_by", "Union['" + M + "OrderByInput', List['" + M + "OrderByInput']]"},
        {"where", "'" + M + "WhereInput'"},
        {"cursor", "'" + M + "WhereUniqueInput'"},
        {"distinct", "List['" + M + "ScalarFieldKeys']"}};
    if (args_include) many.emplace_back("include", include_ref);
    typed_dict(w, "FindMany" + M + "Args" + sfx, many, false, "Arguments for including many " + M + " records");
  }
  w.line("FindFirst" + M + "Args = FindMany" + M + "Args");
  w.line();
  w.line();

  // --- where ----------------------------------------------------------------------------------
  for (int level = 0; level < levels.count(); ++level) {
    const std::string base = M + "WhereInput";
    std::vector<std::pair<std::string, std::string>> keys;
    for (const Field* f : fields) keys.emplace_back(f->name, where_input_type(*f, rel_where));
    const std::string next = levels.next(base, level);
    if (!next.empty())
      for (const char* op : {"AND", "OR", "NOT"}) keys.emplace_back(op, "List['" + next + "']");
    typed_dict(w, levels.name(base, level), keys, false, M + " arguments for searching");
  }
  for (int level = 0; level < levels.count(); ++level) {
    const std::string base = M + "ScalarWhereWithAggregatesInput";
    std::vector<std::pair<std::string, std::string>> keys;
    for (const Field* f : scalars) keys.emplace_back(f->name, where_aggregates_input_type(*f));
    const std::string next = levels.next(base, level);
    if (!next.empty())
      for (const char* op : {"AND", "OR", "NOT"}) keys.emplace_back(op, "List['" + next + "']");
    typed_dict(w, levels.name(base, level), keys, false, M + " arguments for searching");
  }

  // --- aggregates / group by --------------------------------------------------------------------
  std::vector<std::pair<std::string, std::string>> scalar_out, avg_out, sum_out, bool_all, bool_num;
  for (const Field* f : scalars) {
    scalar_out.emplace_back(f->name, python_type(*f));
    bool_all.emplace_back(f->name, "bool");
    if (f->is_number() && !f->is_list) {
      avg_out.emplace_back(f->name, "float");
      sum_out.emplace_back(f->name, python_type(*f));
      bool_num.emplace_back(f->name, "bool");
    }
  }
  auto group_by = scalar_out;
  group_by.emplace_back("_sum", "'" + M + "SumAggregateOutput'");
  group_by.emplace_back("_avg", "'" + M + "AvgAggregateOutput'");
  group_by.emplace_back("_min", "'" + M + "MinAggregateOutput'");
  group_by.emplace_back("_max", "'" + M + "MaxAggregateOutput'");
  group_by.emplace_back("_count", "'" + M + "CountAggregateOutput'");
  typed_dict(w, M + "GroupByOutput", group_by, false);
  typed_dict(w, M + "AvgAggregateOutput", avg_out, false, M + " output for aggregating averages");
  typed_dict(w, M + "SumAggregateOutput", sum_out, false, M + " output for aggregating sums");
  typed_dict(w, M + "ScalarAggregateOutput", scalar_out, false, M + " output including scalar fields");
  w.line(M + "MinAggregateOutput = " + M + "ScalarAggregateOutput");
  w.line(M + "MaxAggregateOutput = " + M + "ScalarAggregateOutput");
  w.line();
  typed_dict(w, M + "MaxAggregateInput", bool_all, false, M + " input for aggregating by max");
  typed_dict(w, M + "MinAggregateInput", bool_all, false, M + " input for aggregating by min");
  typed_dict(w, M + "NumberAggregateInput", bool_num, false, M + " input for aggregating numbers");
  w.line(M + "AvgAggregateInput = " + M + "NumberAggregateInput");
  w.line(M + "SumAggregateInput = " + M + "NumberAggregateInput");
  w.line();
  auto count_in = bool_all;
  count_in.emplace_back("_all", "bool");
  typed_dict(w, M + "CountAggregateInput", count_in, false);
  std::vector<std::pair<std::string, std::string>> count_out;
  for (const Field* f : scalars) count_out.emplace_back(f->name, "int");
  count_out.emplace_back("_all", "int");
  typed_dict(w, M + "CountAggregateOutput", count_out, false);

  literal_alias(w, M + "Keys", fields);
  literal_alias(w, M + "ScalarFieldKeys", scalars);
  if (!scalars.empty()) w.line(M + "ScalarFieldKeysT = TypeVar('" + M + "ScalarFieldKeysT', bound=" + M + "ScalarFieldKeys)");
  literal_alias(w, M + "RelationalFieldKeys", relations);
  w.line();
  w.line();
}

}  // namespace

std::string render_types(const SchemaView& view, const GeneratorOptions& options) {
  const Levels levels{options.recursive_type_depth};
  PyWriter w;
  w.reserve(view.models.size() * 40000);
  w.raw(module_header("types.py: TypedDict inputs and outputs of the client's actions"));
  w.line("import datetime");
  w.line("import decimal");
  w.line("from typing import Any, Dict, List, Optional, TypeVar, Union");
  w.line("from typing import TypedDict, Literal");
  w.line("from typing import TypeAlias");
  w.line();
  w.line("from . import enums, fields");
  w.line("from ._types import SortOrder as SortOrder, SortMode as SortMode, MetricsFormat as MetricsFormat");
  w.line("from ._types import DatasourceOverride as DatasourceOverride, HttpConfig as HttpConfig");
  w.line();
  w.line();
  w.line("# types that can be serialized to json by the query builder");
  w.line("Serializable = Union[");
  w.line("    None, bool, float, int, str, datetime.datetime,");
  w.line("    List[Any], Dict[None, Any], Dict[bool, Any], Dict[float, Any], Dict[int, Any], Dict[str, Any],");
  w.line("]");
  w.line();
  w.line();
  render_scalar_filters(w, view, levels);
  render_list_types(w, view);
  for (const auto& m : view.models) render_model_types(w, m, levels, view.datasource.provider);
  return w.take();
}

}  // namespace prismapp::generators::python
