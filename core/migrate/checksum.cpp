#include "core/migrate/checksum.hpp"

#include <array>

#include "core/migrate/sha256.hpp"

namespace prismapp::migrate {
namespace {

std::string replace_all(std::string_view text, std::string_view from, std::string_view to) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (true) {
    const std::size_t hit = text.find(from, pos);
    if (hit == std::string_view::npos) break;
    out.append(text.substr(pos, hit - pos));
    out.append(to);
    pos = hit + from.size();
  }
  out.append(text.substr(pos));
  return out;
}

// Old Prisma versions printed each byte with {:x}: no zero padding.
std::string unpadded_hex(const Sha256Digest& digest) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (const std::uint8_t byte : digest) {
    if (byte >= 16) out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0xf]);
  }
  return out;
}

}  // namespace

std::string render_checksum(std::string_view script) { return sha256_hex(script); }

bool script_matches_checksum(std::string_view script, std::string_view checksum) {
  const bool old_format = !checksum.empty() && checksum.size() != 64;
  const std::array<std::string, 3> variants{std::string(script), replace_all(script, "\r\n", "\n"),
                                            replace_all(script, "\n", "\r\n")};
  for (const auto& variant : variants) {
    const std::string rendered = old_format ? unpadded_hex(sha256(variant)) : sha256_hex(variant);
    if (rendered == checksum) return true;
  }
  return false;
}

}  // namespace prismapp::migrate
