// libFuzzer target: arbitrary bytes through the schema front end (parse, validate, render the
// diagnostics, reformat, `format` as the CLI runs it, and the full DMMF of every schema that
// validates). Any crash, sanitizer report, timeout or out-of-memory is a bug.
// Build and run: docs/fuzzing.md.
//
// Input that starts with a 0x00 byte is a multi-file schema: the rest is split into files at each
// further 0x00 byte (at most 8 files). Anything else is one file, so plain schemas work as seeds.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/schema/diagnostics.hpp"
#include "core/schema/dmmf/dmmf.hpp"
#include "core/schema/schema.hpp"

namespace {

prismapp::schema::SourceSet to_sources(std::string_view bytes) {
  prismapp::schema::SourceSet set;
  if (bytes.empty() || bytes[0] != '\0') {
    set.add("schema.prisma", std::string(bytes));
    return set;
  }
  bytes.remove_prefix(1);
  int n = 0;
  while (true) {
    const auto nul = bytes.find('\0');
    set.add("file" + std::to_string(n++) + ".prisma", std::string(bytes.substr(0, nul)));
    if (nul == std::string_view::npos || n == 8) break;
    bytes.remove_prefix(nul + 1);
  }
  return set;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto sources = to_sources(bytes);

  const auto result = prismapp::schema::validate_schema(sources);
  const auto& rendered_sources = result.parsed.sources.files.empty() ? sources : result.parsed.sources;
  const std::string plain = prismapp::schema::render_diagnostics(result.diagnostics, rendered_sources, false);
  const std::string coloured = prismapp::schema::render_diagnostics(result.diagnostics, rendered_sources, true);
  if (coloured.size() < plain.size()) __builtin_trap();  // colour only adds escape codes

  const auto formatted = prismapp::schema::reformat_schema(sources, 2);
  if (formatted.size() != sources.files.size()) __builtin_trap();  // one output per input file

  // The CLI's `format` path (one front-end pass reused for validation) must agree with the two
  // separate steps.
  const auto cli_format = prismapp::schema::format_schema(sources, 2);
  if (cli_format.files.size() != formatted.size()) __builtin_trap();
  for (std::size_t i = 0; i < formatted.size(); ++i)
    if (cli_format.files[i].text != formatted[i].text) __builtin_trap();

  // Generators get the full DMMF of any valid schema.
  if (!result.diagnostics.has_errors() && result.db) {
    const std::string dmmf = prismapp::schema::dmmf::full_dmmf_json(result);
    if (dmmf.empty() || dmmf.front() != '{') __builtin_trap();
  }
  return 0;
}
