#include "core/schema/format/relation_analysis.hpp"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace prismapp::schema::format {
namespace {

constexpr std::string_view kBuiltinScalars[] = {"String", "Boolean", "Int",   "BigInt", "Float",
                                                "Decimal", "DateTime", "Json", "Bytes"};

bool is_builtin_scalar(std::string_view name) {
  for (auto s : kBuiltinScalars)
    if (s == name) return true;
  return false;
}

const ast::Attribute* find_attribute(const std::vector<ast::Attribute>& attrs, std::string_view name) {
  for (const auto& a : attrs)
    if (a.name.name == name) return &a;
  return nullptr;
}

const ast::Expression* named_argument(const ast::ArgumentsList& args, std::string_view name) {
  for (const auto& a : args.arguments)
    if (a.name && a.name->name == name) return &a.value();
  return nullptr;
}

const ast::Expression* first_unnamed_argument(const ast::ArgumentsList& args) {
  for (const auto& a : args.arguments)
    if (a.is_unnamed()) return &a.value();
  return nullptr;
}

// The field names listed in `[a, b(sort: Desc)]`; nullopt when the expression is not an array.
std::optional<std::vector<std::string_view>> field_names(const ast::Expression& e) {
  if (!e.is_array()) return std::nullopt;
  std::vector<std::string_view> names;
  for (const auto& item : e.items) {
    if (item.is_constant() || item.is_function()) {
      names.push_back(item.value);
    } else {
      return std::nullopt;
    }
  }
  return names;
}

}  // namespace

bool RelationSchema::is_relation_field(std::size_t model, std::size_t field_index) const {
  return relation_field_flags[model][field_index];
}

std::string_view RelationSchema::builtin_scalar(std::size_t model, std::size_t field_index) const {
  const ast::Field& f = field(model, field_index);
  if (f.type.unsupported || !is_builtin_scalar(f.type.name)) return {};
  return f.type.name;
}

bool RelationSchema::is_ignored(std::size_t model) const {
  return find_attribute(models[model].ast->attributes, "ignore") != nullptr;
}

std::size_t RelationSchema::find_field(std::size_t model, std::string_view name) const {
  const auto& fields = models[model].ast->fields;
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name.name == name) return i;
  return kNone;
}

const ast::Attribute* RelationSchema::native_type_attribute(std::size_t model, std::size_t field_index) const {
  for (const auto& a : field(model, field_index).attributes) {
    std::size_t dot = a.name.name.find('.');
    if (dot == std::string::npos) continue;
    std::string_view prefix = std::string_view(a.name.name).substr(0, dot);
    for (auto ds : datasource_names)
      if (ds == prefix) return &a;
  }
  return nullptr;
}

namespace {

class Analyser {
 public:
  Analyser(const std::vector<ast::SchemaAst>& asts, RelationSchema& out) : asts_(asts), s_(out) {}

  void run() {
    collect_tops();
    for (std::size_t m = 0; m < s_.models.size(); ++m) resolve_fields(m);
    for (std::size_t m = 0; m < s_.models.size(); ++m) resolve_unique_criterias(m);
    for (std::size_t m = 0; m < s_.models.size(); ++m) check_attribute_names(m);
    check_enum_attribute_names();
    for (std::size_t r = 0; r < s_.relation_fields.size(); ++r) resolve_relation_attribute(s_.relation_fields[r]);
    for (std::size_t r = 0; r < s_.relation_fields.size(); ++r) ingest(r);
  }

 private:
  void error() { s_.has_errors = true; }

