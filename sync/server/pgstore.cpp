#include "pgstore.h"

#include "serverlog.h"

#include "platform/crypto/hasher.h"
#include "sync/protocol/attachmentmessages.h"
#include "sync/protocol/envelope.h"

#include <QRegularExpression>
#include <QUrl>

#include <pqxx/pqxx>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <utility>
#include <vector>

namespace samla::server {

namespace {

// Numbered migrations, applied in order in one transaction; samla_schema
// holds the number applied. They follow the embedded store's migrations one
// for one, so both backends keep the same tables and meanings.
const char *const kMigrations[] = {
    R"sql(
CREATE TABLE projects (
    id text PRIMARY KEY,
    created_ms bigint NOT NULL
);
CREATE TABLE devices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sign_key bytea NOT NULL UNIQUE,
    box_key bytea NOT NULL,
    enrolled_ms bigint NOT NULL,
    revoked_ms bigint
);
CREATE TABLE memberships (
    device bigint NOT NULL REFERENCES devices(id),
    project text NOT NULL REFERENCES projects(id),
    role text NOT NULL,
    PRIMARY KEY (device, project)
);
CREATE TABLE enrol_tokens (
    token_hash bytea PRIMARY KEY,
    project text NOT NULL REFERENCES projects(id),
    role text NOT NULL,
    expires_ms bigint NOT NULL,
    used_by bigint REFERENCES devices(id),
    used_ms bigint
);
CREATE TABLE nonces (
    device bigint NOT NULL,
    nonce bytea NOT NULL,
    expires_ms bigint NOT NULL,
    PRIMARY KEY (device, nonce)
);
CREATE INDEX nonces_expiry ON nonces(expires_ms);
-- The last server_seq given out (see push() for why not a sequence). Never
-- goes down, so a number is never given twice, even after ops are deleted.
CREATE TABLE server_seq (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    last bigint NOT NULL
);
INSERT INTO server_seq (last) VALUES (0);
CREATE TABLE ops (
    server_seq bigint PRIMARY KEY,
    op_id bytea NOT NULL UNIQUE,
    device bigint NOT NULL REFERENCES devices(id),
    device_seq bigint NOT NULL,
    project text NOT NULL REFERENCES projects(id),
    envelope bytea NOT NULL,
    received_ms bigint NOT NULL,
    UNIQUE (device, device_seq)
);
-- Envelopes are ciphertext: compressing them costs time and saves nothing.
ALTER TABLE ops ALTER COLUMN envelope SET STORAGE EXTERNAL;
CREATE INDEX ops_project ON ops(project, server_seq);
)sql",
    // 2: project keys sealed to devices by admin devices (opaque to the server).
    R"sql(
CREATE TABLE key_grants (
    project text NOT NULL REFERENCES projects(id),
    epoch bigint NOT NULL,
    recipient bigint NOT NULL REFERENCES devices(id),
    granter bytea NOT NULL,
    sealed bytea NOT NULL,
    signature bytea NOT NULL,
    created_ms bigint NOT NULL,
    PRIMARY KEY (project, epoch, recipient)
);
CREATE INDEX key_grants_recipient ON key_grants(recipient);
)sql",
    // 3: attachment blobs (ciphertext) as rows of chunks; see PgStore::appendBlob for why not large objects.
    R"sql(
CREATE TABLE attachment_blobs (
    project text NOT NULL REFERENCES projects(id),
    hash text NOT NULL,
    size bigint NOT NULL,
    held bigint NOT NULL,
    complete boolean NOT NULL DEFAULT false,
    created_ms bigint NOT NULL,
    PRIMARY KEY (project, hash)
);
CREATE TABLE attachment_chunks (
    project text NOT NULL,
    hash text NOT NULL,
    at bigint NOT NULL,
    data bytea NOT NULL,
    PRIMARY KEY (project, hash, at),
    FOREIGN KEY (project, hash) REFERENCES attachment_blobs (project, hash) ON DELETE CASCADE
);
ALTER TABLE attachment_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
)sql",
    // 4: request nonces are gone with per-request signatures (session tokens
    // live in the server's memory; see sessions.h).
    R"sql(
DROP TABLE nonces;
)sql",
    // 5: each device's signature of its box key (see protocol::EnrolRequest);
    // erasure: each op's record id (from its clear header; older rows get
    // theirs in backfillRecordIds), the records and blobs erased.
    R"sql(
ALTER TABLE devices ADD COLUMN box_proof bytea;
ALTER TABLE ops ADD COLUMN record_id text;
ALTER TABLE ops ADD COLUMN erasure boolean NOT NULL DEFAULT false;
CREATE INDEX ops_record ON ops(project, record_id);
CREATE TABLE erased_records (
    project text NOT NULL REFERENCES projects(id),
    record_id text NOT NULL,
    erased_ms bigint NOT NULL,
    PRIMARY KEY (project, record_id)
);
CREATE TABLE erased_blobs (
    project text NOT NULL REFERENCES projects(id),
    hash text NOT NULL,
    erased_ms bigint NOT NULL,
    PRIMARY KEY (project, hash)
);
)sql",
};

// Taken while the schema is checked or changed, so two samla-server
// processes starting at once do not both migrate ("samla" in ASCII).
constexpr char kSchemaLock[] = "SELECT pg_advisory_xact_lock(1935764844)";

