// A connection to one MySQL/MariaDB database over mysql-connector-c++ 1.1 (the connector's
// headers stay in the .cpp: this header is included by tests). Behaves like Prisma's schema
// engine connection (quaint + mysql_async): utf8mb4, session time zone UTC, Prisma's error
// codes, scripts run statement by statement because MySQL DDL is not transactional.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dialect/dialect.hpp"
#include "core/dialect/mysql/mysql_errors.hpp"
#include "core/dialect/mysql/mysql_url.hpp"

namespace prismapp::dialect::mysql {

class MysqlConnection final : public Connection {
 public:
  // Connects to the URL's database (or to the server alone when the URL names none). Throws
  // MysqlError P1000/P1001/P1003/P1010/... or DatabaseError P1013 (malformed URL).
  static std::unique_ptr<MysqlConnection> open(const MysqlUrl& url);
  static std::unique_ptr<MysqlConnection> open(const std::string& url) { return open(parse_mysql_url(url)); }

  ~MysqlConnection() override;
  MysqlConnection(const MysqlConnection&) = delete;
  MysqlConnection& operator=(const MysqlConnection&) = delete;

  // Splits the script into statements (quotes, backticks and comments respected) and runs them
  // one by one. When statement k of n fails, the MysqlError says so: failed_statement = k,
  // statement_count = n, database_message ends with Prisma's "Please check the query number k
  // from the migration file."; statements 1..k-1 stay applied.
  void execute_script(std::string_view sql) override;
  // One statement; `?` placeholders take the values (NULL or text).
  void execute(std::string_view sql, const std::vector<Value>& params = {}) override;
  // Every value comes back as text as the server prints it (DATETIME(3): "2024-01-31
  // 12:00:00.123"), NULL as nullopt.
  std::vector<Row> query(std::string_view sql, const std::vector<Value>& params = {}) override;
  // describe_mysql (mysql_describer.hpp) of the connected database.
  sql::SqlSchema describe() override;
  // Prisma's MySQL reset: DROP DATABASE, CREATE DATABASE, USE. A user who may not drop the
  // database gets drop_all_objects() instead (Prisma's best-effort reset).
  void reset() override;
  // Drops every view, table and stored routine of the database, foreign key checks off.
  void drop_all_objects();
  // SELECT GET_LOCK('prisma_migrate', 10): P1002 when another session held it for 10 s.
  // PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK set (non-empty) skips it. Released by unlock() or when
  // the connection closes.
  void lock() override;
  void unlock() override;

  const MysqlUrl& url() const { return url_; }
  // The connected database ("" when none).
  const std::string& database() const { return url_.database; }
  // SELECT @@version ("10.11.6-MariaDB-0+deb12u1").
  std::string server_version();
  bool is_mariadb();

 private:
  struct Impl;
  MysqlConnection(std::unique_ptr<Impl> impl, MysqlUrl url);
  // Runs one statement over the text protocol; collects rows when `rows` is given.
  void run(const std::string& sql, std::vector<Row>* rows);
  std::unique_ptr<Impl> impl_;
  MysqlUrl url_;
  bool locked_ = false;
};

}  // namespace prismapp::dialect::mysql