  void collect_tops() {
    std::unordered_set<std::string_view> type_names;
    for (const auto& file : asts_) {
      for (const auto& top : file.tops) {
        if (const auto* m = std::get_if<ast::Model>(&top)) {
          if (!type_names.insert(m->name.name).second) error();
          model_index_.emplace(m->name.name, s_.models.size());
          s_.models.push_back(ModelRef{m, file.file});
        } else if (const auto* e = std::get_if<ast::Enum>(&top)) {
          if (!type_names.insert(e->name.name).second) error();
          other_types_.insert(e->name.name);
        } else if (const auto* c = std::get_if<ast::CompositeType>(&top)) {
          if (!type_names.insert(c->name.name).second) error();
          other_types_.insert(c->name.name);
        } else if (const auto* d = std::get_if<ast::SourceConfig>(&top)) {
          s_.datasource_names.push_back(d->name.name);
        }
      }
    }
    s_.relation_field_flags.resize(s_.models.size());
    s_.unique_criterias.resize(s_.models.size());
    s_.unique_indexes.resize(s_.models.size());
  }

  void resolve_fields(std::size_t m) {
    const ast::Model& model = *s_.models[m].ast;
    s_.relation_field_flags[m].assign(model.fields.size(), false);
    std::unordered_set<std::string_view> names;
    for (std::size_t f = 0; f < model.fields.size(); ++f) {
      const ast::Field& field = model.fields[f];
      if (!names.insert(field.name.name).second) error();
      if (field.type.unsupported || is_builtin_scalar(field.type.name) || other_types_.contains(field.type.name))
        continue;
      auto it = model_index_.find(field.type.name);
      if (it == model_index_.end()) {
        error();  // unknown type
        continue;
      }
      s_.relation_field_flags[m][f] = true;
      RelationFieldInfo info;
      info.model = m;
      info.field = f;
      info.referenced_model = it->second;
      info.relation_attribute = find_attribute(field.attributes, "relation");
      s_.relation_fields.push_back(std::move(info));
    }
  }

  // Resolves a list of field names in `model` to scalar field indices; unknown names are errors.
  std::optional<std::vector<std::size_t>> resolve_names(std::size_t model, const ast::Expression& e) {
    auto names = field_names(e);
    if (!names) {
      error();
      return std::nullopt;
    }
    std::vector<std::size_t> out;
    for (auto n : *names) {
      std::size_t f = s_.find_field(model, n);
      if (f == kNone || s_.is_relation_field(model, f)) {
        error();
        return std::nullopt;
      }
      out.push_back(f);
    }
    return out;
  }

  void resolve_unique_criterias(std::size_t m) {
    const ast::Model& model = *s_.models[m].ast;
    std::optional<std::vector<std::size_t>> pk;
    for (std::size_t f = 0; f < model.fields.size(); ++f) {
      if (find_attribute(model.fields[f].attributes, "id") && !pk) pk = std::vector<std::size_t>{f};
    }
    for (const auto& a : model.attributes) {
      if (a.name.name != "id") continue;
      const ast::Expression* fields = named_argument(a.arguments, "fields");
      if (!fields) fields = first_unnamed_argument(a.arguments);
      if (!fields) {
        error();
        continue;
      }
      auto resolved = resolve_names(m, *fields);
      if (resolved && !pk) pk = std::move(resolved);
    }
    auto& criterias = s_.unique_criterias[m];
    auto& indexes = s_.unique_indexes[m];
    if (pk) criterias.push_back(*pk);
    for (std::size_t f = 0; f < model.fields.size(); ++f)
      if (find_attribute(model.fields[f].attributes, "unique")) indexes.push_back({f});
    for (const auto& a : model.attributes) {
      if (a.name.name != "unique") continue;
      const ast::Expression* fields = named_argument(a.arguments, "fields");
      if (!fields) fields = first_unnamed_argument(a.arguments);
      if (!fields) {
        error();
        continue;
      }
      if (auto resolved = resolve_names(m, *fields)) indexes.push_back(std::move(*resolved));
    }
    criterias.insert(criterias.end(), indexes.begin(), indexes.end());
  }

