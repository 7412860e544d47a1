// The schema-change scenario corpus (fixtures/scenarios, format in its README.md), run against one
// dialect. Database-neutral: a dialect's test supplies fresh databases and identifier quoting, so
// SQLite, PostgreSQL and MariaDB run the same scenarios with the same checks.
//
// Each scenario is exercised twice, the two ways a schema change reaches a database:
//   push:       push `before`, seed, plan the push to `after` against the live data (destructive
//               checks must match the expectation), apply it unless refused;
//   migrations: a migrations folder with the `before` script (from empty), applied, then seeded,
//               then the `before` → `after` script (`migrate diff --script`) added and applied.
// After a successful change the database is described and diffed against `after`: nothing may
// remain (a residual diff means the engine renders something it cannot read back, or the
// reverse); then the surviving rows and values are checked. When the change must not run on the
// seeded data (unexecutable, or `apply = fails`), the same change is instead run on an empty
// database, where it has to succeed cleanly.
#pragma once
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/dialect/dialect.hpp"
#include "core/migrate/apply_migrations.hpp"
#include "core/migrate/describe_scope.hpp"
#include "core/migrate/migrations_directory.hpp"
#include "core/migrate/schema_commands.hpp"
#include "core/migrate/schema_planner.hpp"
#include "core/schema/schema.hpp"

