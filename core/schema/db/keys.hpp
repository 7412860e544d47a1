// Primary keys, unique constraints, indexes and fulltext indexes of one model
// (@id/@@id, @unique/@@unique, @@index, @@fulltext). Filled by the keys resolution pass.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/schema/ast.hpp"
#include "core/schema/connector/index_algorithm.hpp"
#include "core/schema/db/ids.hpp"

namespace prismapp::schema::db {

enum class SortOrder { Asc, Desc };

using connector::IndexAlgorithm;

// `ops: InetOps` (a known class) or `ops: raw("...")`.
struct OperatorClass {
  std::optional<connector::OperatorClass> known;
  std::optional<std::string> raw;
};

// One field of an index, possibly a path into composite types (MongoDB: `a.b.c`).
struct IndexFieldPath {
  ScalarFieldId field;                   // the model's field
  // MongoDB `a.b.c`: the composite type fields after `field`, as (type, index into
  // CompositeTypeInfo::fields). Empty for plain fields (always on SQL connectors).
  std::vector<std::pair<CompositeTypeId, std::size_t>> path;
  std::optional<SortOrder> sort_order;   // as written
  std::optional<std::uint32_t> length;   // MySQL prefix length
  std::optional<OperatorClass> operator_class;
};

struct IndexAttribute {
  enum class Kind { Unique, Normal, Fulltext } kind = Kind::Normal;
  std::vector<IndexFieldPath> fields;
  std::optional<ScalarFieldId> source_field;  // set for field-level @unique
  std::optional<std::string> name;            // `name:` (client name; @@unique only)
  std::optional<std::string> mapped_name;     // `map:` (constraint name)
  std::optional<IndexAlgorithm> algorithm;    // `type:`
  std::optional<bool> clustered;
  const ast::Attribute* attribute = nullptr;

  bool is_unique() const { return kind == Kind::Unique; }
  bool is_normal() const { return kind == Kind::Normal; }
  bool is_fulltext() const { return kind == Kind::Fulltext; }
  bool is_defined_on_field() const { return source_field.has_value(); }
  // How messages name the attribute: "@unique", "@@unique", "@@index", "@@fulltext".
  std::string_view attribute_name() const {
    if (source_field) return "@unique";
    switch (kind) {
      case Kind::Unique: return "@@unique";
      case Kind::Fulltext: return "@@fulltext";
      case Kind::Normal: break;
    }
    return "@@index";
  }
};

struct PrimaryKey {
  std::vector<IndexFieldPath> fields;
  std::optional<ScalarFieldId> source_field;  // set for field-level @id
  std::optional<std::string> name;            // `name:` (client name)
  std::optional<std::string> mapped_name;     // `map:` (constraint name)
  std::optional<bool> clustered;
  const ast::Attribute* attribute = nullptr;

  bool is_defined_on_field() const { return source_field.has_value(); }
  std::string_view attribute_name() const { return source_field ? "@id" : "@@id"; }
};

// `@shardKey` / `@@shardKey([...])` (preview feature `shardKeys`, MySQL only): plain fields, no
// arguments per field.
struct ShardKey {
  std::vector<ScalarFieldId> fields;
  std::optional<ScalarFieldId> source_field;  // set for field-level @shardKey
  const ast::Attribute* attribute = nullptr;

  std::string_view attribute_name() const { return source_field ? "@shardKey" : "@@shardKey"; }
};

// The keys of one model, in Prisma's resolution order (field-level @unique first, then @@index,
// then @@unique, then @@fulltext — the order SQL migrations create them in).
struct ModelKeys {
  std::optional<PrimaryKey> primary_key;
  std::vector<IndexAttribute> indexes;
  std::optional<ShardKey> shard_key;
};

}  // namespace prismapp::schema::db
