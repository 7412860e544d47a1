// Builds the SchemaView from the parser database (the same walk as core/schema/dmmf/dmmf_models.cpp:
// fields in declaration order, @ignore'd models and fields left out).
#include "generators/python/schema_view.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <string_view>

#include "core/schema/connector/referential_action.hpp"
#include "core/schema/dmmf/dmmf_parts.hpp"

namespace prismapp::generators::python {

namespace db = schema::db;
using Json = nlohmann::ordered_json;

std::vector<const Field*> Model::client_fields() const {
  std::vector<const Field*> out;
  for (const auto& f : fields)
    if (f.kind != FieldKind::Unsupported) out.push_back(&f);
  return out;
}

std::vector<const Field*> Model::scalar_fields() const {
  std::vector<const Field*> out;
  for (const auto& f : fields)
    if (f.is_scalar_like()) out.push_back(&f);
  return out;
}

std::vector<const Field*> Model::relation_fields() const {
  std::vector<const Field*> out;
  for (const auto& f : fields)
    if (f.is_relation()) out.push_back(&f);
  return out;
}

namespace {

// Python keywords (keyword.kwlist of 3.11) and soft keywords that would break generated code.
const std::set<std::string, std::less<>> kPythonKeywords = {
    "False", "None",   "True",     "and",   "as",   "assert", "async", "await",  "break",
    "class", "continue", "def",    "del",   "elif", "else",   "except", "finally", "for",
    "from",  "global", "if",       "import", "in",  "is",     "lambda", "nonlocal", "not",
    "or",    "pass",   "raise",    "return", "try", "while",  "with",  "yield"};

// Public attributes of pydantic's BaseModel in v1 and v2: a field with one of these names would
// shadow the attribute (upstream rejects them the same way).
const std::set<std::string, std::less<>> kBaseModelAttributes = {
    "Config", "construct", "copy", "dict", "from_orm", "json", "parse_file", "parse_obj", "parse_raw",
    "schema", "schema_json", "update_forward_refs", "validate", "model_config", "model_fields",
    "model_computed_fields", "model_construct", "model_copy", "model_dump", "model_dump_json",
    "model_extra", "model_fields_set", "model_json_schema", "model_parametrized_name",
    "model_post_init", "model_rebuild", "model_validate", "model_validate_json",
    "model_validate_strings"};

// Keys the runtime rewrites to Prisma's camelCase in every argument dict (upstream's
// QUERY_BUILDER_ALIASES): a field with such a name could not be addressed.
const std::set<std::string, std::less<>> kQueryBuilderAliases = {
    "startswith", "endswith", "order_by", "not_in", "is_not", "has_every", "has_some", "is_empty",
    "connect_or_create", "skip_duplicates"};

void check_field_name(const std::string& model, const std::string& name) {
  auto hint = "; use a different field name with '@map(\"" + name + "\")'.";
  auto where = " (model " + model + ")";
  if (kBaseModelAttributes.count(name))
    throw GeneratorError("Field name \"" + name + "\" shadows a BaseModel attribute" + hint + where);
  if (kPythonKeywords.count(name))
    throw GeneratorError("Field name \"" + name + "\" shadows a Python keyword" + hint + where);
  if (name == "prisma")
    throw GeneratorError("Field name \"prisma\" shadows a Prisma Client Python method" + hint + where);
  if (kQueryBuilderAliases.count(name))
    throw GeneratorError("Field name \"" + name + "\" shadows an internal keyword" + hint + where);
  if (!name.empty() && name.front() == '_')
    throw GeneratorError("Field name \"" + name + "\" starts with an underscore, which pydantic treats as private" +
                         hint + where);
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

void check_model_name(const std::string& name) {
  if (kPythonKeywords.count(name) || kPythonKeywords.count(lower(name)))
    throw GeneratorError("Model name \"" + name +
                         "\" shadows a Python keyword; use a different model name with '@@map(\"" + name + "\")'.");
}

// `/// @Python(instance_name: "custom")` in the model's documentation (upstream's schema extension).
std::optional<std::string> instance_name_from_doc(const std::optional<std::string>& doc) {
  if (!doc) return std::nullopt;
  static const std::regex re(R"re(@Python\(\s*instance_name\s*:\s*"([^"]*)"\s*\))re");
  std::smatch m;
  if (std::regex_search(*doc, m, re)) return m[1].str();
  return std::nullopt;
}

std::optional<std::string> doc_of(const std::optional<schema::ast::Comment>& c) {
  if (!c) return std::nullopt;
  return c->text;
}

std::string type_name(const db::ParserDatabase& db, const db::ScalarFieldType& type) {
  switch (type.kind) {
    case db::ScalarFieldType::Kind::Enum: return std::string(db.enum_(type.enum_id).name());
    case db::ScalarFieldType::Kind::BuiltIn: return std::string(schema::connector::scalar_type_name(type.builtin));
    case db::ScalarFieldType::Kind::CompositeType: return std::string(db.composite_type(type.composite_type_id).name());
    case db::ScalarFieldType::Kind::Unsupported: break;
  }
  return "Unsupported";
}

long long to_int(const std::string& text, long long fallback) {
  long long v = fallback;
  std::from_chars(text.data(), text.data() + text.size(), v);
  return v;
}

// A @default in the `_schema.py` format (see the contract).
Json default_to_json(const schema::ast::Expression& value, const Field& field) {
  using schema::ast::ExpressionKind;
  if (value.is_function()) {
    const auto& args = value.arguments.arguments;
    const schema::ast::Expression* arg = args.empty() ? nullptr : &args.front().value();
    const std::string& name = value.value;
    Json out = Json::object();
    if (name == "autoincrement" || name == "now" || name == "ulid" || name == "sequence" || name == "dbgenerated") {
      out["kind"] = name;
      if (name == "dbgenerated" && arg && arg->is_string()) out["expression"] = arg->value;
    } else if (name == "uuid" || name == "cuid") {
      out["kind"] = name;
      out["version"] = (arg && arg->is_numeric()) ? to_int(arg->value, 0) : (name == "uuid" ? 4 : 1);
    } else if (name == "nanoid") {
      out["kind"] = "nanoid";
      if (arg && arg->is_numeric()) out["size"] = to_int(arg->value, 21);
    } else {
      out["kind"] = "dbgenerated";  // auto() (MongoDB) and anything the database computes
    }
    return out;
  }
  // Literals: the value as JSON-compatible Python (DateTime ISO, Decimal/BigInt as str).
  std::function<Json(const schema::ast::Expression&)> literal = [&](const schema::ast::Expression& e) -> Json {
    switch (e.kind) {
      case ExpressionKind::Array: {
        Json arr = Json::array();
        for (const auto& item : e.items) arr.push_back(literal(item));
        return arr;
      }
      case ExpressionKind::NumericValue:
        if (field.type == "Int") return to_int(e.value, 0);
        if (field.type == "BigInt" || field.type == "Decimal") return e.value;
        return std::strtod(e.value.c_str(), nullptr);
      case ExpressionKind::ConstantValue:
        if (field.type == "Boolean") return e.value == "true";
        return e.value;  // enum value name
      case ExpressionKind::StringValue:
        if (field.type == "DateTime") {
          if (auto iso = schema::dmmf::normalize_rfc3339(e.value)) return *iso;
        }
        return e.value;
      case ExpressionKind::Function: break;
    }
    return nullptr;
  };
  Json out = Json::object();
  out["kind"] = "value";
  out["value"] = literal(value);
  return out;
}

bool single_field_key(const std::vector<db::IndexFieldPath>& fields, db::ScalarFieldId id) {
  return fields.size() == 1 && fields.front().field == id;
}

}  // namespace

SchemaView build_schema_view(const schema::ValidationResult& result, const GeneratorOptions& options) {
  if (!result.db) throw GeneratorError("the schema could not be resolved");
  const db::ParserDatabase& dbase = *result.db;
  SchemaView view;

  if (const auto* ds = result.configuration.first_datasource()) {
    view.datasource.name = ds->name;
    view.datasource.provider = ds->active_provider;
    view.datasource.url = ds->url.value;
    view.datasource.url_env = ds->url.from_env_var;
  } else {
    throw GeneratorError("A datasource block is required to generate Prisma Client Python.");
  }
  if (view.datasource.provider == "mongodb")
    throw GeneratorError("Prisma Client Python (prismapp) does not support the mongodb provider.");
  for (auto f : result.configuration.preview_features().to_vector())
    view.preview_features.emplace_back(schema::config::preview_feature_name(f));

  if (!dbase.composite_types().empty())
    throw GeneratorError("Composite types are not supported by Prisma Client Python.");

  // Which relation each relation field belongs to, and on which side.
  struct Side {
    const db::Relation* relation = nullptr;
    bool is_a = false;
  };
  std::map<std::uint32_t, Side> sides;
  for (const auto& rel : dbase.relations()) {
    if (rel.field_a) sides[rel.field_a->value] = Side{&rel, true};
    if (rel.field_b) sides[rel.field_b->value] = Side{&rel, false};
  }

  for (std::uint32_t mi = 0; mi < dbase.models().size(); ++mi) {
    const db::ModelInfo& info = dbase.models()[mi];
    if (info.is_ignored) continue;
    Model model;
    model.name = std::string(info.name());
    check_model_name(model.name);
    model.db_name = std::string(info.database_name());
    model.schema = info.schema;
    model.documentation = doc_of(info.ast->documentation);
    model.instance_name = instance_name_from_doc(model.documentation).value_or(lower(model.name));

    std::vector<db::ScalarFieldId> referencing;
    for (db::RelationFieldId rid : info.relation_fields) {
      const auto& fields = dbase.relation_field(rid).fields;
      if (fields) referencing.insert(referencing.end(), fields->begin(), fields->end());
    }
    const auto& pk = info.keys.primary_key;

    auto scalar = info.scalar_fields.begin();
    auto relation = info.relation_fields.begin();
    while (scalar != info.scalar_fields.end() || relation != info.relation_fields.end()) {
      const bool take_scalar = relation == info.relation_fields.end() ||
                               (scalar != info.scalar_fields.end() && dbase.scalar_field(*scalar).ast_field_index <
                                                                           dbase.relation_field(*relation).ast_field_index);
      Field field;
      if (take_scalar) {
        const db::ScalarFieldId id = *scalar++;
        const db::ScalarField& sf = dbase.scalar_field(id);
        if (sf.is_ignored) continue;
        field.name = std::string(sf.name());
        field.db_name = std::string(sf.database_name());
        field.type = type_name(dbase, sf.type);
        switch (sf.type.kind) {
          case db::ScalarFieldType::Kind::Enum: field.kind = FieldKind::Enum; break;
          case db::ScalarFieldType::Kind::Unsupported: field.kind = FieldKind::Unsupported; break;
          default: field.kind = FieldKind::Scalar; break;
        }
        field.is_list = sf.is_list();
        field.is_optional = sf.is_optional();
        field.has_default = sf.default_value.has_value();
        field.is_updated_at = sf.is_updated_at;
        field.is_id = pk && single_field_key(pk->fields, id);
        if (!field.is_id)
          for (const auto& idx : info.keys.indexes)
            if (idx.is_unique() && single_field_key(idx.fields, id)) field.is_unique = true;
        field.is_read_only = std::find(referencing.begin(), referencing.end(), id) != referencing.end();
        if (sf.native_type) field.native_type = std::make_pair(sf.native_type->name, sf.native_type->arguments);
        field.documentation = doc_of(sf.ast->documentation);
        if (sf.default_value && sf.default_value->value)
          field.default_value = default_to_json(*sf.default_value->value, field);
        if (field.kind != FieldKind::Unsupported) {
          check_field_name(model.name, field.name);
          if (field.type == "Decimal" && !options.enable_experimental_decimal)
            throw GeneratorError(
                "Support for the Decimal type is experimental\n"
                "  As such you must set the `enable_experimental_decimal` config flag to true\n"
                "  for more information see: https://github.com/RobertCraigie/prisma-client-py/issues/106");
        }
      } else {
        const db::RelationFieldId id = *relation++;
        const db::RelationField& rf = dbase.relation_field(id);
        if (rf.is_ignored) continue;
        const db::ModelInfo& target = dbase.model(rf.referenced_model);
        if (target.is_ignored) continue;
        field.name = std::string(rf.name());
        field.db_name = field.name;
        field.kind = FieldKind::Relation;
        field.type = std::string(target.name());
        field.is_list = rf.is_list();
        field.is_optional = rf.is_optional();
        field.documentation = doc_of(rf.ast->documentation);
        if (rf.relation_name) {
          field.relation_name = *rf.relation_name;
        } else {
          field.relation_name = db::generated_relation_name(info.name(), target.name());
        }
        if (rf.fields)
          for (auto f : *rf.fields) field.relation_fields.emplace_back(dbase.scalar_field(f).name());
        if (rf.references)
          for (auto f : *rf.references) field.relation_references.emplace_back(dbase.scalar_field(f).name());
        if (auto it = sides.find(id.value); it != sides.end()) {
          const db::Relation& rel = *it->second.relation;
          auto other = it->second.is_a ? rel.field_b : rel.field_a;
          if (other) field.back_field = std::string(dbase.relation_field(*other).name());
          if (rel.is_implicit_many_to_many()) {
            JoinTable jt;
            jt.table = "_" + field.relation_name;
            jt.schema = dbase.model(rel.model_a).schema;
            jt.self_column = it->second.is_a ? "A" : "B";
            jt.other_column = it->second.is_a ? "B" : "A";
            field.join_table = jt;
          }
        }
        check_field_name(model.name, field.name);
      }
      model.fields.push_back(std::move(field));
    }

    auto names_of = [&](const auto& paths) {
      std::vector<std::string> out;
      for (const auto& p : paths) out.emplace_back(dbase.scalar_field(p.field).name());
      return out;
    };
    auto join = [](const std::vector<std::string>& parts) {
      std::string out;
      for (const auto& p : parts) out += (out.empty() ? "" : "_") + p;
      return out;
    };
    if (pk) {
      model.id = names_of(pk->fields);
      model.unique.push_back(model.id);
      if (model.id.size() > 1) model.compound_keys.push_back(CompoundKey{pk->name.value_or(join(model.id)), model.id, true});
    }
    for (const auto& idx : info.keys.indexes) {
      if (!idx.is_unique()) continue;
      auto fields = names_of(idx.fields);
      if (std::find(model.unique.begin(), model.unique.end(), fields) != model.unique.end()) continue;
      model.unique.push_back(fields);
      if (fields.size() > 1) model.compound_keys.push_back(CompoundKey{idx.name.value_or(join(fields)), fields, false});
    }
    view.models.push_back(std::move(model));
  }

  // Client attribute names must be unique (two models differing only in case would clash).
  std::set<std::string> instance_names;
  for (const auto& m : view.models)
    if (!instance_names.insert(m.instance_name).second)
      throw GeneratorError("Two models use the client attribute name \"" + m.instance_name +
                           "\"; set a different one with `/// @Python(instance_name: \"...\")`.");

  for (const auto& e : dbase.enums()) {
    Enum en;
    en.name = std::string(e.name());
    en.db_name = std::string(e.database_name());
    en.schema = e.schema;
    en.documentation = doc_of(e.ast->documentation);
    for (const auto& v : e.values) {
      if (kPythonKeywords.count(std::string(v.name())))
        throw GeneratorError("Enum value \"" + std::string(v.name()) + "\" of enum " + en.name +
                             " shadows a Python keyword.");
      en.values.push_back(EnumValue{std::string(v.name()), std::string(v.database_name())});
    }
    view.enums.push_back(std::move(en));
  }
  return view;
}

}  // namespace prismapp::generators::python