  bool is_datasource_scoped(std::string_view name) const {
    std::size_t dot = name.find('.');
    if (dot == std::string_view::npos) return false;
    for (auto ds : s_.datasource_names)
      if (ds == name.substr(0, dot)) return true;
    return false;
  }

  // Attributes the parser database would reject as unknown, misplaced or repeated. Each of these
  // is an error there, and errors switch relation completion off.
  void check_attributes(const std::vector<ast::Attribute>& attributes, std::initializer_list<std::string_view> allowed,
                        std::initializer_list<std::string_view> repeatable, bool allow_native_types) {
    std::vector<std::string_view> seen;  // attribute lists are short: a linear scan beats a set
    auto first_time = [&](std::string_view name) {
      if (std::find(seen.begin(), seen.end(), name) != seen.end()) return false;
      seen.push_back(name);
      return true;
    };
    for (const auto& a : attributes) {
      std::string_view name = a.name.name;
      if (allow_native_types && is_datasource_scoped(name)) {
        if (!first_time(name.substr(0, name.find('.') + 1))) error();  // one native type per field
        continue;
      }
      bool known = false;
      for (auto k : allowed) known = known || k == name;
      if (!known) {
        error();
        continue;
      }
      bool may_repeat = false;
      for (auto r : repeatable) may_repeat = may_repeat || r == name;
      if (!may_repeat && !first_time(name)) error();
    }
  }

  void check_attribute_names(std::size_t m) {
    const ast::Model& model = *s_.models[m].ast;
    for (std::size_t f = 0; f < model.fields.size(); ++f) {
      if (s_.is_relation_field(m, f)) {
        check_attributes(model.fields[f].attributes, {"relation", "ignore"}, {}, false);
      } else {
        check_attributes(model.fields[f].attributes, {"id", "unique", "default", "updatedAt", "map", "ignore", "shardKey"},
                         {}, true);
      }
    }
    check_attributes(model.attributes, {"id", "unique", "index", "fulltext", "map", "ignore", "schema", "shardKey"},
                     {"unique", "index", "fulltext"}, false);
  }

  void check_enum_attribute_names() {
    for (const auto& file : asts_) {
      for (const auto& top : file.tops) {
        const auto* e = std::get_if<ast::Enum>(&top);
        if (!e) continue;
        for (const auto& v : e->values) check_attributes(v.attributes, {"map"}, {}, false);
        check_attributes(e->attributes, {"map", "schema"}, {}, false);
      }
    }
  }

  void resolve_relation_attribute(RelationFieldInfo& rf) {
    if (!rf.relation_attribute) return;
    const ast::ArgumentsList& args = rf.relation_attribute->arguments;
    const ast::Expression* name = named_argument(args, "name");
    if (!name) name = first_unnamed_argument(args);
    if (name) {
      if (name->is_string()) {
        rf.name = name->value;
      } else {
        error();
      }
    }
    if (const ast::Expression* fields = named_argument(args, "fields")) rf.fields = resolve_names(rf.model, *fields);
    if (const ast::Expression* refs = named_argument(args, "references"))
      rf.references = resolve_names(rf.referenced_model, *refs);
  }

  std::string_view model_name(std::size_t m) const { return s_.models[m].ast->name.name; }
  std::string_view field_name(const RelationFieldInfo& rf) const { return s_.field(rf.model, rf.field).name.name; }
  ast::FieldArity arity(const RelationFieldInfo& rf) const { return s_.field(rf.model, rf.field).arity; }

  static std::uint64_t pair_key(std::size_t from, std::size_t to) {
    return (static_cast<std::uint64_t>(from) << 32) | static_cast<std::uint64_t>(to);
  }

