// format_schema (schema.hpp) is what `prismapp format` runs: reformat, then validate the result,
// reusing the formatter's parse when formatting changed nothing. Its outcome must be exactly that
// of reformat_schema followed by validate_schema of the output, whichever path it takes.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/schema/diagnostics.hpp"
#include "core/schema/schema.hpp"

using namespace prismapp::schema;

namespace {

SourceSet files(const std::vector<std::pair<std::string, std::string>>& named_texts) {
  SourceSet set;
  for (const auto& [path, text] : named_texts) set.add(path, text);
  return set;
}

// Compares format_schema with the two-step reference, including every rendered diagnostic.
void check_same_as_two_steps(const SourceSet& input) {
  const std::vector<SourceFile> reference_files = reformat_schema(input, 2);
  SourceSet reformatted;
  for (const auto& f : reference_files) reformatted.add(f.path, f.text);
  const ValidationResult reference = validate_schema(reformatted);

  const FormatResult result = format_schema(input, 2);
  REQUIRE(result.files.size() == reference_files.size());
  for (std::size_t i = 0; i < reference_files.size(); ++i) {
    CHECK(result.files[i].path == reference_files[i].path);
    CHECK(result.files[i].text == reference_files[i].text);
  }
  CHECK(result.validation.diagnostics.has_errors() == reference.diagnostics.has_errors());
  CHECK(render_diagnostics(result.validation.diagnostics, result.validation.parsed.sources, false) ==
        render_diagnostics(reference.diagnostics, reference.parsed.sources, false));
  REQUIRE(result.validation.parsed.sources.files.size() == reformatted.files.size());
  for (std::size_t i = 0; i < reformatted.files.size(); ++i)
    CHECK(result.validation.parsed.sources.files[i].text == reformatted.files[i].text);
  CHECK(result.validation.configuration.datasources.size() == reference.configuration.datasources.size());
  REQUIRE(result.validation.db != nullptr);
  CHECK(result.validation.db->models().size() == reference.db->models().size());
  CHECK(result.validation.db->relations().size() == reference.db->relations().size());
}

const std::string kDatasource = "datasource db {\n  provider = \"sqlite\"\n  url      = \"file:dev.db\"\n}\n\n";

}  // namespace

TEST_CASE("format_schema: already formatted input reuses the first parse, same outcome", "[format][schema]") {
  const std::string text = kDatasource +
                           "model User {\n  id    Int    @id\n  posts Post[]\n}\n\n"
                           "model Post {\n  id       Int  @id\n  authorId Int\n"
                           "  author   User @relation(fields: [authorId], references: [id])\n}\n";
  const SourceSet input = files({{"schema.prisma", text}});
  check_same_as_two_steps(input);
  const FormatResult result = format_schema(input, 2);
  CHECK(result.files.front().text == text);  // really the unchanged path
  CHECK_FALSE(result.validation.diagnostics.has_errors());
}

TEST_CASE("format_schema: unformatted, relation completion, invalid and multi-file inputs", "[format][schema]") {
  // Layout changes only.
  check_same_as_two_steps(files({{"schema.prisma", kDatasource + "model A {\n  id Int @id\n  name    String\n}\n"}}));
  // A missing back-relation field is added (the validation must see the completed text).
  check_same_as_two_steps(files({{"schema.prisma", kDatasource +
                                                       "model User {\n  id Int @id\n}\n\n"
                                                       "model Post {\n  id Int @id\n  authorId Int\n"
                                                       "  author User @relation(fields: [authorId], references: [id])\n}\n"}}));
  // Errors: parse errors, resolution errors, validation errors, in formatted and unformatted text.
  check_same_as_two_steps(files({{"schema.prisma", kDatasource + "model A {\n  id Int @id\n  b Unknown\n}\n"}}));
  check_same_as_two_steps(files({{"schema.prisma", kDatasource + "model A {\n  id   Int @id\n  oops\n}\n"}}));
  check_same_as_two_steps(files({{"schema.prisma", "model A {\n  id Int @id\n}\n"}}));  // no datasource
  check_same_as_two_steps(files({{"schema.prisma", kDatasource + "model A {\n  id Int @id @id\n}\n"}}));
  check_same_as_two_steps(files({{"schema.prisma", "this is not a schema\n"}}));
  check_same_as_two_steps(files({{"schema.prisma", ""}}));
  // Two files: one formatted and one not, and a completion that lands in the other file.
  check_same_as_two_steps(files({{"a.prisma", kDatasource + "model User {\n  id    Int    @id\n  posts Post[]\n}\n"},
                                 {"b.prisma", "model Post {\n  id  Int @id\n  authorId    Int\n"
                                              "  author User @relation(fields: [authorId], references: [id])\n}\n"}}));
  check_same_as_two_steps(files({{"a.prisma", kDatasource + "model User {\n  id Int @id\n}\n"},
                                 {"b.prisma", "model Post {\n  id       Int  @id\n  authorId Int\n"
                                              "  author   User @relation(fields: [authorId], references: [id])\n}\n"}}));
}
