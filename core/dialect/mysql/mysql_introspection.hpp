// MySQL's introspection policy (Prisma's MysqlIntrospectionFlavour): enums are inline per column
// ("<table>_<column>"), matched to the previous schema through the column's field.
#pragma once
#include "core/dialect/introspection_hooks.hpp"

namespace prismapp::dialect::mysql {

const IntrospectionHooks& mysql_introspection_hooks();

}  // namespace prismapp::dialect::mysql
