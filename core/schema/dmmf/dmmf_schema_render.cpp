// Renders the query schema as the DMMF `schema` and `mappings` sections, like Prisma's
// query-engine/dmmf schema_ast_builder: starting from TransactionIsolationLevel, Query and
// Mutation, each reached type is emitted once, breadth-first, in the order it is first referenced
// (Prisma's render passes are that queue). Output is compact JSON text.
#include <deque>
#include <map>
#include <unordered_set>

#include "core/schema/dmmf/dmmf.hpp"
#include "core/schema/dmmf/dmmf_json_writer.hpp"
#include "core/schema/dmmf/dmmf_schema.hpp"

namespace prismapp::schema::dmmf {

namespace {

using namespace qs;

struct Section {
  std::string prisma, model;
  void add(bool model_ns, const std::string& json) {
    std::string& out = model_ns ? model : prisma;
    if (!out.empty()) out += ',';
    out += json;
  }
  void write(std::string& out) const {
    out += '{';
    if (!prisma.empty()) {
      out += "\"prisma\":[";
      out += prisma;
      out += ']';
    }
    if (!model.empty()) {
      if (!prisma.empty()) out += ',';
      out += "\"model\":[";
      out += model;
      out += ']';
    }
    out += '}';
  }
  std::size_t size() const { return prisma.size() + model.size() + 32; }
};

class Renderer {
 public:
  explicit Renderer(const Schema& s) : s_(s) {}

  void run() {
    render(Key{K::EnumItx});
    enqueue(Key{K::Query}, "p:Query");
    enqueue(Key{K::Mutation}, "p:Mutation");
    while (!queue_.empty()) {
      const Key k = queue_.front();
      queue_.pop_front();
      render(k);
    }
  }

  std::size_t schema_size() const { return inputs_.size() + outputs_.size() + enums_.size() + refs_.size() + 128; }

  void write_schema(std::string& out) const {
    out.reserve(out.size() + schema_size());
    out += "{\"inputObjectTypes\":";
    inputs_.write(out);
    out += ",\"outputObjectTypes\":";
    outputs_.write(out);
    out += ",\"enumTypes\":";
    enums_.write(out);
    out += ",\"fieldRefTypes\":";
    refs_.write(out);
    out += '}';
  }

  void write_mappings(std::string& out) const {
    out += "{\"modelOperations\":[";
    bool first = true;
    for (const auto& [model, ops] : model_ops_) {
      if (!first) out += ',';
      first = false;
      out += "{\"model\":";
      json_string(out, s_.model_name(static_cast<std::uint32_t>(model)));
      for (const auto& [action, name] : ops) {
        out += ',';
        json_string(out, action);
        out += ':';
        json_string(out, name);
      }
      out += '}';
    }
    out += "],\"otherOperations\":{\"read\":[],\"write\":[";
    for (std::size_t i = 0; i < other_write_.size(); ++i) {
      if (i) out += ',';
      json_string(out, other_write_[i]);
    }
    out += "]}}";
  }

 private:
  static std::string seen_key(const Key& k, const std::string& name) {
    return (in_model_namespace(k) ? "m:" : "p:") + name;
  }

  // Keys already reached. Several keys can name the same type (FieldUpdateOps is keyed by field,
  // named by type), so the name decides; the key set only skips the name lookup.
  struct KeyHash {
    std::size_t operator()(const Key& k) const {
      std::uint64_t h = static_cast<std::uint64_t>(k.kind) * 0x9E3779B97F4A7C15ull;
      h ^= (static_cast<std::uint64_t>(k.a) << 32 | k.b) + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
      h ^= static_cast<std::uint64_t>(k.c) + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
      return static_cast<std::size_t>(h);
    }
  };
  struct KeyEq {
    bool operator()(const Key& x, const Key& y) const { return x.kind == y.kind && x.a == y.a && x.b == y.b && x.c == y.c; }
  };

  void enqueue(const Key& k, std::string key) {
    if (!seen_keys_.insert(k).second) return;
    if (seen_.insert(std::move(key)).second) queue_.push_back(k);
  }