// Every statement with a parameter, prepared once per connection. Values
// are always bound, never put into SQL text.
struct PreparedStatement {
    const char *name;
    const char *sql;
};
const PreparedStatement kStatements[] = {
    {"project_insert", "INSERT INTO projects (id, created_ms) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING"},
    {"projects", "SELECT id FROM projects ORDER BY id"},
    {"project_exists", "SELECT 1 FROM projects WHERE id = $1"},
    {"token_insert", "INSERT INTO enrol_tokens (token_hash, project, role, expires_ms) VALUES ($1, $2, $3, $4)"},
    // Locked: two devices racing for one token are served one after the other.
    {"token_lock", "SELECT project, role, expires_ms, used_by FROM enrol_tokens WHERE token_hash = $1 FOR UPDATE"},
    {"token_use", "UPDATE enrol_tokens SET used_by = $1, used_ms = $2 WHERE token_hash = $3"},
    {"device_by_key", "SELECT id, sign_key, box_key, enrolled_ms, revoked_ms FROM devices WHERE sign_key = $1"},
    {"device_insert", "INSERT INTO devices (sign_key, box_key, enrolled_ms, box_proof) VALUES ($1, $2, $3, $4) "
                      "ON CONFLICT (sign_key) DO NOTHING RETURNING id"},
    // A device enrolled before box keys were signed gets its signature now.
    {"device_box_proof", "UPDATE devices SET box_proof = $1 WHERE id = $2 AND box_proof IS NULL AND box_key = $3"},
    {"devices", "SELECT id, sign_key, box_key, enrolled_ms, revoked_ms FROM devices ORDER BY id"},
    {"device_revoke", "UPDATE devices SET revoked_ms = $1 WHERE sign_key = $2 AND revoked_ms IS NULL"},
    // A later token for the same project replaces the role, as in the embedded store.
    {"membership_upsert", "INSERT INTO memberships (device, project, role) VALUES ($1, $2, $3) "
                          "ON CONFLICT (device, project) DO UPDATE SET role = excluded.role"},
    {"memberships", "SELECT project, role FROM memberships WHERE device = $1 ORDER BY project"},
    {"device_lock", "SELECT id FROM devices WHERE id = $1 FOR UPDATE"},
    {"high", "SELECT coalesce(max(device_seq), 0) FROM ops WHERE device = $1"},
    {"op_by_id", "SELECT device, device_seq, server_seq FROM ops WHERE op_id = $1"},
    {"seq_lock", "SELECT last FROM server_seq FOR UPDATE"},
    {"seq_set", "UPDATE server_seq SET last = $1"},
    {"op_insert", "INSERT INTO ops (server_seq, op_id, device, device_seq, project, envelope, received_ms, "
                  "record_id, erasure) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"},
    // Erasure (see serverstore.h): the envelopes of a record's other ops go.
    {"record_erased", "SELECT 1 FROM erased_records WHERE project = $1 AND record_id = $2"},
    {"record_erase", "INSERT INTO erased_records (project, record_id, erased_ms) VALUES ($1, $2, $3) "
                     "ON CONFLICT DO NOTHING"},
    {"record_strip", "UPDATE ops SET envelope = '' WHERE project = $1 AND record_id = $2 AND NOT erasure "
                     "AND server_seq <> $3 AND octet_length(envelope) > 0"},
    {"blob_erase", "DELETE FROM attachment_blobs WHERE project = $1 AND hash = $2"},
    {"blob_erased_insert", "INSERT INTO erased_blobs (project, hash, erased_ms) VALUES ($1, $2, $3) "
                           "ON CONFLICT DO NOTHING"},
    {"blob_erased", "SELECT 1 FROM erased_blobs WHERE project = $1 AND hash = $2"},
    // Sizes first (octet_length reads no envelope), then the envelopes of the
    // page; erased envelopes (empty) are stepped over.
    {"pull_sizes", "SELECT server_seq, octet_length(envelope) FROM ops WHERE server_seq > $1 AND project IN "
                   "(SELECT project FROM memberships WHERE device = $2 AND role IN ('member', 'admin')) "
                   "AND octet_length(envelope) > 0 ORDER BY server_seq LIMIT $3"},
    {"pull_page", "SELECT server_seq, envelope FROM ops WHERE server_seq > $1 AND server_seq <= $2 AND project IN "
                  "(SELECT project FROM memberships WHERE device = $3 AND role IN ('member', 'admin')) "
                  "AND octet_length(envelope) > 0 ORDER BY server_seq"},
    {"counts", "SELECT (SELECT count(*) FROM projects), (SELECT count(*) FROM devices), "
               "(SELECT count(*) FROM devices WHERE revoked_ms IS NOT NULL), (SELECT count(*) FROM ops), "
               "(SELECT coalesce(max(server_seq), 0) FROM ops), "
               "(SELECT count(*) FROM ops WHERE octet_length(envelope) = 0), "
               "(SELECT count(*) FROM (SELECT device FROM ops GROUP BY device "
               " HAVING count(*) <> max(device_seq) OR min(device_seq) <> 1) gaps)"},
    {"grant_member", "SELECT d.id FROM devices d JOIN memberships m ON m.device = d.id "
                     "WHERE d.sign_key = $1 AND m.project = $2 AND d.revoked_ms IS NULL "
                     "AND m.role IN ('member', 'admin', 'writeonly')"},
    {"grant_insert", "INSERT INTO key_grants (project, epoch, recipient, granter, sealed, signature, created_ms) "
                     "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (project, epoch, recipient) DO NOTHING"},
    {"grants_for", "SELECT g.project, g.epoch, d.sign_key, g.sealed, g.granter, g.signature "
                   "FROM key_grants g JOIN devices d ON d.id = g.recipient "
                   "WHERE g.recipient = $1 ORDER BY g.project, g.epoch"},
    {"members", "SELECT d.sign_key, d.box_key, m.role, d.revoked_ms IS NOT NULL, "
                "(SELECT string_agg(g.epoch::text, ',' ORDER BY g.epoch) FROM key_grants g "
                " WHERE g.project = m.project AND g.recipient = d.id), d.box_proof "
                "FROM memberships m JOIN devices d ON d.id = m.device "
                "WHERE m.project = $1 ORDER BY d.enrolled_ms, d.id"},
};

pqxx::binarystring blob(const QByteArray &bytes)
{
    return pqxx::binarystring(bytes.constData(), std::size_t(bytes.size()));
}

