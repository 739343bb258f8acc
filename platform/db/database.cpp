#include "database.h"

#include "platform/core/logging.h"
#include "platform/crypto/crypto.h"

#ifdef SAMLA_PLAIN_SQLITE
// Only the benchmark baseline (tests/bench) builds this file against plain
// SQLite, so both sides of the comparison run the same wrapper and store code.
#include <sqlite3.h>
#else
#include "cipherprovider.h"

#include <sqlcipher/sqlite3.h>
#endif

#include <QFileInfo>
#include <QHash>

#include <cstring>

namespace samla::db {

namespace {

Error errorFor(sqlite3 *db, int rc, const char *what)
{
    const int primary = rc & 0xff;
    const QString detail = QStringLiteral("%1: %2 (%3)")
                               .arg(QLatin1String(what), QLatin1String(sqlite3_errstr(rc)))
                               .arg(rc);
    Q_UNUSED(db);
    switch (primary) {
    case SQLITE_FULL: return makeError(ErrorCode::DiskFull, detail);
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN: return makeError(primary == SQLITE_CANTOPEN ? ErrorCode::Io : ErrorCode::ReadOnly, detail);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return makeError(ErrorCode::Corrupt, detail);
    case SQLITE_IOERR: return makeError(ErrorCode::Io, detail);
    case SQLITE_CONSTRAINT: return makeError(ErrorCode::AlreadyExists, detail);
    default: return makeError(ErrorCode::Internal, detail);
    }
}

} // namespace

// ---- Statement -------------------------------------------------------------

Statement::~Statement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt)
{
    other.m_stmt = nullptr;
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = other.m_stmt;
        other.m_stmt = nullptr;
    }
    return *this;
}

