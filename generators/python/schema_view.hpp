// A flat, generator-friendly view of the validated schema: the models, fields and enums the Python
// client exposes, with every fact the renderers need precomputed once (relation back fields,
// implicit many-to-many join tables, unique criteria, defaults in the `_schema.py` format).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/schema/schema.hpp"
#include "generators/python/python_generator.hpp"

namespace prismapp::generators::python {

enum class FieldKind { Scalar, Enum, Relation, Unsupported };

struct JoinTable {
  std::string table;
  std::optional<std::string> schema;
  std::string self_column;   // "A" | "B": the column holding this field's model's id
  std::string other_column;
};

struct Field {
  std::string name;
  std::string db_name;
  FieldKind kind = FieldKind::Scalar;
  std::string type;  // scalar type name ("String"...), enum name, related model name, "Unsupported"
  bool is_list = false;
  bool is_optional = false;  // `?`
  bool has_default = false;
  bool is_updated_at = false;
  bool is_id = false;         // single-field primary key
  bool is_unique = false;     // single-field unique criterion (not the id)
  bool is_read_only = false;  // a foreign key scalar (written through its relation)
  nlohmann::ordered_json default_value;  // `_schema.py` format, null when none
  std::optional<std::pair<std::string, std::vector<std::string>>> native_type;
  std::optional<std::string> documentation;
  // Relations only:
  std::string relation_name;
  std::vector<std::string> relation_fields;      // local scalar fields (the FK side)
  std::vector<std::string> relation_references;  // referenced fields on the other model
  std::optional<std::string> back_field;
  std::optional<JoinTable> join_table;

  bool is_relation() const { return kind == FieldKind::Relation; }
  bool is_scalar_like() const { return kind == FieldKind::Scalar || kind == FieldKind::Enum; }
  // Upstream's required_on_create: required, no default, not @updatedAt, not a relation/list.
  bool required_on_create() const {
    return !is_optional && !is_list && !has_default && !is_updated_at && is_scalar_like();
  }
  bool is_number() const {
    return kind == FieldKind::Scalar && (type == "Int" || type == "BigInt" || type == "Float" || type == "Decimal");
  }
};

struct CompoundKey {
  std::string name;                 // where-unique key: explicit `name:` or fields joined by '_'
  std::vector<std::string> fields;
  bool is_primary = false;
};

struct Model {
  std::string name;
  std::string db_name;
  std::optional<std::string> schema;
  std::string instance_name;  // client attribute: lower-cased name or @Python(instance_name: ...)
  std::optional<std::string> documentation;
  std::vector<Field> fields;  // schema order; Unsupported fields included (the client skips them)
  std::vector<std::string> id;
  std::vector<CompoundKey> compound_keys;
  std::vector<std::vector<std::string>> unique;  // id first

  // The fields the client exposes (everything but Unsupported).
  std::vector<const Field*> client_fields() const;
  std::vector<const Field*> scalar_fields() const;  // scalars and enums
  std::vector<const Field*> relation_fields() const;
};

struct EnumValue {
  std::string name;
  std::string db_name;
};

struct Enum {
  std::string name;
  std::string db_name;
  std::optional<std::string> schema;
  std::optional<std::string> documentation;
  std::vector<EnumValue> values;
};

struct Datasource {
  std::string name;
  std::string provider;  // the active provider: "sqlite" | "postgresql" | "mysql" | ...
  std::optional<std::string> url;
  std::optional<std::string> url_env;
};

struct SchemaView {
  Datasource datasource;
  std::vector<Model> models;
  std::vector<Enum> enums;
  std::vector<std::string> preview_features;
};

// Builds the view and rejects what the Python client cannot represent, with upstream's rules:
// field names that are Python keywords, pydantic attributes, query-builder aliases or `prisma`;
// model names that are keywords; Decimal fields without enable_experimental_decimal; composite
// types. Throws GeneratorError.
SchemaView build_schema_view(const schema::ValidationResult& schema, const GeneratorOptions& options);

}  // namespace prismapp::generators::python