std::string text(const QString &s)
{
    return s.toStdString();
}

QByteArray blobOf(const pqxx::field &f)
{
    const pqxx::binarystring b(f);
    return QByteArray(reinterpret_cast<const char *>(b.data()), qsizetype(b.size()));
}

QString textOf(const pqxx::field &f)
{
    return QString::fromUtf8(f.c_str(), qsizetype(f.size()));
}

std::int64_t intOf(const pqxx::field &f)
{
    return f.as<std::int64_t>();
}

DeviceInfo deviceFromRow(const pqxx::row &r)
{
    DeviceInfo d;
    d.id = intOf(r[0]);
    d.signKey = blobOf(r[1]);
    d.boxKey = blobOf(r[2]);
    d.enrolledMs = intOf(r[3]);
    if (!r[4].is_null())
        d.revokedMs = intOf(r[4]);
    return d;
}

// The password of a store URL in the forms it can take in the URL text
// (as written and percent-decoded), to scrub from any message.
QStringList passwordForms(const QString &url)
{
    QStringList forms;
    const qsizetype scheme = url.indexOf(QLatin1String("://"));
    if (scheme < 0)
        return forms;
    const qsizetype query = url.indexOf(QLatin1Char('?'), scheme + 3);
    const qsizetype at = url.lastIndexOf(QLatin1Char('@'), query < 0 ? -1 : query);
    if (at > scheme) {
        const qsizetype colon = url.indexOf(QLatin1Char(':'), scheme + 3);
        if (colon >= 0 && colon < at)
            forms << url.mid(colon + 1, at - colon - 1);
    }
    static const QRegularExpression param(QStringLiteral("password=([^&]*)"));
    for (auto it = param.globalMatch(url, query < 0 ? 0 : query); it.hasNext();)
        forms << it.next().captured(1);
    QStringList out;
    for (const QString &f : std::as_const(forms)) {
        if (f.isEmpty())
            continue;
        out << f;
        const QString decoded = QUrl::fromPercentEncoding(f.toUtf8());
        if (decoded != f)
            out << decoded;
    }
    return out;
}

} // namespace

bool isPostgresUrl(const QString &url)
{
    return url.startsWith(QLatin1String("postgresql://")) || url.startsWith(QLatin1String("postgres://"));
}

QString redactStoreUrl(const QString &url)
{
    QString out = url;
    const qsizetype scheme = url.indexOf(QLatin1String("://"));
    if (scheme < 0)
        return out;
    const qsizetype query = url.indexOf(QLatin1Char('?'), scheme + 3);
    const qsizetype at = url.lastIndexOf(QLatin1Char('@'), query < 0 ? -1 : query);
    if (at > scheme) {
        const qsizetype colon = url.indexOf(QLatin1Char(':'), scheme + 3);
        if (colon >= 0 && colon < at)
            out = url.left(colon + 1) + QLatin1String("***") + url.mid(at);
    }
    static const QRegularExpression param(QStringLiteral("password=[^&]*"));
    const qsizetype outQuery = out.indexOf(QLatin1Char('?'), scheme + 3);
    if (outQuery >= 0)
        out = out.left(outQuery) + out.mid(outQuery).replace(param, QStringLiteral("password=***"));
    return out;
}

// A few open connections, each used by one call at a time: libpqxx
// connections and transactions are not thread-safe, so a call borrows a
// connection for its whole transaction (the mutex guards only the list of
// idle ones). The HTTP server may call the store from several threads; each
// gets its own connection, or waits for one.
struct PgStore::Pool {
    std::string url;
    QString redacted;
    QStringList secrets;
    int max = 4;

    std::mutex mutex;
    std::condition_variable freed;
    std::vector<std::unique_ptr<pqxx::connection>> idle;
    int open = 0;

    Pool(const QString &storeUrl, int maxConnections)
        : url(storeUrl.toStdString()), redacted(redactStoreUrl(storeUrl)), secrets(passwordForms(storeUrl)),
          max(std::max(1, maxConnections))
    {
    }

    // The first line of a libpq or libpqxx message (later lines may quote
    // values), without the password should it ever appear.
    QString clean(const char *what) const
    {
        QString s = QString::fromUtf8(what);
        s = s.left(s.indexOf(QLatin1Char('\n'))).trimmed();
        if (s.startsWith(QLatin1String("ERROR:")))
            s = s.mid(6).trimmed();
        for (const QString &secret : secrets)
            s.replace(secret, QLatin1String("***"));
        return s;
    }