  void type_ref(std::string& out, const TypeRef& t) {
    out += "{\"type\":";
    if (t.loc == Loc::Scalar) {
      json_string(out, t.scalar);
      out += ",\"location\":\"scalar\"";
    } else {
      const bool known = seen_keys_.count(t.key) != 0;
      const std::string name = name_of(s_, t.key);
      json_string(out, name);
      out += in_model_namespace(t.key) ? ",\"namespace\":\"model\"" : ",\"namespace\":\"prisma\"";
      switch (t.loc) {
        case Loc::Input: out += ",\"location\":\"inputObjectTypes\""; break;
        case Loc::Output: out += ",\"location\":\"outputObjectTypes\""; break;
        case Loc::Enum: out += ",\"location\":\"enumTypes\""; break;
        case Loc::FieldRef: out += ",\"location\":\"fieldRefTypes\""; break;
        case Loc::Scalar: break;
      }
      if (!known) enqueue(t.key, seen_key(t.key, name));
    }
    out += t.list ? ",\"isList\":true}" : ",\"isList\":false}";
  }

  void input_field(std::string& out, const InField& f, bool argument) {
    out += "{\"name\":";
    json_string(out, f.name);
    out += f.required ? ",\"isRequired\":true" : ",\"isRequired\":false";
    bool nullable = false, parameterizable = false;
    for (const TypeRef& t : f.types) {
      if (t.loc == Loc::Scalar && std::string_view(t.scalar) == "Null") {
        nullable = true;
      } else if (t.loc == Loc::Scalar || (t.loc == Loc::Enum && in_model_namespace(t.key))) {
        parameterizable = true;
      }
    }
    out += nullable ? ",\"isNullable\":true,\"inputTypes\":[" : ",\"isNullable\":false,\"inputTypes\":[";
    for (std::size_t i = 0; i < f.types.size(); ++i) {
      if (i) out += ',';
      type_ref(out, f.types[i]);
    }
    out += ']';
    const bool param = parameterizable && !f.never_parameterizable && !argument;
    out += param ? ",\"isParameterizable\":true}" : ",\"isParameterizable\":false}";
  }

  void fields(std::string& out, const std::vector<InField>& list, bool arguments) {
    out += '[';
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i) out += ',';
      input_field(out, list[i], arguments);
    }
    out += ']';
  }

  static void int_or_null(std::string& out, int v) { out += v < 0 ? "null" : std::to_string(v); }

  void render(const Key& k) {
    const std::string name = name_of(s_, k);
    seen_keys_.insert(k);
    seen_.insert(seen_key(k, name));
    std::string out = "{\"name\":";
    json_string(out, name);
    switch (k.kind) {
      case K::EnumItx: case K::EnumScalarField: case K::EnumSortOrder: case K::EnumNullsOrder: case K::EnumQueryMode:
      case K::EnumJsonNullValueInput: case K::EnumNullableJsonNullValueInput: case K::EnumJsonNullValueFilter:
      case K::EnumUser: case K::EnumRelationLoadStrategy: case K::EnumOrderByRelevanceField: {
        out += ",\"values\":[";
        const auto values = enum_values(s_, k);
        for (std::size_t i = 0; i < values.size(); ++i) {
          if (i) out += ',';
          json_string(out, values[i]);
        }
        out += "]}";
        enums_.add(in_model_namespace(k), out);
        return;
      }
      case K::FieldRef: {
        out += ",\"allowTypes\":[";
        std::string rest = ",\"fields\":";
        fields(rest, field_ref_fields(), false);
        type_ref(out, field_ref_allow_type(s_, k));
        out += ']' + rest + '}';
        refs_.add(false, out);
        return;
      }
      case K::Query: case K::Mutation: case K::ModelOut: case K::AggregateOut: case K::GroupByOut: case K::AffectedRows:
      case K::CountOut: case K::AggOut: case K::CreateManyAndReturn: case K::UpdateManyAndReturn: {
        out += ",\"fields\":[";
        const auto list = output_fields(s_, k);
        for (std::size_t i = 0; i < list.size(); ++i) {
          const OutField& f = list[i];
          if (i) out += ',';
          out += "{\"name\":";
          json_string(out, f.name);
          out += ",\"args\":";
          fields(out, f.args, true);
          out += f.nullable ? ",\"isNullable\":true,\"outputType\":" : ",\"isNullable\":false,\"outputType\":";
          type_ref(out, f.type);
          out += '}';
          add_mapping(f);
        }
        out += "]}";
        outputs_.add(in_model_namespace(k), out);
        return;
      }
      default: break;
    }
    const InputObject obj = input_object(s_, k);
    if (obj.source >= 0 || obj.grouping >= 0) {
      out += ",\"meta\":{";
      if (obj.source >= 0) {
        out += "\"source\":";
        json_string(out, s_.model_name(static_cast<std::uint32_t>(obj.source)));
      }
      if (obj.grouping >= 0) {
        out += obj.source >= 0 ? ",\"grouping\":" : "\"grouping\":";
        json_string(out, s_.model_name(static_cast<std::uint32_t>(obj.grouping)));
      }
      out += '}';
    }
    out += ",\"constraints\":{\"maxNumFields\":";
    int_or_null(out, obj.max_fields);
    out += ",\"minNumFields\":";
    int_or_null(out, obj.min_fields);
    if (obj.has_constraint_fields) {
      out += ",\"fields\":[";
      for (std::size_t i = 0; i < obj.constraint_fields.size(); ++i) {
        if (i) out += ',';
        json_string(out, obj.constraint_fields[i]);
      }
      out += ']';
    }
    out += "},\"fields\":";
    fields(out, obj.fields, false);
    out += '}';
    inputs_.add(false, out);
  }