  // The relation field on the other model pointing back here with the same relation name (the
  // first one in field order, as upstream's range scan finds it).
  std::size_t opposite_of(std::size_t r) {
    if (by_models_.empty()) {
      for (std::size_t i = 0; i < s_.relation_fields.size(); ++i)
        by_models_[pair_key(s_.relation_fields[i].model, s_.relation_fields[i].referenced_model)].push_back(i);
    }
    const RelationFieldInfo& rf = s_.relation_fields[r];
    bool self_relation = rf.model == rf.referenced_model;
    auto it = by_models_.find(pair_key(rf.referenced_model, rf.model));
    if (it == by_models_.end()) return kNone;
    for (std::size_t o : it->second) {
      const RelationFieldInfo& other = s_.relation_fields[o];
      if (self_relation && other.field == rf.field) continue;
      if (other.name == rf.name) return o;
    }
    return kNone;
  }

  bool fields_are_unique(std::size_t model, const std::vector<std::size_t>& fields) const {
    for (const auto& index : s_.unique_indexes[model])
      if (index == fields) return true;
    return false;
  }

  // Mirrors parser-database's ingest_relation: each relation is created once, from the side that
  // decides its shape.
  void ingest(std::size_t r) {
    const RelationFieldInfo& rf = s_.relation_fields[r];
    std::size_t o = opposite_of(r);
    const RelationFieldInfo* opp = o == kNone ? nullptr : &s_.relation_fields[o];
    using A = ast::FieldArity;
    A ar = arity(rf);
    RelationInfo rel;
    rel.model_a = rf.model;
    rel.model_b = rf.referenced_model;
    auto both = [&](RelationKind kind) {
      rel.kind = kind;
      rel.forward_field = r;
      rel.back_field = o;
    };
    auto later_than_opposite = [&] {
      return std::pair(model_name(rf.model), field_name(rf)) > std::pair(model_name(opp->model), field_name(*opp));
    };

    if (opp) {
      A oar = arity(*opp);
      if (ar == A::List && oar == A::List) {
        if (model_name(rf.model) > model_name(opp->model)) return;
        if (rf.model == rf.referenced_model && field_name(rf) > field_name(*opp)) return;
        bool embedded = rf.fields.has_value() || opp->fields.has_value();
        both(embedded ? RelationKind::TwoWayEmbeddedManyToMany : RelationKind::ImplicitManyToMany);
      } else if (ar == A::Required && oar == A::Optional) {
        both(RelationKind::OneToOne);
      } else if (ar == A::Required && oar == A::Required) {
        if (later_than_opposite()) return;
        both(RelationKind::OneToOne);
      } else if (ar == A::Optional && oar == A::Required) {
        return;
      } else if (ar == A::Optional && oar == A::Optional) {
        if (rf.fields) {
          both(RelationKind::OneToOne);
        } else if (!opp->fields) {
          if (later_than_opposite()) return;
          both(RelationKind::OneToOne);
        } else {
          return;
        }
      } else if (ar == A::List) {
        return;  // 1:m seen from the back side; the forward side creates it
      } else {
        both(RelationKind::OneToMany);
      }
    } else if (ar == A::List) {
      // Back side only: model A is the (field-less) referencing model.
      rel.kind = RelationKind::OneToMany;
      rel.model_a = rf.referenced_model;
      rel.model_b = rf.model;
      rel.back_field = r;
    } else {
      rel.kind = rf.fields && fields_are_unique(rf.model, *rf.fields) ? RelationKind::OneToOne : RelationKind::OneToMany;
      rel.forward_field = r;
    }
    s_.relations.push_back(rel);
  }

  const std::vector<ast::SchemaAst>& asts_;
  RelationSchema& s_;
  std::unordered_map<std::string_view, std::size_t> model_index_;
  std::unordered_set<std::string_view> other_types_;
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> by_models_;  // (model, target) -> fields
};

}  // namespace

RelationSchema analyse_relations(const std::vector<ast::SchemaAst>& asts, bool parse_had_errors) {
  RelationSchema schema;
  schema.has_errors = parse_had_errors;
  Analyser(asts, schema).run();
  return schema;
}

}  // namespace prismapp::schema::format