    Error connectError(const char *what) const
    {
        const QString message = clean(what);
        const auto has = [&](const char *words) { return message.contains(QLatin1String(words)); };
        if (has("authentication failed") || has("no password supplied") || has("pg_hba.conf"))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("PostgreSQL refused the login to %1: %2 (check the user, and the password "
                                            "in ~/.pgpass or PGPASSFILE)")
                                 .arg(redacted, message));
        if (message.contains(QLatin1String("does not exist")))
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("PostgreSQL at %1: %2 (create the role and the database first, see "
                                            "docs/sync-server.md)")
                                 .arg(redacted, message));
        if (has("connection to server") || has("could not translate host name") || has("timeout expired"))
            return makeError(ErrorCode::Io,
                             QStringLiteral("cannot reach PostgreSQL at %1: %2").arg(redacted, message));
        // libpq's own objections, before it tried to connect: a malformed URL.
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("cannot connect to PostgreSQL with %1: %2").arg(redacted, message));
    }

    Result<std::unique_ptr<pqxx::connection>> connect()
    {
        try {
            auto c = std::make_unique<pqxx::connection>(url);
            for (const PreparedStatement &s : kStatements)
                c->prepare(s.name, s.sql);
            return c;
        } catch (const pqxx::broken_connection &e) {
            return connectError(e.what());
        } catch (const std::exception &e) {
            return connectError(e.what());
        }
    }

    Result<std::unique_ptr<pqxx::connection>> take()
    {
        {
            std::unique_lock lock(mutex);
            freed.wait(lock, [this] { return !idle.empty() || open < max; });
            if (!idle.empty()) {
                std::unique_ptr<pqxx::connection> c = std::move(idle.back());
                idle.pop_back();
                return c;
            }
            ++open;
        }
        // Connecting takes a round trip or more: not under the lock.
        auto c = connect();
        if (!c.ok()) {
            std::lock_guard lock(mutex);
            --open;
            freed.notify_one();
        }
        return c;
    }

    void giveBack(std::unique_ptr<pqxx::connection> c, bool broken)
    {
        std::unique_ptr<pqxx::connection> dropped;
        {
            std::lock_guard lock(mutex);
            if (c && !broken && c->is_open()) {
                idle.push_back(std::move(c));
            } else {
                dropped = std::move(c);
                --open;
            }
            freed.notify_one();
        }
    }

    // Runs body with a borrowed connection; libpqxx's exceptions become
    // errors here and go no further. A connection that broke is dropped and
    // the next call opens a new one, so the server outlives a database restart.
    // Failures are logged (the HTTP layer only answers 500), except while
    // opening, whose caller reports them.
    template <typename R, typename F>
    R run(const char *what, F &&body, bool log = true)
    {
        auto taken = take();
        if (!taken.ok()) {
            if (log)
                qCWarning(lcServer).noquote() << "store" << what << "failed:" << taken.error().detail;
            return R(taken.error());
        }
        std::unique_ptr<pqxx::connection> c = std::move(taken.value());
        bool broken = false;
        Error error;
        try {
            R result = body(*c);
            giveBack(std::move(c), false);
            return result;
        } catch (const pqxx::broken_connection &e) {
            broken = true;
            error = makeError(ErrorCode::Io, QStringLiteral("lost the connection to PostgreSQL at %1: %2")
                                                 .arg(redacted, clean(e.what())));
        } catch (const pqxx::in_doubt_error &e) {
            // The commit may or may not have happened: the device retries,
            // and a stored op answers with its old receipt.
            broken = true;
            error = makeError(ErrorCode::Io, QStringLiteral("commit outcome unknown: %1").arg(clean(e.what())));
        } catch (const pqxx::sql_error &e) {
            error = makeError(ErrorCode::Internal, QStringLiteral("PostgreSQL: %1 (SQLSTATE %2)")
                                                       .arg(clean(e.what()), QString::fromStdString(e.sqlstate())));
        } catch (const std::exception &e) {
            broken = true;
            error = makeError(ErrorCode::Internal, QStringLiteral("PostgreSQL: %1").arg(clean(e.what())));
        }
        giveBack(std::move(c), broken);
        if (log)
            qCWarning(lcServer).noquote() << "store" << what << "failed:" << error.detail;
        return R(error);
    }
};

PgStore::PgStore(std::unique_ptr<Pool> pool) : m_pool(std::move(pool)) {}
PgStore::~PgStore() = default;

int PgStore::schemaVersion()
{
    return int(std::size(kMigrations));
}

namespace {

// With no connect_timeout in the URL, an unreachable host would hold a
// command (or a request) for the TCP timeout, minutes; libpq reads this default.
void defaultConnectTimeout()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (!qEnvironmentVariableIsSet("PGCONNECT_TIMEOUT"))
            qputenv("PGCONNECT_TIMEOUT", "10");
    });
}

// Migration 5 added ops.record_id: the ops stored before it get theirs from
// their own clear headers.
void backfillRecordIds(pqxx::work &tx)
{
    const pqxx::result rows = tx.exec("SELECT server_seq, envelope FROM ops WHERE record_id IS NULL");
    for (const pqxx::row &r : rows) {
        auto envelope = protocol::decodeEnvelope(blobOf(r[1]), {protocol::kMaxEnvelopeBytes});
        if (envelope.ok())
            tx.exec_params("UPDATE ops SET record_id = $1 WHERE server_seq = $2", text(envelope->header.recordId),
                           intOf(r[0]));
    }
}

} // namespace

Status PgStore::checkEmpty(const QString &url)
{
    defaultConnectTimeout();
    Pool pool(url, 1);
    return pool.run<Status>("check", [](pqxx::connection &c) -> Status {
        pqxx::nontransaction tx(c);
        const pqxx::row r = tx.exec1("SELECT to_regclass('samla_schema') IS NOT NULL, "
                                     "coalesce(has_schema_privilege(current_schema(), 'CREATE'), false)");
        if (r[0].as<bool>())
            return makeError(ErrorCode::AlreadyExists,
                             QStringLiteral("the database already holds a samla-server store"));
        if (!r[1].as<bool>())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("this role cannot create tables in the database (make it the "
                                            "database's owner, see docs/sync-server.md)"));
        return {};
    }, false);
}

Result<std::unique_ptr<PgStore>> PgStore::open(const QString &url, Mode mode, Options options)
{
    if (!isPostgresUrl(url))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("--store takes a postgresql://user@host:port/database URL"));
    defaultConnectTimeout();
    auto pool = std::make_unique<Pool>(url, options.maxConnections);
    auto ready = pool->run<Status>("schema", [mode](pqxx::connection &c) -> Status {
        pqxx::work tx(c);
        tx.exec(kSchemaLock);
        const bool exists = tx.exec1("SELECT to_regclass('samla_schema') IS NOT NULL")[0].as<bool>();
        if (mode == Mode::Create) {
            if (exists)
                return makeError(ErrorCode::AlreadyExists,
                                 QStringLiteral("the database already holds a samla-server store"));
            tx.exec("CREATE TABLE samla_schema (one boolean PRIMARY KEY DEFAULT true CHECK (one), "
                    "version integer NOT NULL); INSERT INTO samla_schema (version) VALUES (0)");
        } else if (!exists) {
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("the database holds no samla-server store (run `samla-server init "
                                            "--store …` first)"));
        }
        const int version = tx.exec1("SELECT version FROM samla_schema")[0].as<int>();
        const int known = int(std::size(kMigrations));
        if (version > known)
            return makeError(ErrorCode::Unsupported,
                             QStringLiteral("server store is newer than this samla-server (schema %1, this build "
                                            "knows up to %2): upgrade samla-server")
                                 .arg(version)
                                 .arg(known));
        for (int v = version; v < known; ++v) {
            tx.exec(kMigrations[v]);
            if (v + 1 == 5)
                backfillRecordIds(tx);
        }
        if (version < known)
            tx.exec_params("UPDATE samla_schema SET version = $1", known);
        tx.commit();
        return {};
    }, false);
    if (!ready.ok())
        return ready.error();
    return std::unique_ptr<PgStore>(new PgStore(std::move(pool)));
}

