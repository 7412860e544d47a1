// `prismapp init`: create prisma/schema.prisma, .env (or append DATABASE_URL to it) and .gitignore,
// following `prisma init` (packages/cli/src/Init.ts), with SQLite and prisma-client-py as defaults.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_error.hpp"
#include "cli/commands.hpp"
#include "cli/env_file.hpp"
#include "cli/url_mask.hpp"

namespace prismapp::cli {
namespace {
namespace fs = std::filesystem;

struct InitOptions {
  std::optional<std::string> datasource_provider;
  std::optional<std::string> url;
  std::optional<std::string> generator_provider;
  std::vector<std::string> preview_features;
  std::optional<std::string> output;
};

const std::vector<std::string> kProviders{"postgresql", "mysql", "sqlserver", "sqlite", "mongodb", "cockroachdb"};

std::string default_url(const std::string& provider) {
  if (provider == "postgresql") return "postgresql://johndoe:randompassword@localhost:5432/mydb?schema=public";
  if (provider == "cockroachdb") return "postgresql://johndoe:randompassword@localhost:26257/mydb?schema=public";
  if (provider == "mysql") return "mysql://johndoe:randompassword@localhost:3306/mydb";
  if (provider == "sqlserver") return "sqlserver://localhost:1433;database=mydb;user=SA;password=randompassword;";
  if (provider == "mongodb")
    return "mongodb+srv://root:randompassword@cluster0.ab1cd.mongodb.net/mydb?retryWrites=true&w=majority";
  return "file:./dev.db";
}

std::string provider_from_url(const std::string& url) {
  const auto colon = url.find(':');
  std::string protocol = colon == std::string::npos ? url : url.substr(0, colon + 1);
  std::transform(protocol.begin(), protocol.end(), protocol.begin(), [](unsigned char c) { return std::tolower(c); });
  if (protocol == "postgresql:" || protocol == "postgres:") return "postgresql";
  if (protocol == "mysql:") return "mysql";
  if (protocol == "file:") return "sqlite";
  if (protocol == "sqlserver:") return "sqlserver";
  if (protocol == "mongodb:" || protocol == "mongodb+srv:") return "mongodb";
  // Only the protocol is echoed: the rest of the URL may hold a password.
  throw CliError("Unknown protocol \"" + (colon == std::string::npos ? std::string("(none)") : protocol) +
                 "\" in --url. Use a URL starting with postgresql://, postgres://, mysql://, file:, sqlserver://, "
                 "mongodb:// or mongodb+srv://.");
}

std::string quote_list(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += "\"" + items[i] + "\"";
  }
  return out;
}

std::string schema_text(const std::string& provider, const InitOptions& opts) {
  // The generator block, aligned the way `prismapp format` aligns it.
  std::vector<std::pair<std::string, std::string>> generator{
      {"provider", "\"" + opts.generator_provider.value_or("prisma-client-py") + "\""}};
  if (!opts.preview_features.empty()) generator.emplace_back("previewFeatures", "[" + quote_list(opts.preview_features) + "]");
  if (opts.output) generator.emplace_back("output", "\"" + *opts.output + "\"");
  std::size_t width = 0;
  for (const auto& [key, value] : generator) width = std::max(width, key.size());

  std::string s =
      "// This is your Prisma schema file,\n"
      "// learn more about it in the docs: https://pris.ly/d/prisma-schema\n"
      "\n"
      "generator client {\n";
  for (const auto& [key, value] : generator) s += "  " + key + std::string(width - key.size(), ' ') + " = " + value + "\n";
  s += "}\n\ndatasource db {\n  provider = \"" + provider + "\"\n  url      = env(\"DATABASE_URL\")\n}\n";
  return s;
}

std::string env_assignment(const std::string& url) {
  // dotenv has no escapes inside quotes: pick a quote character the URL does not contain.
  const char quote = url.find('"') == std::string::npos ? '"' : '\'';
  return std::string("DATABASE_URL=") + quote + url + quote + "\n";
}

std::string default_env(const std::string& url) {
  return "# Environment variables declared in this file are automatically made available to Prisma.\n"
         "# See the documentation for more detail: "
         "https://pris.ly/d/prisma-schema#accessing-environment-variables-from-the-schema\n"
         "\n"
         "# Prisma supports the native connection string format for PostgreSQL, MySQL, SQLite, SQL Server, MongoDB "
         "and CockroachDB.\n"
         "# See the documentation for all the connection string options: https://pris.ly/d/connection-strings\n"
         "\n" +
         env_assignment(url);
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CliError("Could not read `" + path.filename().string() + "`: " + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_text(const fs::path& path, const std::string& text, std::ios::openmode mode, const std::string& display) {
  std::ofstream out(path, std::ios::binary | mode);
  if (!out) throw CliError("Could not write `" + display + "`: " + std::strerror(errno));
  out << text;
  out.close();
  if (!out) throw CliError("Could not write `" + display + "`: " + std::strerror(errno));
}

std::string already_using(const std::string& what) {
  return what + " already exists in your project.\nPlease try again in a project that is not yet using Prisma.";
}

int run_init(const InitOptions& opts, const Output& output) {
  const fs::path cwd = fs::current_path();
  const fs::path prisma_dir = cwd / "prisma";
  std::error_code ec;
  if (fs::exists(cwd / "schema.prisma", ec)) throw CliError(already_using("File schema.prisma"));
  if (fs::exists(prisma_dir / "schema.prisma", ec)) throw CliError(already_using("File prisma/schema.prisma"));
  if (fs::exists(prisma_dir, ec)) throw CliError(already_using("A folder called prisma"));

  std::string provider = "sqlite";
  std::string url;
  if (opts.datasource_provider && !opts.datasource_provider->empty()) {
    std::string lower = *opts.datasource_provider;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (std::find(kProviders.begin(), kProviders.end(), lower) == kProviders.end())
      throw CliError("Provider \"" + *opts.datasource_provider +
                     "\" is invalid or not supported. Try again with \"postgresql\", \"mysql\", \"sqlite\", "
                     "\"sqlserver\", \"mongodb\" or \"cockroachdb\".");
    provider = lower;
    url = opts.url && !opts.url->empty() ? *opts.url : default_url(provider);
  } else if (opts.url && !opts.url->empty()) {
    provider = provider_from_url(*opts.url);
    url = *opts.url;
  } else {
    url = default_url(provider);
  }
  if (url.find('\n') != std::string::npos || url.find('\r') != std::string::npos)
    throw CliError("The --url value must be a single line");

  if (!fs::create_directory(prisma_dir, ec) || ec)
    throw CliError("Could not create the prisma folder: " + (ec ? ec.message() : std::string("it already exists")));
  write_text(prisma_dir / "schema.prisma", schema_text(provider, opts), std::ios::trunc, "prisma/schema.prisma");

  std::vector<std::string> warnings;
  const fs::path env_path = cwd / ".env";
  bool wrote_url = false;
  if (!fs::exists(env_path, ec)) {
    write_text(env_path, default_env(url), std::ios::trunc, ".env");
    wrote_url = true;
  } else {
    const std::string existing = read_text(env_path);
    if (dotenv_defines(existing, "DATABASE_URL")) {
      warnings.push_back(output.out.yellow("warn") + " Prisma would have added DATABASE_URL but it already exists in " +
                         output.out.bold(".env"));
    } else {
      std::string addition = existing.empty() || existing.back() == '\n' ? "\n" : "\n\n";
      addition += "# This was inserted by `prismapp init`:\n" + default_env(url);
      write_text(env_path, addition, std::ios::app, ".env");
      wrote_url = true;
    }
  }

  const fs::path gitignore = cwd / ".gitignore";
  if (fs::exists(gitignore, ec)) {
    warnings.push_back(output.out.yellow("warn") +
                       " You already have a .gitignore file. Don't forget to add `.env` in it to not commit any "
                       "private information.");
  } else {
    write_text(gitignore, "# Keep environment variables out of version control\n.env\n", std::ios::trunc,
               ".gitignore");
  }

  const Style& st = output.out;
  std::vector<std::string> steps;
  const bool explicit_url = opts.url && !opts.url->empty();
  if (!explicit_url) {
    steps.push_back("Set the " + st.green("DATABASE_URL") + " in the " + st.green(".env") +
                    " file to point to your existing database. If your database has no tables yet, read "
                    "https://pris.ly/d/getting-started");
  }
  if (provider == "mongodb") {
    steps.push_back("Define models in the schema.prisma file.");
  } else {
    steps.push_back("Run " + st.green("prismapp db pull") + " to turn your database schema into a Prisma schema.");
  }
  steps.push_back("Run " + st.green("prismapp generate") +
                  " to generate the Prisma Client. You can then start querying your database.");

  std::cout << "\n✔ Your Prisma schema was created at " << st.green("prisma/schema.prisma") << "\n"
            << "  You can now open it in your favorite editor.\n";
  if (wrote_url) std::cout << "  DATABASE_URL in .env: " << mask_url_password(url) << "\n";
  if (!warnings.empty()) {
    std::cout << "\n";
    for (const auto& w : warnings) std::cout << w << "\n";
  }
  std::cout << "\nNext steps:\n";
  for (std::size_t i = 0; i < steps.size(); ++i) std::cout << (i + 1) << ". " << steps[i] << "\n";
  std::cout << "\nMore information in our documentation:\nhttps://pris.ly/d/getting-started\n";
  return kExitOk;
}

}  // namespace

void register_init(CLI::App& root, Commands& commands, const Output& output) {
  auto opts = std::make_shared<InitOptions>();
  CLI::App* sub = root.add_subcommand("init", "Set up a new Prisma project (prisma/schema.prisma, .env)");
  sub->add_option("--datasource-provider", opts->datasource_provider,
                  "Datasource provider: sqlite (default), postgresql, mysql, sqlserver, mongodb or cockroachdb");
  sub->add_option("--url", opts->url, "Datasource URL written to .env; the provider is taken from its protocol");
  sub->add_option("--generator-provider", opts->generator_provider,
                  "Generator provider (default: prisma-client-py)");
  sub->add_option("--preview-feature", opts->preview_features, "Preview feature to enable (repeatable)")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--output", opts->output, "Output path of the generated client");
  commands.push_back(Command{sub, [opts, &output] { return run_init(*opts, output); }});
}

}  // namespace prismapp::cli
