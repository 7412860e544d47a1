// Cascading referential actions on SQL Server (and with relationMode "prisma"): cycles and
// multiple cascade paths (psl-core validations/relations.rs `cycles`, `multiple_cascading_paths`
// and visited_relation.rs). Walks the graph of complete inline relations from referencing to
// referenced model.
#include <map>
#include <memory>
#include <set>

#include "core/schema/validate/relation_checks.hpp"

namespace prismapp::schema::validate::relation_checks {
namespace {

// A path of relations, shared between branches (Prisma's VisitedRelation linked list).
struct VisitedPath {
  db::RelationId relation;
  std::shared_ptr<const VisitedPath> previous;
};
using PathPtr = std::shared_ptr<const VisitedPath>;

PathPtr link(PathPtr previous, db::RelationId relation) {
  return std::make_shared<const VisitedPath>(VisitedPath{relation, std::move(previous)});
}

// Relations of a path from the first to the last.
std::vector<db::RelationId> in_order(const PathPtr& path) {
  std::vector<db::RelationId> out;
  for (const VisitedPath* p = path.get(); p; p = p->previous.get()) out.push_back(p->relation);
  return {out.rbegin(), out.rend()};
}

const db::RelationField& forward_of(const ValidationContext& ctx, db::RelationId id) {
  return ctx.db.relation_field(*ctx.db.relation(id).field_a);
}

bool relation_triggers_modification(const ValidationContext& ctx, db::RelationId id) {
  const db::RelationField& forward = forward_of(ctx, id);
  return triggers_modification(effective_on_delete(ctx, forward)) || triggers_modification(effective_on_update(forward));
}

// "A.b → B.c → C.a" (Prisma's VisitedRelation Display).
std::string describe_path(const ValidationContext& ctx, const PathPtr& path) {
  std::string out;
  bool first = true;
  for (db::RelationId id : in_order(path)) {
    const db::RelationField& forward = forward_of(ctx, id);
    if (!first) out += " → ";
    out += std::string(model_name(ctx.db, forward.model)) + "." + std::string(forward.name());
    first = false;
  }
  return out;
}

// The message plus the implicit defaults that made the relation cascade, and the docs link.
void push_cascade_error(ValidationContext& ctx, db::RelationId id, const std::string& message) {
  const db::RelationField& forward = forward_of(ctx, id);
  const db::ReferentialAction on_delete = effective_on_delete(ctx, forward);
  const db::ReferentialAction on_update = effective_on_update(forward);
  const bool implicit_delete = !forward.on_delete && triggers_modification(on_delete);
  const bool implicit_update = !forward.on_update && triggers_modification(on_update);
  std::string full = message;
  const auto name = [](db::ReferentialAction a) { return std::string(connector::referential_action_name(a)); };
  if (implicit_delete && implicit_update)
    full += " (Implicit default `onDelete`: `" + name(on_delete) + "`, and `onUpdate`: `" + name(on_update) + "`)";
  else if (implicit_delete)
    full += " (Implicit default `onDelete`: `" + name(on_delete) + "`)";
  else if (implicit_update)
    full += " (Implicit default `onUpdate`: `" + name(on_update) + "`)";
  full += " Read more at https://pris.ly/d/cyclic-referential-actions";
  ctx.diagnostics.validation_error(full, forward.ast->span);
}

}  // namespace

CascadeGraph CascadeGraph::build(const db::ParserDatabase& db) {
  CascadeGraph graph;
  graph.from_model.resize(db.models().size());
  for (std::uint32_t i = 0; i < db.relations().size(); ++i) {
    const db::Relation& relation = db.relations()[i];
    if (relation.is_inline() && relation.is_complete())
      graph.from_model[relation.model_a.value].push_back(db::RelationId{i});
  }
  return graph;
}

void validate_cascade_cycles(ValidationContext& ctx, const CascadeGraph& graph, db::RelationId start) {
  const bool uses_foreign_keys = !ctx.datasource || ctx.relation_mode == connector::RelationMode::ForeignKeys;
  if (!ctx.has_capability(connector::Capability::ReferenceCycleDetection) && uses_foreign_keys) return;

  const db::ModelId parent_model = ctx.db.relation(start).model_a;
  std::vector<bool> visited(ctx.db.relations().size(), false);  // by relation id
  std::vector<std::pair<db::RelationId, PathPtr>> stack{{start, link(nullptr, start)}};
  while (!stack.empty()) {
    auto [id, path] = stack.back();
    stack.pop_back();
    visited[id.value] = true;
    const db::Relation& relation = ctx.db.relation(id);
    if (!relation_triggers_modification(ctx, id)) continue;
    if (relation.model_a == relation.model_b) {
      push_cascade_error(ctx, start,
                         "A self-relation must have `onDelete` and `onUpdate` referential actions set to `NoAction` "
                         "in one of the @relation attributes.");
      return;
    }
    if (relation.model_b == parent_model) {
      push_cascade_error(ctx, start,
                         "Reference causes a cycle. One of the @relation attributes in this cycle must have "
                         "`onDelete` and `onUpdate` referential actions set to `NoAction`. Cycle path: " +
                             describe_path(ctx, path) + ".");
      return;
    }
    for (db::RelationId next : graph.from_model[relation.model_b.value])
      if (!visited[next.value]) stack.emplace_back(next, link(path, next));
  }
}

void validate_multiple_cascade_paths(ValidationContext& ctx, const CascadeGraph& graph, db::RelationId start) {
  if (!ctx.has_capability(connector::Capability::ReferenceCycleDetection) ||
      ctx.relation_mode == connector::RelationMode::Prisma)
    return;
  if (!relation_triggers_modification(ctx, start)) return;
  const db::ModelId parent_model = ctx.db.relation(start).model_a;

  // Depth-first over cascading relations; `on_path` holds the relations of the current path
  // (added on the way down, removed on the way back) so no branch copies it. A path ends where
  // nothing cascades further; self relations and cycles back to the parent are reported elsewhere.
  std::vector<PathPtr> paths;
  std::vector<bool> on_path(ctx.db.relations().size(), false);  // by relation id
  const auto explore = [&](const auto& self, db::RelationId id, const PathPtr& path) -> void {
    const db::Relation& relation = ctx.db.relation(id);
    on_path[id.value] = true;
    if (relation.model_a != relation.model_b && relation.model_b != parent_model) {
      bool extended = false;
      for (db::RelationId next : graph.from_model[relation.model_b.value]) {
        if (!relation_triggers_modification(ctx, next) || on_path[next.value]) continue;
        extended = true;
        self(self, next, link(path, next));
      }
      if (!extended) paths.push_back(link(path, id));
    }
    on_path[id.value] = false;
  };
  for (db::RelationId id : graph.from_model[parent_model.value])
    if (relation_triggers_modification(ctx, id)) explore(explore, id, link(nullptr, id));

  // Per first relation field of a path: the models reachable through it.
  std::map<std::string_view, std::set<std::string_view>> seen;
  for (const PathPtr& path : paths) {
    const std::vector<db::RelationId> relations = in_order(path);
    if (relations.empty()) continue;
    auto& models = seen[forward_of(ctx, relations.front()).name()];
    for (db::RelationId id : relations) models.insert(model_name(ctx.db, ctx.db.relation(id).model_b));
  }
  std::set<std::string_view> reachable;
  auto from_parent = seen.find(forward_of(ctx, start).name());
  if (from_parent != seen.end()) {
    const std::set<std::string_view> mine = from_parent->second;
    seen.erase(from_parent);
    for (const auto& [field, models] : seen)
      for (std::string_view m : models)
        if (mine.count(m)) reachable.insert(m);
  }
  if (reachable.empty()) return;
  std::string models;
  for (std::string_view m : reachable) {
    if (!models.empty()) models += ", ";
    models += "`" + std::string(m) + "`";
  }
  const std::string parent(model_name(ctx.db, parent_model));
  push_cascade_error(ctx, start,
                     (reachable.size() == 1 ? "When any of the records in model " + models + " is updated or deleted"
                                            : "When any of the records in models " + models + " are updated or deleted") +
                         ", the referential actions on the relations cascade to model `" + parent +
                         "` through multiple paths. Please break one of these paths by setting the `onUpdate` and "
                         "`onDelete` to `NoAction`.");
}

}  // namespace prismapp::schema::validate::relation_checks
