// Names pass (Prisma's parser-database names.rs): registers models, views, enums and composite
// types in one namespace, generators and datasources in their own, and reports duplicates,
// reserved names, invalid identifiers and duplicate config keys.
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <variant>

#include "core/schema/db/resolve_passes.hpp"

namespace prismapp::schema::db {
namespace {

const char* top_type_word(const ast::Top& top) {
  if (const auto* m = std::get_if<ast::Model>(&top)) return m->is_view ? "view" : "model";
  if (std::holds_alternative<ast::Enum>(top)) return "enum";
  if (std::holds_alternative<ast::CompositeType>(top)) return "composite type";
  if (std::holds_alternative<ast::SourceConfig>(top)) return "datasource";
  return "generator";
}

const ast::Identifier& top_identifier(const ast::Top& top) {
  return std::visit([](const auto& t) -> const ast::Identifier& { return t.name; }, top);
}

void validate_identifier(const ast::Identifier& ident, std::string_view item, Diagnostics& d) {
  if (ident.name.empty()) {
    d.validation_error("The name of a " + std::string(item) + " must not be empty.", ident.span);
  } else if (std::isdigit(static_cast<unsigned char>(ident.name.front()))) {
    d.validation_error("The name of a " + std::string(item) + " must not start with a number.", ident.span);
  } else if (ident.name.find('-') != std::string::npos) {
    d.validation_error("The character `-` is not allowed in " + std::string(item) + " names.", ident.span);
  }
}

void validate_attribute_identifiers(const std::vector<ast::Attribute>& attributes, Diagnostics& d) {
  for (const auto& attribute : attributes) validate_identifier(attribute.name, "Attribute", d);
}

}  // namespace

// Names the generated client reserves (parser-database reserved_model_names.rs, kept in sync
// with prisma-client-js): PrismaClient and the JavaScript keywords. Declared in database.hpp
// because introspection renames such tables with the same list.
bool is_reserved_type_name(std::string_view name) {
  static const std::set<std::string_view> kReserved = {
      "PrismaClient", "async",  "await",   "break",     "case",       "catch",   "class",    "const",
      "continue",     "debugger", "default", "delete",  "do",         "else",    "enum",     "export",
      "extends",      "false",  "finally", "for",       "function",   "if",      "implements", "import",
      "in",           "instanceof", "interface", "let", "new",        "null",    "package",  "private",
      "protected",    "public", "return",  "super",     "switch",     "this",    "throw",    "true",
      "try",          "typeof", "using",   "var",       "void",       "while",   "with",     "yield"};
  return kReserved.count(name) > 0;
}

namespace {

// Prisma always says `Error validating model "X"`, even for views (only the message says "view").
void validate_model_name(const ast::Model& model, std::string_view kind, Diagnostics& d) {
  if (!is_reserved_type_name(model.name.name)) return;
  d.model_validation_error(model.name.name,
                           "The " + std::string(kind) + " name `" + model.name.name +
                               "` is invalid. It is a reserved name. Please change it. Read more at "
                               "https://pris.ly/d/naming-models",
                           model.span);
}

void validate_enum_name(const ast::Enum& e, Diagnostics& d) {
  if (!is_reserved_type_name(e.name.name)) return;
  d.error("Error validating enum `" + e.name.name + "`: The enum name `" + e.name.name +
              "` is invalid. It is a reserved name. Please change it. Read more at "
              "https://www.prisma.io/docs/reference/tools-and-interfaces/prisma-schema/data-model#naming-enums",
          e.span);
}

void check_duplicate_properties(const ast::Top& top, const std::vector<ast::ConfigBlockProperty>& properties,
                                Diagnostics& d) {
  std::set<std::string_view> seen;
  for (const auto& property : properties) {
    if (seen.insert(property.name.name).second) continue;
    d.error("Key \"" + property.name.name + "\" is already defined in " + top_type_word(top) + " \"" +
                top_identifier(top).name + "\".",
            property.name.span);
  }
}

}  // namespace

void resolve_names(ParserDatabase::Builder& b) {
  Diagnostics& d = b.diagnostics;
  ParserDatabase& db = b.db;
  // name → the top that registered it first (per namespace), for the duplicate message. Lookups
  // (db.tops_) keep the last declaration, like Prisma's HashMap::insert: with `model A` and
  // `enum A`, a field of type `A` is an enum field.
  std::map<std::string, const ast::Top*, std::less<>> tops, generators, datasources;

  for (const auto& schema_ast : b.asts) {
    for (const ast::Top& top : schema_ast.tops) {
      const ast::Identifier& ident = top_identifier(top);
      if (connector::parse_scalar_type(ident.name))
        d.error("\"" + ident.name + "\" is a reserved scalar type name and cannot be used.", ident.span);

      auto* ns = &tops;
      if (const auto* e = std::get_if<ast::Enum>(&top)) {
        validate_identifier(e->name, "Enum", d);
        validate_enum_name(*e, d);
        validate_attribute_identifiers(e->attributes, d);
        std::set<std::string_view> values;
        EnumInfo info;
        info.ast = e;
        info.file = schema_ast.file;
        for (const auto& value : e->values) {
          validate_identifier(value.name, "Enum Value", d);
          validate_attribute_identifiers(value.attributes, d);
          if (!values.insert(value.name.name).second)
            d.error("Value \"" + value.name.name + "\" is already defined on enum \"" + e->name.name + "\".",
                    value.span);
          info.values.push_back(EnumValueInfo{&value, std::nullopt});
        }
        db.tops_.insert_or_assign(ident.name, TopRef{TopRef::Kind::Enum, static_cast<std::uint32_t>(db.enums_.size())});
        db.enums_.push_back(std::move(info));
      } else if (const auto* m = std::get_if<ast::Model>(&top)) {
        const bool view = m->is_view;
        validate_identifier(m->name, view ? "view" : "Model", d);
        validate_model_name(*m, view ? "view" : "model", d);
        validate_attribute_identifiers(m->attributes, d);
        std::map<std::string, ParserDatabase::FieldRef, std::less<>> fields;
        for (const auto& field : m->fields) {
          validate_identifier(field.name, view ? "field" : "Field", d);
          validate_attribute_identifiers(field.attributes, d);
          if (!fields.emplace(field.name.name, ParserDatabase::FieldRef{}).second)
            d.error("Field \"" + field.name.name + "\" is already defined on " + (view ? "view" : "model") + " \"" +
                        m->name.name + "\".",
                    field.name.span);
        }
        ModelInfo info;
        info.ast = m;
        info.file = schema_ast.file;
        db.tops_.insert_or_assign(ident.name, TopRef{TopRef::Kind::Model, static_cast<std::uint32_t>(db.models_.size())});
        db.models_.push_back(std::move(info));
        db.model_fields_.push_back(std::move(fields));
        db.model_field_refs_.emplace_back(m->fields.size());
      } else if (const auto* ct = std::get_if<ast::CompositeType>(&top)) {
        validate_identifier(ct->name, "Composite type", d);
        std::map<std::string, std::size_t, std::less<>> fields;
        for (std::size_t i = 0; i < ct->fields.size(); ++i) {
          const auto& field = ct->fields[i];
          if (!fields.emplace(field.name.name, i).second)
            d.error("Field \"" + field.name.name + "\" is already defined on composite type \"" + ct->name.name +
                        "\".",
                    field.name.span);
        }
        CompositeTypeInfo info;
        info.ast = ct;
        info.file = schema_ast.file;
        db.tops_.insert_or_assign(ident.name, TopRef{TopRef::Kind::CompositeType,
                                              static_cast<std::uint32_t>(db.composite_types_.size())});
        db.composite_types_.push_back(std::move(info));
        db.composite_type_fields_.push_back(std::move(fields));
      } else if (const auto* ds = std::get_if<ast::SourceConfig>(&top)) {
        check_duplicate_properties(top, ds->properties, d);
        db.datasource_names_.push_back(ds->name.name);
        ns = &datasources;
      } else if (const auto* gen = std::get_if<ast::GeneratorConfig>(&top)) {
        check_duplicate_properties(top, gen->properties, d);
        ns = &generators;
      }

      auto [it, inserted] = ns->emplace(ident.name, &top);
      if (!inserted) {
        d.error(std::string("The ") + top_type_word(top) + " \"" + ident.name +
                    "\" cannot be defined because a " + top_type_word(*it->second) + " with that name already exists.",
                ident.span);
      }
    }
  }
}

}  // namespace prismapp::schema::db
