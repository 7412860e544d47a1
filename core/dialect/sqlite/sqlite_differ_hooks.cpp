#include "core/dialect/sqlite/sqlite_differ_hooks.hpp"

#include <algorithm>
#include <iterator>
#include <cctype>
#include <string>

namespace prismapp::dialect {
namespace {

// SpatiaLite's metadata tables and views: never part of a user's schema.
bool is_spatialite_table(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "data_licenses", "elementarygeometries", "geometry_columns", "geometry_columns_auth",
      "geometry_columns_field_infos", "geometry_columns_statistics", "geometry_columns_time", "geom_cols_ref_sys",
      "idx_iso_metadata_geometry", "idx_iso_metadata_geometry_node", "idx_iso_metadata_geometry_parent",
      "idx_iso_metadata_geometry_rowid", "iso_metadata", "iso_metadata_reference", "iso_metadata_view", "knn", "knn2",
      "networks", "raster_coverages", "raster_coverages_keyword", "raster_coverages_ref_sys", "raster_coverages_srid",
      "rl2map_configurations", "rl2map_configurations_view", "se_external_graphics", "se_external_graphics_view",
      "se_fonts", "se_fonts_view", "se_raster_styled_layers", "se_raster_styled_layers_view", "se_raster_styles",
      "se_raster_styles_view", "se_vector_styled_layers", "se_vector_styled_layers_view", "se_vector_styles",
      "se_vector_styles_view", "spatialindex", "spatialite_history", "spatial_ref_sys", "spatial_ref_sys_all",
      "spatial_ref_sys_aux", "sql_statements_log", "stored_procedures", "stored_variables", "topologies",
      "vector_coverages", "vector_coverages_keyword", "vector_coverages_ref_sys", "vector_coverages_srid",
      "vector_layers", "vector_layers_auth", "vector_layers_field_infos", "vector_layers_statistics",
      "views_geometry_columns", "views_geometry_columns_auth", "views_geometry_columns_field_infos",
      "views_geometry_columns_statistics", "virts_geometry_collection", "virts_geometry_collectionm",
      "virts_geometry_columns", "virts_geometry_columns_auth", "virts_geometry_columns_field_infos",
      "virts_geometry_columns_statistics", "wms_getcapabilities", "wms_getmap", "wms_ref_sys", "wms_settings"};
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(std::begin(kNames), std::end(kNames), lower) != std::end(kNames);
}

std::string quote(std::string_view name) { return "\"" + std::string(name) + "\""; }

class SqliteDifferHooks final : public DifferHooks {
 public:
  bool can_rename_foreign_key() const override { return false; }
  bool can_redefine_tables_with_inbound_foreign_keys() const override { return true; }
  bool can_rename_index() const override { return false; }
  bool has_unnamed_foreign_keys() const override { return true; }
  bool primary_key_names_matter() const override { return false; }
  bool should_drop_indexes_from_dropped_tables() const override { return true; }
  bool should_drop_foreign_keys_from_dropped_tables() const override { return false; }
  // SQLite cannot add a foreign key to an existing table: keys live inside CREATE TABLE.
  bool should_push_foreign_keys_from_created_tables() const override { return false; }
  bool table_should_be_ignored(std::string_view name) const override { return is_spatialite_table(name); }

  // ALTER TABLE on SQLite only adds nullable columns (and renames); anything else is a copy into
  // a new table.
  bool table_needs_redefinition(const TableDiffFacts& f) const override {
    return f.created_primary_key || f.dropped_primary_key || f.primary_key_changed || f.dropped_columns ||
           f.added_required_column || f.any_column_changed || f.created_foreign_keys || f.dropped_foreign_keys;
  }

  std::optional<sql::ColumnTypeChange> column_type_change(const sql::Column& previous, const sql::Column& next) const override {
    if (previous.type.family == next.type.family) return std::nullopt;
    if (next.type.family == sql::ColumnTypeFamily::String) return sql::ColumnTypeChange::SafeCast;
    return sql::ColumnTypeChange::RiskyCast;
  }
  // AUTOINCREMENT follows from the primary key on SQLite; it never changes on its own.
  bool column_autoincrement_changed(const sql::Column&, const sql::Column&) const override { return false; }

  std::string count_rows_sql(std::string_view, std::string_view table) const override {
    return "SELECT COUNT(*) FROM " + quote(table);
  }
  std::string count_non_null_values_sql(std::string_view, std::string_view table, std::string_view column) const override {
    return "SELECT COUNT(*) FROM " + quote(table) + " WHERE " + quote(column) + " IS NOT NULL";
  }
};

}  // namespace

const DifferHooks& sqlite_differ_hooks() {
  static const SqliteDifferHooks hooks;
  return hooks;
}

}  // namespace prismapp::dialect