namespace prismapp::scenarios {

namespace fs = std::filesystem;

enum class DataLoss { None, Warning, Unexecutable };

struct Expectation {
  DataLoss data_loss = DataLoss::None;
  bool apply_fails = false;                          // the change is planned but the data breaks it
  bool empty_migration = false;                      // before and after mean the same database
  // db push refuses the change (unexecutable), but the migration script still runs on the seeded
  // data: MySQL gives existing rows the implicit default of a new NOT NULL column.
  bool migration_applies = false;
  std::vector<std::string> messages;                 // substrings of warnings/unexecutable messages
  std::vector<std::pair<std::string, long>> rows;    // table, row count
  struct Keep {
    std::string table, column;
    std::vector<std::string> values;  // sorted; "NULL" for NULL
  };
  std::vector<Keep> keeps;
};

struct Scenario {
  std::string name;  // folder name, "01_create_table"
  std::string before, after, seed;
  Expectation expect;
  std::string skip_reason;  // skip.<provider>.txt: why the scenario does not apply to this database
};

// What a dialect's test provides.
struct Target {
  const dialect::Dialect* dialect = nullptr;
  // A fresh, empty database for `tag` of the scenario (several are used per scenario).
  std::function<std::string(const std::string& scenario, const std::string& tag)> fresh_url;
  fs::path work_dir;  // scratch space for migrations folders
  std::optional<std::string> shadow_url;  // for replaying migrations (SQLite uses a temporary one)
  std::function<std::string(const std::string&)> quote = [](const std::string& id) { return "\"" + id + "\""; };
};

// The scenarios are written for SQLite (`provider = "sqlite"`, seeds with "quoted" identifiers).
// For another database, each file may have a provider-specific variant beside it
// (`before.postgresql.prisma`, `seed.mysql.sql`, `expect.postgresql.txt`, ...) that replaces it;
// otherwise the schemas get that provider and the seed's "identifiers" the database's quoting.
// `skip.<provider>.txt` says why a scenario does not apply to a database. A folder with only
// provider-specific schemas is a scenario for that database alone.
inline std::string with_provider(std::string schema, const std::string& provider) {
  const std::string from = "provider = \"sqlite\"";
  const std::string to = "provider = \"" + provider + "\"";
  for (auto pos = schema.find(from); pos != std::string::npos; pos = schema.find(from, pos + to.size()))
    schema.replace(pos, from.size(), to);
  return schema;
}

// "Ident" → `Ident` outside single-quoted strings (MySQL reads "x" as a string literal).
inline std::string with_backtick_identifiers(const std::string& sql) {
  std::string out = sql;
  bool in_string = false;
  for (auto& c : out) {
    if (c == '\'') in_string = !in_string;
    else if (c == '"' && !in_string) c = '`';
  }
  return out;
}

// ---- loading ------------------------------------------------------------------------------------

inline std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string trim(std::string s) {
  const auto not_space = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

inline std::vector<std::string> split_values(const std::string& list) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(list);
  // `""` stands for the empty string, which a comma-separated list cannot show otherwise.
  while (std::getline(in, item, ',')) out.push_back(trim(item) == "\"\"" ? "" : trim(item));
  std::sort(out.begin(), out.end());
  return out;
}

// Throws on any line it does not understand, so a typo cannot silently weaken a scenario.
inline Expectation parse_expectation(const std::string& text, const std::string& where) {
  Expectation e;
  std::istringstream lines(text);
  std::string line;
  bool has_data_loss = false;
  const auto fail = [&](const std::string& why) { throw std::runtime_error(where + ": " + why + ": " + line); };
  while (std::getline(lines, line)) {
    const std::string l = trim(line);
    if (l.empty() || l[0] == '#') continue;
    if (l.starts_with("data_loss")) {
      const std::string v = trim(l.substr(l.find('=') + 1));
      if (v == "none") e.data_loss = DataLoss::None;
      else if (v == "warning") e.data_loss = DataLoss::Warning;
      else if (v == "unexecutable") e.data_loss = DataLoss::Unexecutable;
      else fail("bad data_loss");
      has_data_loss = true;
    } else if (l.starts_with("apply")) {
      const std::string v = trim(l.substr(l.find('=') + 1));
      if (v != "fails" && v != "ok") fail("bad apply");
      e.apply_fails = v == "fails";
    } else if (l.starts_with("migration")) {
      const std::string v = trim(l.substr(l.find('=') + 1));
      if (v == "empty") e.empty_migration = true;
      else if (v == "applies") e.migration_applies = true;
      else fail("bad migration");
    } else if (l.starts_with("message:")) {
      e.messages.push_back(trim(l.substr(8)));
    } else if (l.starts_with("rows:")) {
      std::istringstream in(l.substr(5));
      std::string table;
      long count = -1;
      if (!(in >> table >> count) || count < 0) fail("bad rows");
      e.rows.emplace_back(table, count);
    } else if (l.starts_with("keep:")) {
      const std::string spec = l.substr(5);
      const auto eq = spec.find('=');
      const std::string col = trim(spec.substr(0, eq));
      const auto dot = col.find('.');
      if (eq == std::string::npos || dot == std::string::npos) fail("bad keep");
      e.keeps.push_back({col.substr(0, dot), col.substr(dot + 1), split_values(spec.substr(eq + 1))});
    } else {
      fail("unknown line");
    }
  }
  if (!has_data_loss) throw std::runtime_error(where + ": missing data_loss");
  if (e.migration_applies && e.data_loss != DataLoss::Unexecutable)
    throw std::runtime_error(where + ": `migration = applies` is only for unexecutable changes");
  return e;
}

inline std::vector<Scenario> load_scenarios(const fs::path& root, const std::string& provider = "sqlite") {
  std::vector<Scenario> out;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (!entry.is_directory()) continue;
    const fs::path d = entry.path();
    // The provider's own variant of a file, else the SQLite original (nullopt when neither exists).
    const auto pick = [&](const std::string& stem, const std::string& ext) -> std::optional<std::pair<std::string, bool>> {
      const fs::path own = d / (stem + "." + provider + ext);
      if (provider != "sqlite" && fs::exists(own)) return std::make_pair(read_text(own), true);
      if (fs::exists(d / (stem + ext))) return std::make_pair(read_text(d / (stem + ext)), false);
      return std::nullopt;
    };
    const auto before = pick("before", ".prisma");
    const auto after = pick("after", ".prisma");
    if (!before || !after) continue;  // a scenario for other databases only
    Scenario s;
    s.name = d.filename().string();
    s.before = before->second ? before->first : with_provider(before->first, provider);
    s.after = after->second ? after->first : with_provider(after->first, provider);
    if (const auto seed = pick("seed", ".sql"))
      s.seed = seed->second || provider != "mysql" ? seed->first : with_backtick_identifiers(seed->first);
    const auto expect = pick("expect", ".txt");
    if (!expect) throw std::runtime_error(s.name + ": missing expect.txt");
    s.expect = parse_expectation(expect->first, s.name + "/expect" + (expect->second ? "." + provider : "") + ".txt");
    if (provider != "sqlite" && fs::exists(d / ("skip." + provider + ".txt")))
      s.skip_reason = trim(read_text(d / ("skip." + provider + ".txt")));
    out.push_back(std::move(s));
  }
  // By number first, so 100_x follows 99_y.
  const auto number = [](const std::string& n) { return std::strtol(n.c_str(), nullptr, 10); };
  std::sort(out.begin(), out.end(), [&](const Scenario& a, const Scenario& b) {
    return number(a.name) != number(b.name) ? number(a.name) < number(b.name) : a.name < b.name;
  });
  return out;
}

