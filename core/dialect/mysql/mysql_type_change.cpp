// The table follows Prisma's match arms one previous type at a time: a few explicit next types,
// then the verdict for everything else. Omitted precisions count as MySQL's defaults (fsp 0,
// DECIMAL(10,0)), so `@db.DateTime` and the described `datetime` compare equal.
#include "core/dialect/mysql/mysql_type_change.hpp"

#include <initializer_list>
#include <string_view>

namespace prismapp::dialect::mysql {
namespace {

using Change = sql::ColumnTypeChange;
using Result = std::optional<Change>;
constexpr Result kSafe = Change::SafeCast;
constexpr Result kRisky = Change::RiskyCast;
constexpr Result kNotCastable = Change::NotCastable;

bool in(const NativeType& t, std::initializer_list<std::string_view> names) {
  for (auto n : names)
    if (t.name == n) return true;
  return false;
}

bool is_text(const NativeType& t) { return in(t, {"TinyText", "Text", "MediumText", "LongText"}); }
bool is_blob(const NativeType& t) { return in(t, {"TinyBlob", "Blob", "MediumBlob", "LongBlob"}); }
bool is_unsigned(const NativeType& t) {
  return in(t, {"UnsignedTinyInt", "UnsignedSmallInt", "UnsignedMediumInt", "UnsignedInt", "UnsignedBigInt"});
}
// Character and byte string types: Prisma's "To string" arms.
bool is_stringish(const NativeType& t) { return is_text(t) || is_blob(t) || in(t, {"Binary", "Char", "VarBinary", "VarChar"}); }
bool is_temporal(const NativeType& t) { return in(t, {"Date", "DateTime", "Timestamp"}); }

std::uint32_t size(const NativeType& t) { return t.arg(0).value_or(0); }
std::uint32_t fsp(const NativeType& t) { return t.arg(0).value_or(0); }
std::pair<std::uint32_t, std::uint32_t> decimal(const NativeType& t) {
  return t.args.size() == 2 ? std::pair{t.args[0], t.args[1]} : std::pair{10u, 0u};
}

Result from_bigint(const NativeType& n) {
  if (n.is("BigInt")) return std::nullopt;
  if (n.is("Decimal")) return decimal(n).first - decimal(n).second >= 20 ? kSafe : kNotCastable;
  if (in(n, {"Int", "MediumInt", "SmallInt", "TinyInt", "Year"}) || is_unsigned(n)) return kRisky;
  if (in(n, {"Date", "DateTime", "Timestamp", "Json"})) return kNotCastable;
  return kSafe;  // strings, Bit, Double, Float, Time
}

Result from_binary(std::uint32_t s, const NativeType& n) {
  if (n.is("Binary")) return size(n) == s ? std::nullopt : size(n) > s ? kSafe : kRisky;
  if (n.is("Bit") && size(n) >= s * 8) return kSafe;
  if (in(n, {"Date", "DateTime", "Json", "Timestamp"})) return kNotCastable;
  if (in(n, {"BigInt", "Bit", "Int", "SmallInt", "Time", "TinyInt", "Year"}) || is_unsigned(n)) return kRisky;
  return kSafe;  // strings, Decimal, Double, Float, MediumInt
}

Result from_bit(std::uint32_t s, const NativeType& n) {
  if (n.is("Bit")) return size(n) == s ? std::nullopt : s < size(n) ? kSafe : kRisky;
  if (in(n, {"BigInt", "UnsignedBigInt"})) return s == 64 ? kSafe : kRisky;
  if (n.is("Binary")) return s >= 8 * size(n) ? kSafe : kNotCastable;
  if (in(n, {"Decimal", "Double", "Float"})) return kRisky;
  if (in(n, {"Date", "DateTime", "Time", "Timestamp", "Json"})) return kNotCastable;
  return kSafe;
}

Result from_blob(const NativeType& p, const NativeType& n) {
  if (n.name == p.name) return std::nullopt;
  if (is_blob(n)) return kSafe;
  if (is_stringish(n) || n.is("Bit")) return kRisky;
  return kNotCastable;
}

// Char and VarChar: same-size changes between the two are safe, growing is safe.
Result from_char(const NativeType& p, const NativeType& n) {
  const std::uint32_t s = size(p);
  if (n.name == p.name && size(n) == s) return std::nullopt;
  if (in(n, {"VarChar", "Char", "VarBinary", "Binary"})) return size(n) >= s ? kSafe : kRisky;
  if (is_text(n) || is_blob(n)) return kSafe;
  return kRisky;
}

Result from_date(const NativeType& n) {
  if (n.is("Date")) return std::nullopt;
  if (in(n, {"DateTime", "BigInt", "UnsignedBigInt", "Int", "UnsignedInt", "Decimal", "Float", "Double"})) return kSafe;
  if (is_stringish(n) || n.is("Bit")) return kSafe;
  return kNotCastable;
}

// DateTime and Timestamp.
Result from_datetime(const NativeType& p, const NativeType& n) {
  if (n.name == p.name) return fsp(p) < fsp(n) ? kSafe : fsp(p) > fsp(n) ? kRisky : std::nullopt;
  if (is_stringish(n)) return kSafe;
  if (in(n, {"BigInt", "UnsignedBigInt"}) || (n.is("Bit") && size(n) == 64)) return kSafe;
  if (in(n, {"DateTime", "Timestamp", "Time", "Date"})) return kSafe;
  return kNotCastable;
}

Result from_decimal(const NativeType& p, const NativeType& n) {
  if (n.is("Decimal")) return decimal(n) == decimal(p) ? std::nullopt : kRisky;
  if (is_stringish(n)) return kSafe;
  if (is_temporal(n)) return kNotCastable;
  return kRisky;
}

// Double and Float.
Result from_floating(const NativeType& p, const NativeType& n) {
  if (n.name == p.name) return std::nullopt;
  if (in(n, {"Double", "Float"})) return kSafe;
  if (n.is("Bit")) return size(n) >= (p.is("Double") ? 64u : 32u) && (p.is("Float") || size(n) == 64) ? kSafe : kNotCastable;
  if (in(n, {"Binary", "Char", "VarBinary", "VarChar"})) return size(n) >= 32 ? kRisky : kNotCastable;
  if (is_temporal(n)) return kNotCastable;
  return kSafe;  // numbers, Json, Year, texts, blobs, Time
}

// Int and MediumInt.
Result from_int(const NativeType& p, const NativeType& n) {
  if (n.name == p.name) return std::nullopt;
  if (n.is("Bit")) return size(n) >= 32 ? kSafe : kRisky;
  if (n.is("BigInt") || is_stringish(n)) return kSafe;
  if (in(n, {"Date", "DateTime", "Timestamp", "Time", "Json"})) return kNotCastable;
  return kRisky;  // narrower ints, Int/MediumInt, Year, Float, Double, Decimal, unsigned
}

Result from_json(const NativeType& n) {
  if (n.is("Json")) return std::nullopt;
  if (is_stringish(n)) return kSafe;
  return kNotCastable;
}

// LongText, MediumText, Text, TinyText.
Result from_text(const NativeType& p, const NativeType& n) {
  if (n.name == p.name) return std::nullopt;
  if (in(n, {"Binary", "Bit", "Char", "Blob", "MediumBlob", "LongBlob", "VarBinary", "VarChar"})) return kSafe;
  if (in(n, {"Text", "MediumText", "LongText"})) return kSafe;
  return kRisky;  // numbers, TinyText, TinyBlob, temporal, Json, Year
}

// SmallInt and TinyInt.
Result from_small_int(const NativeType& p, const NativeType& n) {
  if (n.name == p.name) return std::nullopt;
  if (is_stringish(n) || n.is("Bit")) return kRisky;
  if (in(n, {"SmallInt", "MediumInt", "Int", "BigInt", "Time"})) return kSafe;
  if (in(n, {"Decimal", "Date", "DateTime", "Timestamp", "Json"})) return kNotCastable;
  return kRisky;  // TinyInt, Float, Double, Year, unsigned
}

Result from_time(const NativeType& p, const NativeType& n) {
  if (n.is("Time")) return fsp(n) == fsp(p) ? std::nullopt : kSafe;
  if (is_stringish(n) || n.is("Decimal")) return kSafe;
  if (is_temporal(n)) return kRisky;
  if (in(n, {"Json", "Year"})) return kNotCastable;
  return kSafe;  // numbers
}

// UnsignedBigInt, UnsignedInt, UnsignedMediumInt, UnsignedSmallInt, UnsignedTinyInt.
Result from_unsigned(const NativeType& p, const NativeType& n) {
  if (n.name == p.name) return std::nullopt;
  if (in(n, {"Decimal", "Date", "DateTime", "Timestamp", "Json"})) return kNotCastable;
  if (p.is("UnsignedSmallInt") && in(n, {"UnsignedInt", "UnsignedMediumInt", "UnsignedBigInt"})) return kSafe;
  if (p.is("UnsignedTinyInt") && in(n, {"UnsignedInt", "UnsignedMediumInt", "UnsignedBigInt", "UnsignedSmallInt"})) return kSafe;
  return kRisky;
}

Result from_varbinary(std::uint32_t s, const NativeType& n) {
  if (n.is("VarBinary")) return s > size(n) ? kRisky : s < size(n) ? kSafe : std::nullopt;
  if (in(n, {"LongBlob", "Blob", "MediumBlob"})) return kSafe;
  if (n.is("Binary") && size(n) > s) return kSafe;
  if (in(n, {"Binary", "Bit", "Char", "LongText", "MediumText", "TinyBlob", "Text", "TinyText", "VarChar"})) return kRisky;
  return kNotCastable;
}

Result from_year(const NativeType& n) {
  if (n.is("Year")) return std::nullopt;
  if (in(n, {"Decimal", "Json"})) return kRisky;
  if (in(n, {"Date", "DateTime", "Time", "TinyInt", "Timestamp", "UnsignedTinyInt"})) return kNotCastable;
  return kSafe;
}

}  // namespace

std::optional<sql::ColumnTypeChange> native_type_change(const NativeType& p, const NativeType& n) {
  const std::string& name = p.name;
  if (name == "BigInt") return from_bigint(n);
  if (name == "Binary") return from_binary(size(p), n);
  if (name == "Bit") return from_bit(size(p), n);
  if (is_blob(p)) return from_blob(p, n);
  if (name == "Char" || name == "VarChar") return from_char(p, n);
  if (name == "Date") return from_date(n);
  if (name == "DateTime" || name == "Timestamp") return from_datetime(p, n);
  if (name == "Decimal") return from_decimal(p, n);
  if (name == "Double" || name == "Float") return from_floating(p, n);
  if (name == "Int" || name == "MediumInt") return from_int(p, n);
  if (name == "Json") return from_json(n);
  if (is_text(p)) return from_text(p, n);
  if (name == "SmallInt" || name == "TinyInt") return from_small_int(p, n);
  if (name == "Time") return from_time(p, n);
  if (is_unsigned(p)) return from_unsigned(p, n);
  if (name == "VarBinary") return from_varbinary(size(p), n);
  if (name == "Year") return from_year(n);
  return p.name == n.name && p.args == n.args ? std::nullopt : kRisky;
}

}  // namespace prismapp::dialect::mysql