Statement &Statement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, const QString &text)
{
    if (text.isNull())
        return bindNull(index);
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bind(int index, const char *utf8)
{
    sqlite3_bind_text(m_stmt, index, utf8, -1, SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindBlob(int index, QByteArrayView bytes)
{
    // A zero-length blob must still be a blob, not NULL.
    static const char empty = 0;
    sqlite3_bind_blob(m_stmt, index, bytes.isEmpty() ? &empty : bytes.data(), int(bytes.size()),
                      SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Result<bool> Statement::step()
{
    if (m_db && m_db->consumeInjectedFailure()) {
        sqlite3_reset(m_stmt);
        return makeError(ErrorCode::Io, QStringLiteral("injected failure"));
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Error e = m_db->errorFromCode(rc, "step");
    sqlite3_reset(m_stmt);
    return e;
}

Status Statement::run()
{
    for (;;) {
        auto r = step();
        if (!r.ok())
            return r.error();
        if (!r.value())
            break;
    }
    sqlite3_reset(m_stmt);
    return {};
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::int64_t Statement::columnInt(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString Statement::columnText(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!text)
        return QString();
    return QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::columnBlob(int column) const
{
    const void *blob = sqlite3_column_blob(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return blob ? QByteArray(static_cast<const char *>(blob), size) : QByteArray();
}

bool Statement::columnIsNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

// ---- Database ----------------------------------------------------------------

struct Database::Cache {
    QHash<const char *, Statement *> statements;
    ~Cache() { qDeleteAll(statements); }
};

Database::~Database()
{
    m_cache.reset(); // statements must be finalised before the connection closes
    if (m_db) {
#ifndef SAMLA_PLAIN_SQLITE
        // Closing the last keyed connection makes SQLCipher free its provider.
        std::lock_guard lock(cipherProviderMutex());
#endif
        const int rc = sqlite3_close(m_db);
        if (rc != SQLITE_OK)
            qCWarning(lcDb) << "close failed" << rc;
    }
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const crypto::SecureBytes &rawKey,
                                                 const Options &options)
{
    if (rawKey.size() != crypto::kKeyBytes)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("database key must be 32 bytes"));
    if (!options.create && !QFileInfo::exists(path))
        return makeError(ErrorCode::NotFound, QStringLiteral("database file missing"));
    auto db = openWithPageSize(path, rawKey, options, options.cipherPageSize);
#ifndef SAMLA_PLAIN_SQLITE
    // A store made with the former page size reads as a wrong key at this
    // one (page 1's HMAC is not where it is looked for); try that size.
    if (!db.ok() && db.code() == ErrorCode::WrongKey && options.cipherPageSize != kLegacyCipherPageSize)
        db = openWithPageSize(path, rawKey, options, kLegacyCipherPageSize);
#endif
    return db;
}

Result<std::unique_ptr<Database>> Database::openWithPageSize(const QString &path, const crypto::SecureBytes &rawKey,
                                                             const Options &options, int pageSize)
{
    std::unique_ptr<Database> db(new Database());
    db->m_path = path;
    db->m_cipherPageSize = pageSize;
    db->m_cache = std::make_unique<Cache>();
    int flags = SQLITE_OPEN_FULLMUTEX;
    flags |= options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (options.create && !options.readOnly)
        flags |= SQLITE_OPEN_CREATE;
    const QByteArray nativePath = QFileInfo(path).absoluteFilePath().toUtf8();
    int rc = sqlite3_open_v2(nativePath.constData(), &db->m_db, flags, nullptr);
    if (rc != SQLITE_OK)
        return errorFor(db->m_db, rc, "open");
    sqlite3_extended_result_codes(db->m_db, 1);

#ifdef SAMLA_PLAIN_SQLITE
    const QByteArray pageSizePragma = "PRAGMA page_size = " + QByteArray::number(pageSize);
    SAMLA_TRY(db->exec(pageSizePragma.constData()));
#else
    // Raw key: SQLCipher takes x'<64 hex>' and skips its own PBKDF2. The
    // string is built in secure memory only. Keying takes up the registered
    // page-crypto provider (cipherprovider.h).
    {
        std::lock_guard lock(cipherProviderMutex());
        SAMLA_TRY(installCipherProviderLocked());
        const crypto::SecureBytes hex = crypto::toHexSecure(rawKey);
        crypto::SecureBytes keyString(hex.size() + 3);
        keyString.data()[0] = 'x';
        keyString.data()[1] = '\'';
        std::memcpy(keyString.data() + 2, hex.data(), hex.size());
        keyString.data()[hex.size() + 2] = '\'';
        rc = sqlite3_key(db->m_db, keyString.data(), int(keyString.size()));
        if (rc != SQLITE_OK)
            return errorFor(db->m_db, rc, "key");
    }
    const QByteArray pageSizePragma = "PRAGMA cipher_page_size = " + QByteArray::number(pageSize);
    SAMLA_TRY(db->exec(pageSizePragma.constData()));
#endif

    // Prove the key before anything can write: a wrong key fails here and the
    // file is not touched.
    rc = sqlite3_exec(db->m_db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        if ((rc & 0xff) == SQLITE_NOTADB)
            return makeError(ErrorCode::WrongKey, QStringLiteral("key did not open the database"));
        return errorFor(db->m_db, rc, "verify key");
    }

    const QByteArray cache = "PRAGMA cache_size = -" + QByteArray::number(options.cacheSizeKiB);
    SAMLA_TRY(db->exec(cache.constData()));
    SAMLA_TRY(db->exec("PRAGMA temp_store = MEMORY"));
    SAMLA_TRY(db->exec("PRAGMA foreign_keys = ON"));
    if (!options.readOnly) {
        SAMLA_TRY(db->exec("PRAGMA journal_mode = WAL"));
        // NORMAL in WAL mode is durable against application crashes and
        // keeps a power loss from corrupting the file.
        SAMLA_TRY(db->exec("PRAGMA synchronous = NORMAL"));
    }
    sqlite3_busy_timeout(db->m_db, 5000);
    return db;
}

Status Database::exec(const char *sql)
{
    if (consumeInjectedFailure())
        return makeError(ErrorCode::Io, QStringLiteral("injected failure"));
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &message);
    if (message)
        sqlite3_free(message);
    if (rc != SQLITE_OK)
        return errorFromCode(rc, "exec");
    return {};
}

Result<Statement> Database::prepare(const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    const int rc = sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        qCWarning(lcDb) << "prepare failed:" << sqlite3_errmsg(m_db);
        return errorFromCode(rc, "prepare");
    }
    return Statement(this, stmt);
}

Result<Statement *> Database::cached(const char *sql)
{
    if (Statement *s = m_cache->statements.value(sql)) {
        s->reset();
        return s;
    }
    auto prepared = prepare(sql);
    if (!prepared.ok())
        return prepared.error();
    auto *s = new Statement(std::move(prepared.value()));
    m_cache->statements.insert(sql, s);
    return s;
}

Status Database::begin()
{
    return exec("BEGIN IMMEDIATE");
}

Status Database::commit()
{
    return exec("COMMIT");
}

void Database::rollback()
{
    if (!sqlite3_get_autocommit(m_db))
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
}

bool Database::inTransaction() const
{
    return !sqlite3_get_autocommit(m_db);
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

Result<int> Database::userVersion()
{
    auto stmt = prepare("PRAGMA user_version");
    if (!stmt.ok())
        return stmt.error();
    auto row = stmt->step();
    if (!row.ok())
        return row.error();
    return int(stmt->columnInt(0));
}

Status Database::setUserVersion(int version)
{
    const QByteArray sql = "PRAGMA user_version = " + QByteArray::number(version);
    return exec(sql.constData());
}

Status Database::checkIntegrity()
{
    // cipher_integrity_check (SQLCipher 4) is not in 3.4; a full read of every
    // page through integrity_check makes the codec verify each page's HMAC.
    auto stmt = prepare("PRAGMA integrity_check");
    if (!stmt.ok())
        return stmt.error();
    auto row = stmt->step();
    if (!row.ok())
        return row.error();
    if (!row.value() || stmt->columnText(0) != QLatin1String("ok"))
        return makeError(ErrorCode::Corrupt, QStringLiteral("integrity check failed"));
    return {};
}

Status Database::setMaxPageCount(std::int64_t pages)
{
    const QByteArray sql = "PRAGMA max_page_count = " + QByteArray::number(pages);
    return exec(sql.constData());
}

Error Database::errorFromCode(int rc, const char *what) const
{
    return errorFor(m_db, rc, what);
}

bool Database::consumeInjectedFailure()
{
    if (m_failCountdown < 0)
        return false;
    if (m_failCountdown == 0) {
        m_failCountdown = -1;
        return true;
    }
    --m_failCountdown;
    return false;
}

} // namespace samla::db