// KNOWN_FAILURES.txt: `<scenario> <reason...>` per line, `#` comments.
inline std::map<std::string, std::string> load_known_failures(const fs::path& file) {
  std::map<std::string, std::string> out;
  if (!fs::exists(file)) return out;
  std::istringstream lines(read_text(file));
  std::string line;
  while (std::getline(lines, line)) {
    const std::string l = trim(line);
    if (l.empty() || l[0] == '#') continue;
    const auto sp = l.find_first_of(" \t");
    out[l.substr(0, sp)] = sp == std::string::npos ? "" : trim(l.substr(sp));
  }
  return out;
}

// ---- running ------------------------------------------------------------------------------------

class ScenarioRun {
 public:
  ScenarioRun(const Scenario& s, const Target& t)
      : s_(s), t_(t), planner_(migrate::make_schema_planner(*t.dialect)) {}

  // Problems found; empty when the scenario passes.
  std::vector<std::string> run() {
    before_ = validate(s_.before, "before.prisma");
    after_ = validate(s_.after, "after.prisma");
    if (!problems_.empty()) return problems_;
    phase("push", [&] { push_path(); });
    phase("migrations", [&] { migrations_path(); });
    return problems_;
  }

 private:
  const Scenario& s_;
  const Target& t_;
  std::unique_ptr<migrate::SchemaPlanner> planner_;
  schema::ValidationResult before_, after_;
  std::vector<std::string> problems_;
  std::string phase_;

  void problem(const std::string& what) { problems_.push_back(phase_ + ": " + what); }

  void phase(const std::string& name, const std::function<void()>& body) {
    phase_ = name;
    try {
      body();
    } catch (const std::exception& e) {
      problem(std::string("unexpected error: ") + e.what());
    }
  }

  schema::ValidationResult validate(const std::string& text, const std::string& file) {
    schema::SourceSet sources;
    sources.add(file, text);
    auto v = schema::validate_schema(std::move(sources));
    if (v.diagnostics.has_errors()) problems_.push_back(file + " does not validate: " + v.diagnostics.errors().front().message);
    return v;
  }

  // A connection that describes what the scenario's datasource lists (`schemas = [...]`).
  std::unique_ptr<dialect::Connection> connect(const std::string& url) const {
    auto scope = migrate::describe_scope(after_);
    if (scope.namespaces.empty()) scope = migrate::describe_scope(before_);
    return migrate::connect_scoped(*t_.dialect, url, scope);
  }

  migrate::MigrateContext context(const std::string& url) const {
    migrate::MigrateContext ctx;
    ctx.dialect = t_.dialect;
    ctx.planner = planner_.get();
    ctx.url = url;
    return ctx;
  }

  // db push to `target`; returns the plan (applied when `apply`).
  migrate::PlannedMigration push(dialect::Connection& conn, const std::string& url, const schema::ValidationResult& target,
                                 bool apply) {
    auto planned = migrate::plan_push(context(url), conn, target);
    if (apply) migrate::apply_push(conn, planned);
    return planned;
  }