Status PgStore::createProject(const QString &projectId, std::int64_t nowMs)
{
    return m_pool->run<Status>("createProject", [&](pqxx::connection &c) -> Status {
        pqxx::work tx(c);
        if (tx.exec_prepared("project_insert", text(projectId), nowMs).affected_rows() == 0)
            return makeError(ErrorCode::AlreadyExists, QStringLiteral("project exists"));
        tx.commit();
        return {};
    });
}

Result<QList<QString>> PgStore::projects()
{
    return m_pool->run<Result<QList<QString>>>("projects", [](pqxx::connection &c) -> Result<QList<QString>> {
        pqxx::nontransaction tx(c);
        QList<QString> out;
        for (const pqxx::row &r : tx.exec_prepared("projects"))
            out.append(textOf(r[0]));
        return out;
    });
}

Status PgStore::addEnrolToken(const QByteArray &tokenHash, const QString &projectId, const QString &role,
                              std::int64_t expiresMs)
{
    return m_pool->run<Status>("addEnrolToken", [&](pqxx::connection &c) -> Status {
        pqxx::work tx(c);
        if (tx.exec_prepared("project_exists", text(projectId)).empty())
            return makeError(ErrorCode::NotFound, QStringLiteral("no such project"));
        tx.exec_prepared("token_insert", blob(tokenHash), text(projectId), text(role), expiresMs);
        tx.commit();
        return {};
    });
}

Result<EnrolResult> PgStore::enrol(const QByteArray &tokenHash, const QByteArray &signKey, const QByteArray &boxKey,
                                   const QByteArray &boxProof, std::int64_t nowMs)
{
    return m_pool->run<Result<EnrolResult>>("enrol", [&](pqxx::connection &c) -> Result<EnrolResult> {
        pqxx::work tx(c);
        const pqxx::result token = tx.exec_prepared("token_lock", blob(tokenHash));
        if (token.empty())
            return EnrolResult{EnrolOutcome::BadToken, {}};
        const Membership membership{textOf(token[0][0]), textOf(token[0][1])};
        const std::int64_t expiresMs = intOf(token[0][2]);
        const bool used = !token[0][3].is_null();
        const std::int64_t usedBy = used ? intOf(token[0][3]) : 0;
        const pqxx::result existing = tx.exec_prepared("device_by_key", blob(signKey));
        std::optional<DeviceInfo> known;
        if (!existing.empty())
            known = deviceFromRow(existing[0]);
        if (known && known->revokedMs)
            return EnrolResult{EnrolOutcome::Revoked, {}};
        if (used) {
            // The same device asking again (its first answer was lost) gets the same answer.
            if (known && known->id == usedBy)
                return EnrolResult{EnrolOutcome::Enrolled, membership};
            return EnrolResult{EnrolOutcome::BadToken, {}};
        }
        if (expiresMs < nowMs)
            return EnrolResult{EnrolOutcome::BadToken, {}};

        std::int64_t deviceId = 0;
        if (known) {
            deviceId = known->id;
            tx.exec_prepared("device_box_proof", blob(boxProof), deviceId, blob(boxKey));
        } else {
            const pqxx::result inserted = tx.exec_prepared("device_insert", blob(signKey), blob(boxKey), nowMs, blob(boxProof));
            if (inserted.empty()) {
                // The same key enrolled through another token in a transaction
                // that committed meanwhile: join that device row.
                const pqxx::result again = tx.exec_prepared("device_by_key", blob(signKey));
                if (again.empty())
                    return makeError(ErrorCode::Internal, QStringLiteral("device row vanished"));
                if (!again[0][4].is_null())
                    return EnrolResult{EnrolOutcome::Revoked, {}};
                deviceId = intOf(again[0][0]);
            } else {
                deviceId = intOf(inserted[0][0]);
            }
        }
        tx.exec_prepared("membership_upsert", deviceId, text(membership.projectId), text(membership.role));
        tx.exec_prepared("token_use", deviceId, nowMs, blob(tokenHash));
        tx.commit();
        return EnrolResult{EnrolOutcome::Enrolled, membership};
    });
}

Result<std::optional<DeviceInfo>> PgStore::device(const QByteArray &signKey)
{
    using R = Result<std::optional<DeviceInfo>>;
    return m_pool->run<R>("device", [&](pqxx::connection &c) -> R {
        pqxx::nontransaction tx(c);
        const pqxx::result r = tx.exec_prepared("device_by_key", blob(signKey));
        std::optional<DeviceInfo> out;
        if (!r.empty())
            out = deviceFromRow(r[0]);
        return out;
    });
}

Result<QList<DeviceInfo>> PgStore::devices()
{
    return m_pool->run<Result<QList<DeviceInfo>>>("devices", [](pqxx::connection &c) -> Result<QList<DeviceInfo>> {
        pqxx::nontransaction tx(c);
        QList<DeviceInfo> out;
        for (const pqxx::row &r : tx.exec_prepared("devices"))
            out.append(deviceFromRow(r));
        return out;
    });
}

