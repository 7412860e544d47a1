// A minimal append-only JSON text writer for the large DMMF sections: building them as
// nlohmann::json first costs several times the memory of the text (the 500-model schema's DMMF is
// ~60 MB of JSON), so they are written straight into a string.
#pragma once
#include <string>
#include <string_view>

namespace prismapp::schema::dmmf {

inline void json_string(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      static const char* hex = "0123456789abcdef";
      switch (c) {
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default: out += "\\u00"; out += hex[u >> 4]; out += hex[u & 15];
      }
    } else {
      out += c;
    }
  }
  out += '"';
}

}  // namespace prismapp::schema::dmmf
