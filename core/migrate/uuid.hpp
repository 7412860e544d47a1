// Random (version 4) UUIDs for `_prisma_migrations.id`, as Prisma's Uuid::new_v4().to_string().
#pragma once
#include <string>

namespace prismapp::migrate {

// "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", lower-case hex, from std::random_device.
std::string new_uuid_v4();

}  // namespace prismapp::migrate
