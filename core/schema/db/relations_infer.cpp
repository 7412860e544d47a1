// Relation inference (Prisma parser-database relations.rs): every relation field is paired with
// its opposite field (same model pair, same relation name) and each relation is stored once, in
// the order its first ingested field appears (models, then fields, in declaration order).
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "core/schema/db/builder.hpp"
#include "core/schema/db/relations_resolve.hpp"

namespace prismapp::schema::db {

std::string generated_relation_name(std::string_view model_a, std::string_view model_b) {
  if (model_a < model_b) return std::string(model_a) + "To" + std::string(model_b);
  return std::string(model_b) + "To" + std::string(model_a);
}

namespace {

using ast::FieldArity;

// (model holding the field, referenced model, explicit name or "", named?) → fields in
// declaration order. Finding the opposite field is one lookup instead of a scan over the
// referenced model's fields, which keeps hub models with many relations linear.
using PairingKey = std::tuple<std::uint32_t, std::uint32_t, bool, std::string>;

PairingKey pairing_key(const RelationField& field) {
  return {field.model.value, field.referenced_model.value, field.relation_name.has_value(),
          std::string(field.explicit_name())};
}

class RelationInference {
 public:
  explicit RelationInference(const ParserDatabase& db) : db_(db) {
    for (std::uint32_t i = 0; i < db.relation_fields().size(); ++i) {
      const RelationField& field = db.relation_fields()[i];
      by_pairing_key_[pairing_key(field)].push_back(RelationFieldId{i});
    }
  }

  std::vector<Relation> run() {
    for (const ModelInfo& model : db_.models())
      for (RelationFieldId id : model.relation_fields) ingest(id);
    return std::move(relations_);
  }

 private:
  // The first field on the referenced model pointing back at this model with the same name
  // (not the field itself, for self relations).
  std::optional<RelationFieldId> opposite_of(RelationFieldId id) const {
    const RelationField& field = db_.relation_field(id);
    PairingKey key{field.referenced_model.value, field.model.value, field.relation_name.has_value(),
                   std::string(field.explicit_name())};
    auto it = by_pairing_key_.find(key);
    if (it == by_pairing_key_.end()) return std::nullopt;
    for (RelationFieldId candidate : it->second)
      if (candidate != id) return candidate;
    return std::nullopt;
  }

  // Whether `fields` are exactly the fields of one unique index of the model (same order).
  bool fields_form_unique_index(ModelId model, const std::vector<ScalarFieldId>& fields) const {
    for (const IndexAttribute& index : db_.model(model).keys.indexes) {
      if (!index.is_unique() || index.fields.size() != fields.size()) continue;
      bool same = true;
      for (std::size_t i = 0; i < fields.size() && same; ++i)
        same = index.fields[i].path.empty() && index.fields[i].field == fields[i];
      if (same) return true;
    }
    return false;
  }

  // [model name, field name] of a field: the tie-breaker between two symmetric sides.
  std::pair<std::string_view, std::string_view> sort_key(const RelationField& field) const {
    return {db_.model(field.model).name(), field.name()};
  }

  void push(Relation::Kind kind, const RelationField& field, std::optional<RelationFieldId> a,
            std::optional<RelationFieldId> b) {
    Relation relation;
    relation.kind = kind;
    relation.name = field.relation_name;
    relation.model_a = field.model;
    relation.model_b = field.referenced_model;
    relation.field_a = a;
    relation.field_b = b;
    relations_.push_back(std::move(relation));
  }

  void ingest(RelationFieldId id) {
    const RelationField& field = db_.relation_field(id);
    const std::optional<RelationFieldId> opposite_id = opposite_of(id);
    const RelationField* opposite = opposite_id ? &db_.relation_field(*opposite_id) : nullptr;
    const bool self_relation = field.model == field.referenced_model;

    if (opposite) {
      const FieldArity mine = field.arity();
      const FieldArity theirs = opposite->arity();
      if (mine == FieldArity::List && theirs == FieldArity::List) {
        // m:n, met from both sides: ingest it from model A (lexicographic model order, field
        // order for self relations).
        if (db_.model(field.model).name() > db_.model(field.referenced_model).name()) return;
        if (self_relation && field.name() > opposite->name()) return;
        const bool embedded = field.fields.has_value() || opposite->fields.has_value();
        push(embedded ? Relation::Kind::TwoWayEmbeddedManyToMany : Relation::Kind::ImplicitManyToMany, field, id,
             opposite_id);
        return;
      }
      if (mine == FieldArity::Required && theirs == FieldArity::Optional) {
        push(Relation::Kind::OneToOne, field, id, opposite_id);  // the required side is forward
        return;
      }
      if (mine == FieldArity::Required && theirs == FieldArity::Required) {
        // Rejected later; pick one side deterministically.
        if (sort_key(field) > sort_key(*opposite)) return;
        push(Relation::Kind::OneToOne, field, id, opposite_id);
        return;
      }
      if (mine == FieldArity::Optional && theirs == FieldArity::Required) return;  // virtual side
      if (mine == FieldArity::Optional && theirs == FieldArity::Optional) {
        // Both optional: the side with `fields:` is forward, else the first in name order.
        if (field.fields) {
          push(Relation::Kind::OneToOne, field, id, opposite_id);
        } else if (!opposite->fields) {
          if (sort_key(field) > sort_key(*opposite)) return;
          push(Relation::Kind::OneToOne, field, id, opposite_id);
        }
        return;
      }
      if (mine == FieldArity::List) return;  // 1:n met from the list side: ingested from the other
      push(Relation::Kind::OneToMany, field, id, opposite_id);
      return;
    }

    if (field.arity() == FieldArity::List) {
      // 1:n declared on the list side only: the missing singular side would be model A.
      Relation relation;
      relation.kind = Relation::Kind::OneToMany;
      relation.name = field.relation_name;
      relation.model_a = field.referenced_model;
      relation.model_b = field.model;
      relation.field_b = id;
      relations_.push_back(std::move(relation));
      return;
    }
    // Singular side only: unique `fields:` make it 1:1, anything else 1:n.
    const bool one_to_one = field.fields && fields_form_unique_index(field.model, *field.fields);
    push(one_to_one ? Relation::Kind::OneToOne : Relation::Kind::OneToMany, field, id, std::nullopt);
  }

  const ParserDatabase& db_;
  std::map<PairingKey, std::vector<RelationFieldId>> by_pairing_key_;
  std::vector<Relation> relations_;
};

}  // namespace

std::vector<Relation> compute_relations(const ParserDatabase& db) { return RelationInference(db).run(); }

void infer_relations(ParserDatabase::Builder& builder) { builder.relations() = compute_relations(builder.db); }

}  // namespace prismapp::schema::db