  static std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += "\n      | " + s;
    return out;
  }

  void check_messages(const migrate::PlannedMigration& plan) {
    const auto& w = plan.warnings;
    const auto& u = plan.unexecutable;
    const std::string got = " (warnings:" + join(w) + "\n    unexecutable:" + join(u) + ")";
    switch (s_.expect.data_loss) {
      case DataLoss::None:
        if (!w.empty() || !u.empty()) problem("expected no data-loss messages" + got);
        break;
      case DataLoss::Warning:
        if (w.empty() || !u.empty()) problem("expected warnings only" + got);
        break;
      case DataLoss::Unexecutable:
        if (u.empty()) problem("expected unexecutable steps" + got);
        break;
    }
    for (const auto& m : s_.expect.messages) {
      const auto has = [&](const std::string& x) { return x.find(m) != std::string::npos; };
      if (std::none_of(w.begin(), w.end(), has) && std::none_of(u.begin(), u.end(), has))
        problem("missing message `" + m + "`" + got);
    }
  }

  // The database must now be exactly `after`: describe it and diff.
  void check_no_residual_diff(dialect::Connection& conn, const std::string& when) {
    auto residual = planner_->plan(conn.describe(), planner_->target_schema(after_), nullptr);
    if (!residual.empty()) problem(when + ": database differs from after.prisma; remaining migration:\n" + residual.script);
  }

  void check_data(dialect::Connection& conn, const std::string& when) {
    for (const auto& [table, count] : s_.expect.rows) {
      const auto r = conn.query("SELECT COUNT(*) FROM " + t_.quote(table));
      const std::string got = r.empty() || r[0].empty() || !r[0][0] ? "?" : *r[0][0];
      if (got != std::to_string(count)) problem(when + ": rows in " + table + ": expected " + std::to_string(count) + ", got " + got);
    }
    for (const auto& k : s_.expect.keeps) {
      std::vector<std::string> got;
      for (const auto& row : conn.query("SELECT " + t_.quote(k.column) + " FROM " + t_.quote(k.table)))
        got.push_back(row.empty() || !row[0] ? "NULL" : *row[0]);
      std::sort(got.begin(), got.end());
      if (got != k.values) {
        std::string g, e;
        for (const auto& v : got) g += (g.empty() ? "" : ", ") + v;
        for (const auto& v : k.values) e += (e.empty() ? "" : ", ") + v;
        problem(when + ": " + k.table + "." + k.column + ": expected [" + e + "], got [" + g + "]");
      }
    }
  }

  bool refused_on_data() const { return s_.expect.data_loss == DataLoss::Unexecutable || s_.expect.apply_fails; }

  void push_path() {
    const std::string url = t_.fresh_url(s_.name, "push");
    auto conn = connect(url);
    const auto initial = push(*conn, url, before_, true);
    if (!initial.warnings.empty() || !initial.unexecutable.empty()) problem("pushing before.prisma to an empty database warned");
    conn->execute_script(s_.seed);

    const auto planned = push(*conn, url, after_, false);
    check_messages(planned);
    if (s_.expect.data_loss == DataLoss::Unexecutable) {
      // db push refuses: nothing is applied.
    } else if (s_.expect.apply_fails) {
      bool threw = false;
      try {
        migrate::apply_push(*conn, planned);
      } catch (const std::exception&) {
        threw = true;
      }
      if (!threw) problem("applying on the seeded database succeeded, expected a failure");
    } else {
      migrate::apply_push(*conn, planned);  // with --accept-data-loss when there are warnings
      check_no_residual_diff(*conn, "after push");
      check_data(*conn, "after push");
      const auto again = push(*conn, url, after_, false);
      if (!again.empty()) problem("a second push is not empty:\n" + again.script);
    }
    if (refused_on_data()) {
      const std::string empty_url = t_.fresh_url(s_.name, "push-empty");
      auto empty = connect(empty_url);
      push(*empty, empty_url, before_, true);
      const auto on_empty = push(*empty, empty_url, after_, false);
      if (!on_empty.unexecutable.empty()) problem("unexecutable on an empty database:" + join(on_empty.unexecutable));
      migrate::apply_push(*empty, on_empty);
      check_no_residual_diff(*empty, "after push on an empty database");
    }
  }

  std::string script(migrate::DiffSource from, migrate::DiffSource to) const {
    return migrate::diff_sources(*t_.dialect, *planner_, from, to, std::nullopt).script;
  }

  void write_migration(const fs::path& dir, const std::string& name, const std::string& sql) const {
    fs::create_directories(dir / name);
    std::ofstream(dir / name / migrate::kMigrationScriptFile, std::ios::binary) << sql;
  }

  void migrations_path() {
    using Kind = migrate::DiffSource::Kind;
    const migrate::DiffSource empty{Kind::Empty, nullptr, "", {}};
    const migrate::DiffSource before{Kind::SchemaDatamodel, &before_, "", {}};
    const migrate::DiffSource after{Kind::SchemaDatamodel, &after_, "", {}};
    const std::string init_sql = script(empty, before);
    const std::string change_sql = script(before, after);
    const std::string provider(t_.dialect->provider());
    // A scenario whose migration is empty proves nothing about the change: both ends would agree
    // on ignoring it. Only the scenarios that say so may be empty.
    const bool is_empty = change_sql == migrate::diff_sources(*t_.dialect, *planner_, after, after, std::nullopt).script;
    if (is_empty != s_.expect.empty_migration)
      problem(is_empty ? "the before -> after migration is empty" : "expected an empty migration, got:\n" + change_sql);
    if (std::getenv("SCENARIO_SCRIPTS")) std::cout << "=== " << s_.name << "\n" << change_sql;

    // `seeded` runs the scenario's data through both migrations; `bare` only exists when the
    // change must be shown to work on an empty database.
    for (const bool seeded : {true, false}) {
      if (!seeded && !refused_on_data()) break;
      const std::string tag = seeded ? "migrations" : "migrations-empty";
      const fs::path dir = t_.work_dir / (s_.name + "-" + tag);
      fs::remove_all(dir);
      migrate::write_lock_file(dir, provider);
      write_migration(dir, "20000101000000_before", init_sql);
      auto conn = connect(t_.fresh_url(s_.name, tag));
      migrate::apply_migrations(*conn, *t_.dialect, dir);
      if (seeded) conn->execute_script(s_.seed);
      write_migration(dir, "20000101000001_after", change_sql);
      if (seeded && refused_on_data() && !s_.expect.migration_applies) {
        bool threw = false;
        try {
          migrate::apply_migrations(*conn, *t_.dialect, dir);
        } catch (const std::exception&) {
          threw = true;
        }
        if (!threw) problem("the migration ran on the seeded database, expected it to fail");
        continue;
      }
      const auto applied = migrate::apply_migrations(*conn, *t_.dialect, dir);
      if (applied.size() != 1) problem(tag + ": expected 1 applied migration, got " + std::to_string(applied.size()));
      check_no_residual_diff(*conn, "after " + tag);
      if (seeded) check_data(*conn, "after " + tag);
      // What migrate dev compares: the folder replayed on a shadow database against after.prisma.
      const migrate::DiffSource history{Kind::Migrations, nullptr, "", dir};
      const auto drift = migrate::diff_sources(*t_.dialect, *planner_, history, after, t_.shadow_url);
      if (!drift.empty()) problem(tag + ": the migrations folder replayed differs from after.prisma:\n" + drift.script);
    }
  }
};

