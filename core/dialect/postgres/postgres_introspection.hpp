// PostgreSQL's introspection policy (Prisma's PostgresIntrospectionFlavour): join tables may use
// a primary key, column-less tables are legal, and one catalog query reports what the describer
// leaves out but Prisma comments on (expression indexes, check and exclusion constraints,
// partitioned and inherited tables, row level security).
#pragma once
#include "core/dialect/introspection_hooks.hpp"

namespace prismapp::dialect::postgres {

const IntrospectionHooks& postgres_introspection_hooks();

}  // namespace prismapp::dialect::postgres
