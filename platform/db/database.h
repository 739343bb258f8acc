// Database: the thin RAII wrapper over SQLCipher's C API that nothing bypasses.
#pragma once

#include "platform/core/result.h"
#include "platform/crypto/securebytes.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace samla::db {

class Database;

// A prepared statement. Bind parameters are 1-based, columns 0-based.
class Statement {
public:
    Statement() = default;
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &bind(int index, std::int64_t value);
    Statement &bind(int index, int value) { return bind(index, std::int64_t(value)); }
    Statement &bind(int index, const QString &text);
    Statement &bind(int index, const char *utf8);
    Statement &bindBlob(int index, QByteArrayView bytes);
    Statement &bindNull(int index);

    // Runs one step. Returns true while a row is available, false when done.
    [[nodiscard]] Result<bool> step();
    // Runs to completion, ignoring rows.
    [[nodiscard]] Status run();
    // Steps to the end, calling onRow() with each row current.
    template <typename OnRow>
    [[nodiscard]] Status forEachRow(OnRow &&onRow)
    {
        for (;;) {
            auto row = step();
            if (!row.ok())
                return row.error();
            if (!row.value())
                return {};
            onRow();
        }
    }
    void reset();

    std::int64_t columnInt(int column) const;
    QString columnText(int column) const;
    QByteArray columnBlob(int column) const;
    bool columnIsNull(int column) const;

private:
    friend class Database;
    Statement(Database *db, sqlite3_stmt *stmt) : m_db(db), m_stmt(stmt) {}
    Database *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

// One open SQLCipher connection, keyed exactly once with a 32-byte raw key.
class Database {
public:
    struct Options {
        bool create = false;              // create the file if missing
        bool readOnly = false;
        // SQLCipher page size. A save rewrites every page it touches (about a
        // dozen, in as many B-trees) and SQLCipher encrypts and authenticates
        // each whole page, so smaller pages mean less crypto per save. Files
        // made with the former 4096 still open: open() tries that size when
        // this one does not fit (kLegacyCipherPageSize).
        int cipherPageSize = 2048;
        // Page cache budget, filled only as pages are read. The cache holds
        // decrypted pages; every miss costs SQLCipher a page decryption and
        // HMAC check (a couple of µs for a 2 KiB page, cipherprovider.h),
        // so the budget keeps a project of some 40,000 notes wholly cached.
        int cacheSizeKiB = 128 * 1024;
    };

    ~Database();
    Database(Database &&) = delete;
    Database(const Database &) = delete;

    // The page size of stores made before 2048 became the default.
    static constexpr int kLegacyCipherPageSize = 4096;

    // Opens and keys the database, then proves the key by reading
    // sqlite_master. A wrong key is ErrorCode::WrongKey and leaves the file
    // untouched. Applies WAL, temp_store=MEMORY, foreign_keys=ON.
    [[nodiscard]] static Result<std::unique_ptr<Database>> open(const QString &path,
                                                                const crypto::SecureBytes &rawKey,
                                                                const Options &options);

    [[nodiscard]] Status exec(const char *sql);
    [[nodiscard]] Result<Statement> prepare(const char *sql);
    // Prepared once per connection and reused; reset before it is handed out.
    [[nodiscard]] Result<Statement *> cached(const char *sql);

    [[nodiscard]] Status begin();     // BEGIN IMMEDIATE
    [[nodiscard]] Status commit();
    void rollback();
    bool inTransaction() const;

    std::int64_t lastInsertRowId() const;
    int changes() const;
    // PRAGMA user_version, used by migrations.
    [[nodiscard]] Result<int> userVersion();
    [[nodiscard]] Status setUserVersion(int version);
    // Runs PRAGMA cipher_integrity_check / integrity_check; Corrupt on failure.
    [[nodiscard]] Status checkIntegrity();

    // Test hook: after `statements` more successful statement steps, the next
    // step fails as an I/O error (negative disables). Lets tests break a
    // transaction halfway through.
    void failAfter(int statements) { m_failCountdown = statements; }
    // Test hook: caps the file size (PRAGMA max_page_count) to provoke "disk full".
    [[nodiscard]] Status setMaxPageCount(std::int64_t pages);

    QString path() const { return m_path; }
    // The page size the file was opened with (pass it on to open it again).
    int cipherPageSize() const { return m_cipherPageSize; }

    // Maps an SQLite result code and message to an Error.
    Error errorFromCode(int rc, const char *what) const;

private:
    friend class Statement;
    Database() = default;
    bool consumeInjectedFailure();
    static Result<std::unique_ptr<Database>> openWithPageSize(const QString &path, const crypto::SecureBytes &rawKey,
                                                              const Options &options, int pageSize);

    sqlite3 *m_db = nullptr;
    QString m_path;
    int m_cipherPageSize = 0;
    int m_failCountdown = -1;
    struct Cache;
    std::unique_ptr<Cache> m_cache;
};

// RAII transaction: rolls back unless commit() succeeded.
class Transaction {
public:
    explicit Transaction(Database &db) : m_db(db) {}
    ~Transaction() { if (m_active) m_db.rollback(); }
    [[nodiscard]] Status begin() { auto s = m_db.begin(); m_active = s.ok(); return s; }
    [[nodiscard]] Status commit() { auto s = m_db.commit(); if (s.ok()) m_active = false; return s; }
private:
    Database &m_db;
    bool m_active = false;
};

} // namespace samla::db
