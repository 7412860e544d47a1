// SQLite has no native types in Prisma 6: every `@db.X` is "not supported for sqlite connector",
// and no scalar type has a default native type (the SQL layer picks column types itself).
#include "core/schema/connector/native_type_tables.hpp"

namespace prismapp::schema::connector {

const NativeTypeTable kSqliteNativeTypes{{}, {}, nullptr};

}  // namespace prismapp::schema::connector
