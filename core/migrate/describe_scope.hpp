// What a Prisma schema's datasource asks describe() and reset() to cover (Prisma's `Namespaces`
// and preview features given to its connector): the `schemas = [...]` list and whether
// extensions are part of the database schema (postgresqlExtensions preview feature).
#pragma once
#include <memory>

#include "core/dialect/dialect.hpp"
#include "core/schema/schema.hpp"

namespace prismapp::migrate {

// The scope of `validated`'s first datasource; the default scope when it has none.
dialect::DescribeScope describe_scope(const schema::ValidationResult& validated);

// dialect.connect(url) with `scope` set on the connection.
std::unique_ptr<dialect::Connection> connect_scoped(const dialect::Dialect& dialect, const std::string& url,
                                                    const dialect::DescribeScope& scope);

}  // namespace prismapp::migrate
