// The mysql dialect: connections, URLs, the shadow database, the _prisma_migrations table and
// the mysql policies of the calculator, differ and renderer.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "core/dialect/dialect.hpp"

namespace prismapp::dialect::mysql {

class MysqlDialect final : public Dialect {
 public:
  std::string_view provider() const override { return "mysql"; }

  bool accepts_url(std::string_view url) const override;
  std::string resolve_url(const std::string& written_url, const std::filesystem::path& base_dir) const override;
  UrlInfo url_info(const std::string& written_url) const override;

  std::unique_ptr<Connection> connect(const std::string& url) const override;
  CreatingConnection connect_creating(const std::string& url, const std::string& written_url) const override;
  std::unique_ptr<ShadowDatabase> create_shadow_database(const std::string& main_url,
                                                         const std::optional<std::string>& shadow_url) const override;

  const CalculatorHooks& calculator_hooks() const override;
  const DifferHooks& differ_hooks() const override;
  const Renderer& renderer() const override;
  const IntrospectionHooks& introspection_hooks() const override;

  std::string migrations_table_ddl() const override;
  Value timestamp_parameter(std::int64_t unix_millis) const override;
};

const MysqlDialect& mysql_dialect();

}  // namespace prismapp::dialect::mysql