Result<QList<Membership>> PgStore::memberships(std::int64_t deviceId)
{
    using R = Result<QList<Membership>>;
    return m_pool->run<R>("memberships", [&](pqxx::connection &c) -> R {
        pqxx::nontransaction tx(c);
        QList<Membership> out;
        for (const pqxx::row &r : tx.exec_prepared("memberships", deviceId))
            out.append(Membership{textOf(r[0]), textOf(r[1])});
        return out;
    });
}

Status PgStore::revokeDevice(const QByteArray &signKey, std::int64_t nowMs)
{
    return m_pool->run<Status>("revokeDevice", [&](pqxx::connection &c) -> Status {
        pqxx::work tx(c);
        if (tx.exec_prepared("device_revoke", nowMs, blob(signKey)).affected_rows() == 0
            && tx.exec_prepared("device_by_key", blob(signKey)).empty())
            return makeError(ErrorCode::NotFound, QStringLiteral("no such device"));
        tx.commit();
        return {};
    });
}

Result<std::int64_t> PgStore::highWaterMark(std::int64_t deviceId)
{
    return m_pool->run<Result<std::int64_t>>("highWaterMark", [&](pqxx::connection &c) -> Result<std::int64_t> {
        pqxx::nontransaction tx(c);
        return intOf(tx.exec_prepared1("high", deviceId)[0]);
    });
}

namespace {

// One device's ops inside the caller's transaction, which holds the device's
// row lock (device_lock). lastSeq: the server_seq counter once a push of the
// transaction took its lock (seq_lock); the caller writes it back (seq_set)
// before the commit.
PushResult pushInTransaction(pqxx::work &tx, std::int64_t deviceId, const QList<StoredOp> &ops, std::int64_t nowMs,
                             std::optional<std::int64_t> &lastSeq)
{
    PushResult result;
    result.high = intOf(tx.exec_prepared1("high", deviceId)[0]);
    // server_seq comes from one counter row, locked (FOR UPDATE) from the
    // first new op of a push until the push commits; not from a sequence.
    // nextval() hands out numbers when called, not when the transaction
    // commits: a push holding 11 could commit before one holding 10, a
    // device pulling in between would see 11, move its cursor past 10,
    // and never receive op 10. With the lock, pushes that store ops take
    // their numbers one after another and commit in that order (a
    // waiting push reads the counter only after the holder committed),
    // so whoever can see op n can see every op below n. A push that
    // only repeats stored ops never takes the lock.
    for (const StoredOp &op : ops) {
        const pqxx::result found = tx.exec_prepared("op_by_id", blob(op.opId));
        if (!found.empty()) {
            const bool sameOp = intOf(found[0][0]) == deviceId && intOf(found[0][1]) == op.deviceSeq;
            if (!sameOp) {
                result.outcome = PushOutcome::OpConflict;
                break;
            }
            result.receipts.append(protocol::Receipt{op.opId, op.deviceSeq, intOf(found[0][2])});
            continue;
        }
        if (op.deviceSeq <= result.high) {
            result.outcome = PushOutcome::SeqConflict;
            break;
        }
        if (op.deviceSeq != result.high + 1) {
            result.outcome = PushOutcome::Gap;
            break;
        }
        if (!lastSeq)
            lastSeq = intOf(tx.exec_prepared1("seq_lock")[0]);
        const std::int64_t serverSeq = ++*lastSeq;
        // An op of a record erased already keeps its place, not its content.
        const bool keep = op.erasure || tx.exec_prepared("record_erased", text(op.projectId), text(op.recordId)).empty();
        if (!keep)
            ++result.erasedOps;
        tx.exec_prepared("op_insert", serverSeq, blob(op.opId), deviceId, op.deviceSeq, text(op.projectId),
                         blob(keep ? op.envelope : QByteArray()), nowMs, text(op.recordId), op.erasure);
        if (op.erasure) {
            tx.exec_prepared("record_erase", text(op.projectId), text(op.recordId), nowMs);
            result.erasedOps += int(
                tx.exec_prepared("record_strip", text(op.projectId), text(op.recordId), serverSeq).affected_rows());
            // The blob's chunks go with it (ON DELETE CASCADE).
            for (const QString &hash : op.erasedBlobs) {
                result.erasedBlobs += int(tx.exec_prepared("blob_erase", text(op.projectId), text(hash)).affected_rows());
                tx.exec_prepared("blob_erased_insert", text(op.projectId), text(hash), nowMs);
            }
        }
        result.receipts.append(protocol::Receipt{op.opId, op.deviceSeq, serverSeq});
        result.high = op.deviceSeq;
    }
    return result;
}

} // namespace

Result<PushResult> PgStore::push(std::int64_t deviceId, const QList<StoredOp> &ops, std::int64_t nowMs)
{
    return m_pool->run<Result<PushResult>>("push", [&](pqxx::connection &c) -> Result<PushResult> {
        pqxx::work tx(c);
        // One push per device at a time: the high-water mark read next stays
        // true until this transaction ends, so two concurrent retries of a
        // batch cannot both take the same device_seq.
        tx.exec_prepared("device_lock", deviceId);
        std::optional<std::int64_t> lastSeq;
        PushResult result = pushInTransaction(tx, deviceId, ops, nowMs, lastSeq);
        if (lastSeq)
            tx.exec_prepared("seq_set", *lastSeq);
        tx.commit();
        return result;
    });
}

