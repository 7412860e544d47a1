// SHA-256 (FIPS 180-4). Migration checksums are the hex digest of migration.sql, like Prisma's.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace prismapp::migrate {

using Sha256Digest = std::array<std::uint8_t, 32>;

Sha256Digest sha256(std::string_view data);
// Lower-case hex, two digits per byte (64 characters).
std::string sha256_hex(std::string_view data);

}  // namespace prismapp::migrate