  void add_mapping(const OutField& f) {
    if (!f.mapping.action) return;
    if (f.mapping.model < 0) {
      other_write_.emplace_back(f.mapping.action);
      return;
    }
    auto it = model_index_.find(f.mapping.model);
    if (it == model_index_.end()) {
      it = model_index_.emplace(f.mapping.model, model_ops_.size()).first;
      model_ops_.emplace_back(f.mapping.model, std::map<std::string, std::string>{});
    }
    model_ops_[it->second].second[f.mapping.action] = f.name;
  }

  const Schema& s_;
  std::unordered_set<std::string> seen_;
  std::unordered_set<Key, KeyHash, KeyEq> seen_keys_;
  std::deque<Key> queue_;
  Section inputs_, outputs_, enums_, refs_;
  std::vector<std::pair<std::int64_t, std::map<std::string, std::string>>> model_ops_;
  std::map<std::int64_t, std::size_t> model_index_;
  std::vector<std::string> other_write_;
};

}  // namespace

void write_schema_and_mappings(const db::ParserDatabase& db, const config::Configuration& config, std::string& schema,
                               std::string& mappings) {
  const Schema s(db, config);
  Renderer r(s);
  r.run();
  r.write_schema(schema);
  r.write_mappings(mappings);
}

std::string full_dmmf_json(const ValidationResult& result) {
  // Replace, not throw, on invalid UTF-8 in names or documentation: the CLI rejects such files,
  // but the library must not abort on them (found by fuzz_schema).
  std::string datamodel = datamodel_to_dmmf(result).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  std::string schema, mappings;
  if (result.db) {
    write_schema_and_mappings(*result.db, result.configuration, schema, mappings);
  } else {
    schema = "{\"inputObjectTypes\":{},\"outputObjectTypes\":{},\"enumTypes\":{},\"fieldRefTypes\":{}}";
    mappings = "{\"modelOperations\":[],\"otherOperations\":{\"read\":[],\"write\":[]}}";
  }
  std::string out;
  out.reserve(datamodel.size() + schema.size() + mappings.size() + 64);
  out += "{\"datamodel\":";
  out += datamodel;
  out += ",\"schema\":";
  out += schema;
  out += ",\"mappings\":";
  out += mappings;
  out += '}';
  return out;
}

nlohmann::ordered_json full_dmmf(const ValidationResult& result) { return nlohmann::ordered_json::parse(full_dmmf_json(result)); }

}  // namespace prismapp::schema::dmmf
