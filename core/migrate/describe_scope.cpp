#include "core/migrate/describe_scope.hpp"

namespace prismapp::migrate {

dialect::DescribeScope describe_scope(const schema::ValidationResult& validated) {
  dialect::DescribeScope scope;
  const auto* datasource = validated.configuration.first_datasource();
  if (!datasource) return scope;
  for (const auto& [name, span] : datasource->schemas) scope.namespaces.push_back(name);
  scope.extensions =
      validated.configuration.preview_features().contains(schema::config::PreviewFeature::PostgresqlExtensions);
  return scope;
}

std::unique_ptr<dialect::Connection> connect_scoped(const dialect::Dialect& dialect, const std::string& url,
                                                    const dialect::DescribeScope& scope) {
  auto connection = dialect.connect(url);
  connection->set_scope(scope);
  return connection;
}

}  // namespace prismapp::migrate
