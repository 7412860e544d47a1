// The views part of the introspection context (introspection_map.rs match_existing_views and
// the view columns of match_existing_scalar_fields; context.rs view_prisma_name): a database
// view matches the previous schema's `view` block with the same database name and namespace,
// its columns the fields with the same database names. Matched views and fields keep their
// Prisma names; new ones are named like models and fields.
#include <algorithm>

#include "core/introspect/context.hpp"
#include "core/introspect/names.hpp"

namespace prismapp::introspect {

void Context::match_views() {
  const std::size_t count = sql.views.size();
  is_rendered_view.assign(count, false);
  existing_view.assign(count, std::nullopt);
  existing_view_field.assign(count, {});
  for (std::size_t v = 0; v < count; ++v) {
    // Prisma renders only views it could read columns for.
    is_rendered_view[v] = views_enabled && !sql.views[v].columns.empty();
    existing_view_field[v].assign(sql.views[v].columns.size(), std::nullopt);
  }
  if (!prev) return;

  for (std::size_t m = 0; m < prev->models().size(); ++m) {
    const db::ModelInfo& model = prev->models()[m];
    if (!model.is_view()) continue;
    std::optional<std::size_t> found;
    for (std::size_t v = 0; v < count && !found; ++v) {
      const sql::View& view = sql.views[v];
      if (view.name != model.database_name()) continue;
      const std::string& ns = sql.namespaces[view.ns.value].name;
      if (model.schema ? *model.schema == ns : view.ns.value == 0) found = v;
    }
    if (!found) {
      missing_views.push_back(db::ModelId{static_cast<std::uint32_t>(m)});
      continue;
    }
    existing_view[*found] = db::ModelId{static_cast<std::uint32_t>(m)};
    const auto& columns = sql.views[*found].columns;
    for (std::size_t c = 0; c < columns.size(); ++c)
      for (db::ScalarFieldId f : model.scalar_fields)
        if (prev->scalar_field(f).database_name() == columns[c].name) {
          existing_view_field[*found][c] = f;
          break;
        }
  }
}

void Context::compute_view_names() {
  view_names.resize(sql.views.size());
  view_column_names.resize(sql.views.size());
  for (std::size_t v = 0; v < sql.views.size(); ++v) {
    const sql::View& view = sql.views[v];
    if (const db::ModelInfo* m = previous_view(v)) {
      view_names[v] = MappedName{std::string(m->name()), m->mapped_name, true, false};
    } else {
      const std::string& ns = sql.namespaces[view.ns.value].name;
      view_names[v] = model_name_from_sql(*this, view.name, uses_namespaces ? &ns : nullptr);
    }
    auto& names = view_column_names[v];
    names.resize(view.columns.size());
    for (std::size_t c = 0; c < view.columns.size(); ++c) {
      if (const db::ScalarField* f = previous_view_field(v, c)) {
        names[c] = MappedName{std::string(f->name()), f->mapped_name, true, false};
      } else {
        const std::string& name = view.columns[c].name;
        names[c] = needs_sanitation(name) ? MappedName{sanitize(name), name, false, false} : MappedName{name, {}, false, false};
      }
    }
  }
}

const db::ModelInfo* Context::previous_view(std::size_t view) const {
  const auto& m = existing_view.at(view);
  return m ? &prev->model(*m) : nullptr;
}

const db::ScalarField* Context::previous_view_field(std::size_t view, std::size_t column) const {
  const auto& f = existing_view_field.at(view).at(column);
  return f ? &prev->scalar_field(*f) : nullptr;
}

bool Context::is_missing_model(db::ModelId id) const {
  return std::find(missing_models.begin(), missing_models.end(), id) != missing_models.end() ||
         std::find(missing_views.begin(), missing_views.end(), id) != missing_views.end();
}

}  // namespace prismapp::introspect
