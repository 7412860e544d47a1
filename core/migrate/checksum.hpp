// Migration script checksums, compatible with Prisma's (schema-connector/src/checksum.rs):
// hex SHA-256 of the script bytes. Comparison tolerates line-ending conversion (git autocrlf)
// and the unpadded hex of very old Prisma versions.
#pragma once
#include <string>
#include <string_view>

namespace prismapp::migrate {

std::string render_checksum(std::string_view script);

// True when `checksum` is the checksum of `script`, of `script` with CRLF turned into LF, or of
// `script` with LF turned into CRLF. A stored checksum that is not 64 characters long is compared
// with the old format (each byte as hex without leading zero).
bool script_matches_checksum(std::string_view script, std::string_view checksum);

}  // namespace prismapp::migrate
