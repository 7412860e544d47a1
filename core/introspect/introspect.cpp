// db pull's driver (rendering.rs): configuration blocks from the current schema, then models,
// then views (views preview feature), then enums — previous schema's order first, new ones in
// database order — through the formatter.
#include "core/introspect/introspect.hpp"

#include <algorithm>

#include "core/introspect/context.hpp"
#include "core/introspect/datasource_extensions.hpp"
#include "core/introspect/render.hpp"
#include "core/introspect/sql_format.hpp"
#include "core/introspect/warnings.hpp"

namespace prismapp::introspect {
namespace {

// Generators first, then the datasource, as Prisma's Datamodel::render writes them, copied from
// the current schema.
// (postgresqlExtensions: the datasource's `extensions` from the database, datasource_extensions.hpp.)
std::string configuration_blocks(const schema::ValidationResult& previous, const sql::SqlSchema& described) {
  std::string out;
  const auto& sources = previous.parsed.sources;
  for (const auto& g : previous.configuration.generators) {
    if (g.documentation) out += render_documentation(*g.documentation, "");
    out += std::string(sources.slice(g.span)) + "\n\n";
  }
  if (const auto* ds = previous.configuration.first_datasource()) {
    if (ds->documentation) out += render_documentation(*ds->documentation, "");
    out += with_introspected_extensions(std::string(sources.slice(ds->span)), *ds, previous, described) + "\n\n";
  }
  return out;
}

bool enum_used_in_tables(const sql::SqlSchema& s, std::size_t enum_index) {
  return std::any_of(s.columns.begin(), s.columns.end(), [&](const sql::Column& c) {
    return c.type.family == sql::ColumnTypeFamily::Enum && c.type.enum_id.value == enum_index;
  });
}

template <typename T>
void sort_previous_first(std::vector<std::pair<std::optional<std::uint32_t>, T>>& items) {
  std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
    if (a.first && b.first) return *a.first < *b.first;
    return a.first.has_value() && !b.first.has_value();
  });
}

}  // namespace

IntrospectionResult introspect(const IntrospectionInput& input) {
  std::vector<std::string> excluded = input.ignored_tables;
  excluded.push_back("_prisma_migrations");
  const sql::SqlSchema schema = without_tables(*input.schema, excluded);
  const Context ctx(schema, *input.hooks, input.facts, input.previous);
  Warnings warnings;
  IntrospectionResult result;

  std::vector<std::pair<std::optional<std::uint32_t>, std::string>> models;
  for (std::size_t t = 0; t < schema.tables.size(); ++t) {
    if (!ctx.is_model[t]) continue;
    const sql::TableId id{static_cast<std::uint32_t>(t)};
    std::optional<std::uint32_t> position;
    if (ctx.existing_model[t]) position = ctx.existing_model[t]->value;
    models.emplace_back(position, render_model(ctx, id, warnings));
  }
  sort_previous_first(models);
  result.model_count = models.size();

  std::vector<std::pair<std::optional<std::uint32_t>, std::string>> enums;
  std::vector<std::uint32_t> rendered_previous;
  for (std::size_t e = 0; e < schema.enums.size(); ++e) {
    // MySQL's per-column enums of views only appear with the views they belong to.
    if (input.hooks->enums_are_per_column() && !ctx.views_enabled && !enum_used_in_tables(schema, e)) continue;
    std::optional<std::uint32_t> position;
    if (ctx.existing_enum[e]) position = ctx.existing_enum[e]->value;
    // MySQL: several per-column database enums can match the same Prisma enum; render it once.
    if (position && std::find(rendered_previous.begin(), rendered_previous.end(), *position) != rendered_previous.end())
      continue;
    if (position) rendered_previous.push_back(*position);
    enums.emplace_back(position, render_enum(ctx, sql::EnumId{static_cast<std::uint32_t>(e)}, warnings));
  }
  if (input.hooks->keeps_previous_enums() && ctx.prev) {
    for (std::size_t e = 0; e < ctx.prev->enums().size(); ++e) {
      const auto position = static_cast<std::uint32_t>(e);
      if (std::find(rendered_previous.begin(), rendered_previous.end(), position) != rendered_previous.end()) continue;
      enums.emplace_back(position, render_previous_enum(ctx, db::EnumId{position}));
    }
  }
  sort_previous_first(enums);
  result.enum_count = enums.size();

  std::vector<std::pair<std::optional<std::uint32_t>, std::string>> views;
  if (ctx.views_enabled) {
    result.views.emplace();
    for (std::size_t v = 0; v < schema.views.size(); ++v) {
      if (!ctx.is_rendered_view[v]) continue;
      const sql::View& view = schema.views[v];
      if (view.definition) {
        ViewDefinition def;
        def.schema = ctx.uses_namespaces ? schema.namespaces[view.ns.value].name : input.search_path;
        def.name = ctx.view_names[v].name;
        def.definition = format_sql(input.hooks->view_query(*view.definition));
        result.views->push_back(std::move(def));
      }
      std::optional<std::uint32_t> position;
      if (ctx.existing_view[v]) position = ctx.existing_view[v]->value;
      views.emplace_back(position, render_view(ctx, v, warnings));
    }
    sort_previous_first(views);
  }
  result.view_count = views.size();

  // The datamodel renderer's order: models, views, enums.
  std::string text;
  if (input.previous) text += configuration_blocks(*input.previous, *input.schema);
  for (const auto& [_, block] : models) text += block + "\n";
  for (const auto& [_, block] : views) text += block + "\n";
  for (const auto& [_, block] : enums) text += block + "\n";

  schema::SourceSet sources;
  sources.add("schema.prisma", text);
  const auto formatted = schema::reformat_schema(sources, 2);
  result.text = formatted.empty() ? text : formatted.front().text;
  result.warnings = warnings.render();
  return result;
}

}  // namespace prismapp::introspect