Result<QList<PushResult>> PgStore::pushGroup(const QList<PushItem> &items, std::int64_t nowMs)
{
    using R = Result<QList<PushResult>>;
    return m_pool->run<R>("pushGroup", [&](pqxx::connection &c) -> R {
        pqxx::work tx(c);
        // Every device's lock first, in id order (as push() takes one before
        // the counter's): the group never waits for a device while it holds
        // the counter, so it cannot deadlock with a push elsewhere.
        std::vector<std::int64_t> ids;
        for (const PushItem &item : items)
            ids.push_back(item.deviceId);
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        for (std::int64_t id : ids)
            tx.exec_prepared("device_lock", id);
        std::optional<std::int64_t> lastSeq;
        QList<PushResult> out;
        out.reserve(items.size());
        for (const PushItem &item : items)
            out.append(pushInTransaction(tx, item.deviceId, item.ops, nowMs, lastSeq));
        if (lastSeq)
            tx.exec_prepared("seq_set", *lastSeq);
        tx.commit();
        return out;
    });
}

Result<protocol::PullResponse> PgStore::pull(std::int64_t deviceId, std::int64_t since, int limit,
                                             qsizetype maxBytes)
{
    using R = Result<protocol::PullResponse>;
    return m_pool->run<R>("pull", [&](pqxx::connection &c) -> R {
        // One snapshot for both reads. Only what fits the page is read:
        // up to `limit` envelopes of 4 MiB each would not fit in memory.
        pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(c);
        // One more than asked, to know whether another page waits.
        const pqxx::result sizes = tx.exec_prepared("pull_sizes", since, deviceId, std::int64_t(limit) + 1);
        protocol::PullResponse out;
        out.next = since;
        qsizetype bytes = 0;
        int count = 0;
        std::int64_t upTo = since;
        for (const pqxx::row &r : sizes) {
            const qsizetype size = qsizetype(intOf(r[1]));
            if (count == limit || (count > 0 && bytes + size > maxBytes)) {
                out.more = true;
                break;
            }
            bytes += size;
            ++count;
            upTo = intOf(r[0]);
        }
        if (count == 0)
            return out;
        for (const pqxx::row &r : tx.exec_prepared("pull_page", since, upTo, deviceId)) {
            out.next = intOf(r[0]);
            out.ops.append(protocol::PulledEnvelope{out.next, blobOf(r[1])});
        }
        tx.commit();
        return out;
    });
}

Result<ServerStore::Counts> PgStore::counts()
{
    return m_pool->run<Result<Counts>>("counts", [](pqxx::connection &c) -> Result<Counts> {
        pqxx::nontransaction tx(c);
        const pqxx::row r = tx.exec_prepared1("counts");
        return Counts{intOf(r[0]), intOf(r[1]), intOf(r[2]), intOf(r[3]), intOf(r[4]), intOf(r[5]), intOf(r[6])};
    });
}

Result<ServerStore::GrantOutcome> PgStore::putGrants(const QList<protocol::KeyGrant> &grants, std::int64_t nowMs)
{
    return m_pool->run<Result<GrantOutcome>>("putGrants", [&](pqxx::connection &c) -> Result<GrantOutcome> {
        pqxx::work tx(c);
        for (const protocol::KeyGrant &g : grants) {
            const pqxx::result member = tx.exec_prepared("grant_member", blob(g.recipient), text(g.projectId));
            if (member.empty())
                return GrantOutcome::NotMember;   // the transaction is rolled back: all or none
            tx.exec_prepared("grant_insert", text(g.projectId), std::int64_t(g.epoch), intOf(member[0][0]),
                             blob(g.granter), blob(g.sealed), blob(g.signature), nowMs);
        }
        tx.commit();
        return GrantOutcome::Stored;
    });
}

Result<QList<protocol::KeyGrant>> PgStore::grantsFor(std::int64_t deviceId)
{
    using R = Result<QList<protocol::KeyGrant>>;
    return m_pool->run<R>("grantsFor", [&](pqxx::connection &c) -> R {
        pqxx::nontransaction tx(c);
        QList<protocol::KeyGrant> out;
        for (const pqxx::row &r : tx.exec_prepared("grants_for", deviceId))
            out.append(protocol::KeyGrant{textOf(r[0]), std::uint32_t(intOf(r[1])), blobOf(r[2]), blobOf(r[3]),
                                          blobOf(r[4]), blobOf(r[5])});
        return out;
    });
}

Result<QList<protocol::Member>> PgStore::members(const QString &projectId)
{
    using R = Result<QList<protocol::Member>>;
    return m_pool->run<R>("members", [&](pqxx::connection &c) -> R {
        pqxx::nontransaction tx(c);
        QList<protocol::Member> out;
        for (const pqxx::row &r : tx.exec_prepared("members", text(projectId))) {
            protocol::Member m{blobOf(r[0]), blobOf(r[1]), textOf(r[2]), r[3].as<bool>(), {},
                               r[5].is_null() ? QByteArray() : blobOf(r[5])};
            if (!r[4].is_null())
                for (const QString &e : textOf(r[4]).split(QLatin1Char(','), Qt::SkipEmptyParts))
                    m.grantedEpochs.append(e.toUInt());
            out.append(m);
        }
        return out;
    });
}

// Attachment blobs as a chunk table rather than large objects: a chunk and
// the blob's new `held` commit in one ordinary transaction (so `held` never
// runs ahead of the bytes), a discarded blob goes with its row (ON DELETE
// CASCADE; large objects would need lo_unlink and leak when it is missed),
// and pg_dump, replicas and row permissions treat them like every other
// table. Chunks are the device's upload chunks (at most 4 MiB each), stored
// uncompressed (EXTERNAL) since ciphertext does not compress.
namespace {

BlobState blobStateOf(const pqxx::row &r)
{
    return BlobState{true, intOf(r[0]), intOf(r[1]), r[2].as<bool>()};
}

} // namespace

Result<BlobState> PgStore::blobState(const QString &projectId, const QString &hash)
{
    using R = Result<BlobState>;
    return m_pool->run<R>("blobState", [&](pqxx::connection &c) -> R {
        pqxx::nontransaction tx(c);
        const pqxx::result r = tx.exec_params("SELECT size, held, complete FROM attachment_blobs "
                                              "WHERE project = $1 AND hash = $2",
                                              text(projectId), text(hash));
        if (!r.empty())
            return blobStateOf(r[0]);
        BlobState state;
        state.erased = !tx.exec_prepared("blob_erased", text(projectId), text(hash)).empty();
        return state;
    });
}

