// Connection URLs are never printed with their password.
#pragma once
#include <string>
#include <string_view>

namespace prismapp::cli {

// `scheme://user:secret@host/db` -> `scheme://user:****@host/db`; also masks `password=...`
// parameters (query strings and SQL Server's `;password=...;`). Other text is unchanged.
std::string mask_url_password(std::string_view url);

}  // namespace prismapp::cli
