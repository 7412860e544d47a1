#include "core/dialect/mysql/mysql_connection.hpp"

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/resultset.h>
#include <cppconn/resultset_metadata.h>
#include <cppconn/statement.h>
#include <mysql_driver.h>

#include <cstdlib>

#include "core/dialect/mysql/mysql_describer.hpp"
#include "core/dialect/mysql/mysql_script.hpp"

namespace prismapp::dialect::mysql {

struct MysqlConnection::Impl {
  std::unique_ptr<::sql::Connection> connection;
};

namespace {

// The connector's options for the URL: quaint's to_opts_builder in connector terms.
::sql::ConnectOptionsMap connect_options(const MysqlUrl& url) {
  ::sql::ConnectOptionsMap options;
  if (url.socket) {
    options["hostName"] = ::sql::SQLString("localhost");
    options["socket"] = ::sql::SQLString(*url.socket);
  } else {
    options["hostName"] = ::sql::SQLString(url.host);
    options["port"] = static_cast<int>(url.port);
  }
  options["userName"] = ::sql::SQLString(url.user);
  options["password"] = ::sql::SQLString(url.password.value_or(""));
  if (!url.database.empty()) options["schema"] = ::sql::SQLString(url.database);
  options["OPT_CHARSET_NAME"] = ::sql::SQLString("utf8mb4");
  if (url.connect_timeout_seconds) options["OPT_CONNECT_TIMEOUT"] = static_cast<int>(*url.connect_timeout_seconds);
  if (url.socket_timeout_seconds) {
    options["OPT_READ_TIMEOUT"] = static_cast<int>(*url.socket_timeout_seconds);
    options["OPT_WRITE_TIMEOUT"] = static_cast<int>(*url.socket_timeout_seconds);
  }
  if (url.use_ssl) {
    options["sslEnforce"] = true;
    options["sslVerify"] = !url.ssl_accept_invalid_certs;
    if (url.ssl_root_cert) options["sslCA"] = ::sql::SQLString(*url.ssl_root_cert);
  }
  return options;
}

MysqlError from_exception(const ::sql::SQLException& e, const MysqlUrl& url, ErrorPhase phase) {
  return make_mysql_error(e.getErrorCode(), e.getSQLStateCStr() != nullptr ? e.getSQLStateCStr() : "", e.what(), url,
                          phase);
}

Row read_row(::sql::ResultSet& rs, unsigned columns) {
  Row row;
  row.reserve(columns);
  for (unsigned i = 1; i <= columns; ++i) {
    const ::sql::SQLString text = rs.getString(i);
    if (rs.wasNull()) {
      row.emplace_back(std::nullopt);
    } else {
      row.emplace_back(std::string(text.asStdString()));
    }
  }
  return row;
}

}  // namespace

MysqlConnection::MysqlConnection(std::unique_ptr<Impl> impl, MysqlUrl url) : impl_(std::move(impl)), url_(std::move(url)) {}

MysqlConnection::~MysqlConnection() {
  try {
    if (impl_ && impl_->connection) impl_->connection->close();
  } catch (const ::sql::SQLException&) {
    // Closing a connection the server already dropped: nothing left to release.
  }
}

std::unique_ptr<MysqlConnection> MysqlConnection::open(const MysqlUrl& url) {
  auto impl = std::make_unique<Impl>();
  try {
    ::sql::mysql::MySQL_Driver* driver = ::sql::mysql::get_mysql_driver_instance();
    ::sql::ConnectOptionsMap options = connect_options(url);
    impl->connection.reset(driver->connect(options));
  } catch (const ::sql::SQLException& e) {
    throw from_exception(e, url, ErrorPhase::Connecting);
  }
  std::unique_ptr<MysqlConnection> conn(new MysqlConnection(std::move(impl), url));
  // Timestamps the server makes (CURRENT_TIMESTAMP(3) defaults of _prisma_migrations) in UTC,
  // like the values we bind.
  conn->execute("SET time_zone = '+00:00'");
  if (url.use_ssl) {
    // The client library enforces TLS only when it also verifies the certificate; Prisma's
    // driver requires TLS whenever an ssl parameter is given, so check that we got it.
    const auto rows = conn->query("SHOW SESSION STATUS LIKE 'Ssl_cipher'");
    if (rows.empty() || rows[0].size() < 2 || rows[0][1].value_or("").empty())
      throw DatabaseError("P1011", "Error opening a TLS connection: TLS/SSL error: SSL is required, but the server does not support it");
  }
  return conn;
}

void MysqlConnection::run(const std::string& sql, std::vector<Row>* rows) {
  try {
    std::unique_ptr<::sql::Statement> statement(impl_->connection->createStatement());
    bool has_result = statement->execute(sql);
    // Drain every result set (a CALL may produce several), keeping the rows of the first one.
    bool first_set = true;
    while (has_result) {
      std::unique_ptr<::sql::ResultSet> rs(statement->getResultSet());
      if (rs) {
        const unsigned columns = rs->getMetaData()->getColumnCount();
        while (rs->next())
          if (rows != nullptr && first_set) rows->push_back(read_row(*rs, columns));
        first_set = false;
      }
      has_result = statement->getMoreResults();
    }
  } catch (const ::sql::SQLException& e) {
    throw from_exception(e, url_, ErrorPhase::Querying);
  }
}

void MysqlConnection::execute_script(std::string_view script) {
  const auto statements = split_mysql_statements(script);
  for (std::size_t k = 0; k < statements.size(); ++k) {
    try {
      run(std::string(statements[k]), nullptr);
    } catch (MysqlError& e) {
      e.failed_statement = k + 1;
      e.statement_count = statements.size();
      // Prisma's wording (sql-schema-connector flavour/mysql connection.rs apply_migration_script):
      // the statements before this one ran and stay applied.
      if (e.error_number > 0 && e.error_number < 2000)
        e.database_message = e.server_message + "\n\nPlease check the query number " + std::to_string(k + 1) +
                             " from the migration file.";
      throw;
    }
  }
}

void MysqlConnection::execute(std::string_view sql, const std::vector<Value>& params) {
  run(params.empty() ? std::string(sql) : bind_mysql_parameters(sql, params), nullptr);
}

std::vector<Row> MysqlConnection::query(std::string_view sql, const std::vector<Value>& params) {
  std::vector<Row> rows;
  run(params.empty() ? std::string(sql) : bind_mysql_parameters(sql, params), &rows);
  return rows;
}

sql::SqlSchema MysqlConnection::describe() { return describe_mysql(*this, url_.database); }

void MysqlConnection::reset() {
  if (url_.database.empty()) throw DatabaseError("", "The database URL names no database to reset.");
  const std::string name = quote_mysql_identifier(url_.database);
  try {
    execute("DROP DATABASE " + name);
  } catch (const MysqlError& e) {
    // Not allowed to drop the database (1044 database access denied): empty it instead, as
    // Prisma's best_effort_reset does.
    if (e.error_number != 1044) throw;
    drop_all_objects();
    return;
  }
  execute("CREATE DATABASE " + name);
  execute("USE " + name);
}

void MysqlConnection::drop_all_objects() {
  execute("SET FOREIGN_KEY_CHECKS = 0");
  for (const auto& row : query("SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?", {url_.database}))
    if (!row.empty() && row[0]) execute("DROP VIEW " + quote_mysql_identifier(*row[0]));
  for (const auto& row : query(
           "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'",
           {url_.database}))
    if (!row.empty() && row[0]) execute("DROP TABLE " + quote_mysql_identifier(*row[0]));
  for (const auto& row : query("SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?",
                               {url_.database}))
    if (row.size() == 2 && row[0] && row[1]) execute("DROP " + *row[0] + " " + quote_mysql_identifier(*row[1]));
  execute("SET FOREIGN_KEY_CHECKS = 1");
}

void MysqlConnection::lock() {
  if (const char* disabled = std::getenv("PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK"); disabled != nullptr && *disabled != '\0')
    return;
  const auto rows = query("SELECT GET_LOCK('prisma_migrate', 10)");
  if (rows.empty() || rows[0].empty() || rows[0][0] != std::optional<std::string>("1"))
    throw DatabaseError("P1002", lock_timeout_message(url_));
  locked_ = true;
}

void MysqlConnection::unlock() {
  if (!locked_) return;
  locked_ = false;
  execute("DO RELEASE_LOCK('prisma_migrate')");
}

std::string MysqlConnection::server_version() {
  const auto rows = query("SELECT @@version");
  return rows.empty() || rows[0].empty() ? "" : rows[0][0].value_or("");
}

bool MysqlConnection::is_mariadb() { return server_version().find("MariaDB") != std::string::npos; }

}  // namespace prismapp::dialect::mysql