Result<BlobState> PgStore::appendBlob(const QString &projectId, const QString &hash, std::int64_t size,
                                      std::int64_t offset, const QByteArray &bytes, std::int64_t nowMs)
{
    using R = Result<BlobState>;
    return m_pool->run<R>("appendBlob", [&](pqxx::connection &c) -> R {
        pqxx::work tx(c);
        if (!tx.exec_prepared("blob_erased", text(projectId), text(hash)).empty()) {
            BlobState erased;
            erased.erased = true;
            return erased;
        }
        if (offset == 0)
            tx.exec_params("INSERT INTO attachment_blobs (project, hash, size, held, complete, created_ms) "
                           "VALUES ($1, $2, $3, 0, false, $4) ON CONFLICT (project, hash) DO NOTHING",
                           text(projectId), text(hash), size, nowMs);
        // Locked: two uploads of one blob are served one after the other.
        const pqxx::result r = tx.exec_params("SELECT size, held, complete FROM attachment_blobs "
                                              "WHERE project = $1 AND hash = $2 FOR UPDATE",
                                              text(projectId), text(hash));
        if (r.empty())
            return BlobState{};
        BlobState state = blobStateOf(r[0]);
        if (state.complete || state.size != size || offset != state.held || bytes.isEmpty()
            || state.held + bytes.size() > state.size) {
            tx.commit();
            return state;
        }
        tx.exec_params("INSERT INTO attachment_chunks (project, hash, at, data) VALUES ($1, $2, $3, $4)",
                       text(projectId), text(hash), state.held, blob(bytes));
        state.held += bytes.size();
        tx.exec_params("UPDATE attachment_blobs SET held = $1 WHERE project = $2 AND hash = $3", state.held,
                       text(projectId), text(hash));
        tx.commit();
        return state;
    });
}

Result<QByteArray> PgStore::readBlob(const QString &projectId, const QString &hash, std::int64_t offset,
                                     qsizetype maxBytes)
{
    using R = Result<QByteArray>;
    return m_pool->run<R>("readBlob", [&](pqxx::connection &c) -> R {
        pqxx::work tx(c);
        const pqxx::result state = tx.exec_params("SELECT held FROM attachment_blobs WHERE project = $1 AND hash = $2",
                                                  text(projectId), text(hash));
        if (state.empty())
            return makeError(ErrorCode::NotFound, QStringLiteral("no such attachment blob"));
        const std::int64_t held = intOf(state[0][0]);
        if (offset < 0 || offset >= held || maxBytes <= 0)
            return QByteArray();
        const std::int64_t end = std::min<std::int64_t>(held, offset + maxBytes);
        // Only the chunks that overlap [offset, end), and only their overlapping part.
        const pqxx::result rows = tx.exec_params(
            "SELECT at, substring(data FROM greatest(1, $3 - at + 1)::int FOR ($4 - greatest(at, $3))::int) "
            "FROM attachment_chunks WHERE project = $1 AND hash = $2 AND at < $4 "
            "AND at + octet_length(data) > $3 ORDER BY at",
            text(projectId), text(hash), offset, end);
        QByteArray out;
        out.reserve(qsizetype(end - offset));
        for (const pqxx::row &row : rows) {
            if (offset + out.size() != std::max(intOf(row[0]), offset))
                return makeError(ErrorCode::Corrupt, QStringLiteral("attachment chunks do not join up"));
            out += blobOf(row[1]);
        }
        if (out.size() > end - offset)
            out.truncate(qsizetype(end - offset));
        if (out.size() != end - offset)
            return makeError(ErrorCode::Corrupt, QStringLiteral("attachment blob shorter than its state"));
        tx.commit();
        return out;
    });
}

Status PgStore::finishBlob(const QString &projectId, const QString &hash, bool keep)
{
    return m_pool->run<Status>("finishBlob", [&](pqxx::connection &c) -> Status {
        pqxx::work tx(c);
        if (keep)
            tx.exec_params("UPDATE attachment_blobs SET complete = true WHERE project = $1 AND hash = $2 "
                           "AND held = size",
                           text(projectId), text(hash));
        else
            tx.exec_params("DELETE FROM attachment_blobs WHERE project = $1 AND hash = $2", text(projectId),
                           text(hash));
        tx.commit();
        return {};
    });
}

Result<int> PgStore::expireUnfinishedBlobs(std::int64_t createdBeforeMs)
{
    return m_pool->run<Result<int>>("expireUnfinishedBlobs", [&](pqxx::connection &c) -> Result<int> {
        pqxx::work tx(c);
        // The chunks go with their blob (ON DELETE CASCADE).
        const pqxx::result r = tx.exec_params("DELETE FROM attachment_blobs WHERE NOT complete AND held < size "
                                              "AND created_ms < $1",
                                              createdBeforeMs);
        tx.commit();
        return int(r.affected_rows());
    });
}

Result<ServerStore::BlobHashJob> PgStore::blobHashJob(const QString &projectId, const QString &hash,
                                                       std::int64_t size)
{
    // readBlob borrows a connection of its own from the pool, so the job may
    // run on another thread while requests are served.
    return BlobHashJob([this, projectId, hash, size]() -> Result<QByteArray> {
        crypto::Hasher hasher;
        for (std::int64_t at = 0; at < size;) {
            auto piece = readBlob(projectId, hash, at, protocol::kMaxAttachmentChunk);
            if (!piece.ok())
                return piece.error();
            if (piece->isEmpty())
                return makeError(ErrorCode::Corrupt, QStringLiteral("attachment blob ended early"));
            hasher.update(piece.value());
            at += piece->size();
        }
        return hasher.finish();
    });
}

} // namespace samla::server
