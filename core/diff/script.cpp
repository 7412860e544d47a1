#include "core/diff/script.hpp"

namespace prismapp::diff {

std::string render_script(const sql::Migration& migration, const dialect::Renderer& renderer,
                          const DestructiveWarnings* warnings) {
  if (migration.steps.empty()) return "-- This is an empty migration.\n";

  std::string script;
  script.reserve(64 * migration.steps.size());

  if (warnings && !warnings->empty()) {
    script += "/*\n  Warnings:\n\n";
    for (const auto& w : warnings->warnings) script += "  - " + w.description + "\n";
    for (const auto& u : warnings->unexecutable) script += "  - " + u.description + "\n";
    script += "\n*/\n";
  }

  if (auto begin = renderer.begin_transaction()) script += *begin + "\n";

  // The blank line goes before each step but the first rendered one, so the script never ends in
  // an empty line (editors strip those, which would change the migration's checksum).
  bool first = true;
  for (const sql::Step& step : migration.steps) {
    const auto statements = renderer.render_step(step, migration);
    if (statements.empty()) continue;
    if (!first) script += '\n';
    first = false;
    script += "-- ";
    script += sql::step_name(step);
    script += '\n';
    for (const auto& statement : statements) {
      script += statement;
      script += ";\n";
    }
  }

  if (auto commit = renderer.commit_transaction()) script += "\n" + *commit;
  if (script.empty() || script.back() != '\n') script += '\n';
  return script;
}

}  // namespace prismapp::diff