inline std::vector<std::string> run_scenario(const Scenario& s, const Target& t) { return ScenarioRun(s, t).run(); }

// The whole corpus on one database, with the known-failures list of that database
// (KNOWN_FAILURES.txt for SQLite, KNOWN_FAILURES.<provider>.txt for the others). SCENARIO=<substring>
// runs only matching scenarios and prints every problem. `after_each` runs after every scenario
// (servers: drop the scenario's databases).
struct CorpusReport {
  int passed = 0, failed = 0, skipped = 0;
  std::vector<std::string> unexpected, known_failed, known_passed, skipped_notes;

  void print(const std::string& label) const {
    std::cout << "scenarios " << label << ": " << passed << " passed, " << failed << " failed, " << skipped
              << " not applicable\n";
    for (const auto& f : skipped_notes) std::cout << "  not applicable: " << f << "\n";
    for (const auto& f : known_failed) std::cout << "  known failure: " << f << "\n";
    for (const auto& f : unexpected) std::cout << "  FAILED: " << f << "\n";
    for (const auto& n : known_passed) std::cout << "  listed as a known failure but passes: " << n << "\n";
  }
};

inline CorpusReport run_corpus(const fs::path& root, const std::string& provider, const Target& t,
                               const std::function<void()>& after_each = {}) {
  const char* filter = std::getenv("SCENARIO");
  const auto known =
      load_known_failures(root / (provider == "sqlite" ? std::string("KNOWN_FAILURES.txt") : "KNOWN_FAILURES." + provider + ".txt"));
  CorpusReport report;
  for (const auto& s : load_scenarios(root, provider)) {
    if (filter && s.name.find(filter) == std::string::npos) continue;
    if (!s.skip_reason.empty()) {
      ++report.skipped;
      report.skipped_notes.push_back(s.name + ": " + s.skip_reason);
      continue;
    }
    const auto problems = run_scenario(s, t);
    if (after_each) after_each();
    const bool is_known = known.count(s.name) > 0;
    if (problems.empty()) {
      ++report.passed;
      if (is_known) report.known_passed.push_back(s.name);
      continue;
    }
    ++report.failed;
    std::string text = s.name;
    for (const auto& p : problems) text += "\n    " + p;
    (is_known ? report.known_failed : report.unexpected)
        .push_back(filter || !is_known ? text : s.name + " (known: " + known.at(s.name) + ")");
  }
  return report;
}

}  // namespace prismapp::scenarios
