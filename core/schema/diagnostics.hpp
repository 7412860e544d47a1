// Diagnostics: errors and warnings accumulate; nothing in the schema front end aborts.
#pragma once
#include <string>
#include <vector>

#include "core/schema/source.hpp"

namespace prismapp::schema {

enum class Severity { Error, Warning };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string message;  // the full message, e.g. `Error parsing attribute "@default": ...`
  Span span;
};

class Diagnostics {
 public:
  void error(std::string message, Span span) {
    errors_.push_back(Diagnostic{Severity::Error, std::move(message), span});
  }
  void warning(std::string message, Span span) {
    warnings_.push_back(Diagnostic{Severity::Warning, std::move(message), span});
  }
  // Prisma's common message prefixes, kept here so every stage words them the same way.
  void attribute_error(std::string_view attribute_name_with_at, std::string_view message, Span span) {
    error("Error parsing attribute \"" + std::string(attribute_name_with_at) + "\": " + std::string(message), span);
  }
  void validation_error(std::string_view message, Span span) {
    error("Error validating: " + std::string(message), span);
  }
  void model_validation_error(std::string_view model, std::string_view message, Span span) {
    error("Error validating model \"" + std::string(model) + "\": " + std::string(message), span);
  }

  bool has_errors() const { return !errors_.empty(); }
  const std::vector<Diagnostic>& errors() const { return errors_; }
  const std::vector<Diagnostic>& warnings() const { return warnings_; }
  void append(const Diagnostics& other) {
    errors_.insert(errors_.end(), other.errors_.begin(), other.errors_.end());
    warnings_.insert(warnings_.end(), other.warnings_.begin(), other.warnings_.end());
  }

 private:
  std::vector<Diagnostic> errors_;
  std::vector<Diagnostic> warnings_;
};

// Renders one diagnostic in Prisma's layout (psl/diagnostics pretty_print): the header line, the
// `-->  file:line` pointer, the previous line and the spanned lines, with ANSI colours when `colour`.
std::string render_diagnostic(const Diagnostic& diagnostic, const SourceSet& sources, bool colour);

// All warnings then all errors, each rendered, concatenated (the order Prisma prints them in).
std::string render_diagnostics(const Diagnostics& diagnostics, const SourceSet& sources, bool colour);

}  // namespace prismapp::schema
