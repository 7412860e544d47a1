#include "cli/url_mask.hpp"

#include <algorithm>
#include <cctype>

namespace prismapp::cli {

std::string mask_url_password(std::string_view url) {
  std::string out(url);
  // userinfo: between "://" and the last '@' before the first '/', '?' or '#' of the authority.
  if (auto scheme_end = out.find("://"); scheme_end != std::string::npos) {
    const std::size_t auth_start = scheme_end + 3;
    std::size_t auth_end = out.find_first_of("/?#", auth_start);
    if (auth_end == std::string::npos) auth_end = out.size();
    const std::size_t at = out.rfind('@', auth_end == 0 ? 0 : auth_end - 1);
    if (at != std::string::npos && at >= auth_start) {
      const std::size_t colon = out.find(':', auth_start);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "****");
    }
  }
  // password=... parameters (case-insensitive key), up to '&' or ';'.
  std::string lower(out);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  std::size_t pos = 0;
  while ((pos = lower.find("password=", pos)) != std::string::npos) {
    const bool at_boundary = pos == 0 || lower[pos - 1] == '?' || lower[pos - 1] == '&' || lower[pos - 1] == ';';
    const std::size_t value_start = pos + 9;
    if (!at_boundary) {
      pos = value_start;
      continue;
    }
    std::size_t value_end = out.find_first_of("&;", value_start);
    if (value_end == std::string::npos) value_end = out.size();
    out.replace(value_start, value_end - value_start, "****");
    lower.replace(value_start, value_end - value_start, "****");
    pos = value_start + 4;
  }
  return out;
}

}  // namespace prismapp::cli
