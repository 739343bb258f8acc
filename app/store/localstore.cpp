#include "localstore.h"

#include "attachmentstore.h"
#include "keyfile.h"
#include "migrations.h"
#include "recordstore.h"
#include "schema.h"

#include "platform/core/files.h"
#include "platform/core/logging.h"
#include "platform/db/database.h"
#include "sync/protocol/hlc.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

namespace samla::store {

namespace {

const QString kKeyFileName = QStringLiteral("samla.keys");
const QString kDatabaseName = QStringLiteral("samla.db");
const QString kAttachmentsDir = QStringLiteral("attachments");
constexpr const char *kMetaDeviceId = "device_id";
constexpr const char *kMetaRollbackCounter = "rollback_counter";
constexpr const char *kMetaHlcLast = "hlc_last";
constexpr const char *kMetaDatabaseId = "database_id";

QString keyFilePath(const QString &dir);
QString databasePath(const QString &dir);

// Unlocking writes (the rollback counter, WAL files), so a data directory
// that cannot be written is reported before anything is tried.
Status checkWritable(const QString &dir)
{
    for (const QString &path : {dir, keyFilePath(dir), databasePath(dir)}) {
        const QFileInfo info(path);
        if (info.exists() && !info.isWritable())
            return makeError(ErrorCode::ReadOnly, QStringLiteral("data directory is read-only"));
    }
    return {};
}

// Creates an empty owner-only file, so SQLite (and its -wal and -shm files,
// which copy the database's mode) never exist with wider permissions.
Status createPrivateFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return files::errorFromFile(f, "create database file");
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

QString keyFilePath(const QString &dir) { return dir + QLatin1Char('/') + kKeyFileName; }
QString databasePath(const QString &dir) { return dir + QLatin1Char('/') + kDatabaseName; }

Result<QByteArray> readMetaBlob(db::Database &db, const char *key)
{
    auto s = db.prepare(sql::kGetMeta);
    if (!s.ok())
        return s.error();
    s->bind(1, key);
    auto row = s->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::Corrupt, QStringLiteral("meta %1 missing").arg(QLatin1String(key)));
    return s->columnBlob(0);
}

Result<std::int64_t> readMetaInt(db::Database &db, const char *key)
{
    auto s = db.prepare(sql::kGetMeta);
    if (!s.ok())
        return s.error();
    s->bind(1, key);
    auto row = s->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::Corrupt, QStringLiteral("meta %1 missing").arg(QLatin1String(key)));
    return s->columnInt(0);
}

Status writeMetaInt(db::Database &db, const char *key, std::int64_t value)
{
    auto s = db.prepare(sql::kSetMeta);
    if (!s.ok())
        return s.error();
    s->bind(1, key).bind(2, value);
    return s->run();
}

Status writeMetaBlob(db::Database &db, const char *key, const QByteArray &value)
{
    auto s = db.prepare(sql::kSetMeta);
    if (!s.ok())
        return s.error();
    s->bind(1, key).bindBlob(2, value);
    return s->run();
}

// A database the key file opened but SQLCipher cannot read is damaged (or
// belongs to another key file): not a wrong passphrase.
Error databaseOpenError(const Error &e)
{
    if (e.code == ErrorCode::WrongKey)
        return makeError(ErrorCode::Corrupt, QStringLiteral("database does not match its key file"));
    return e;
}

} // namespace

struct LocalStore::Private {
    QString dir;
    KeyFile keyFile;
    crypto::SecureBytes databaseKey;
    const Clock &clock;
    std::unique_ptr<db::Database> db;
    std::shared_ptr<protocol::HlcClock> hlc;   // shared with openConnection()'s stores
    bool secondary = false;                    // openConnection(): the counter is not its to move
    std::unique_ptr<RecordStore> records;
    std::unique_ptr<AttachmentStore> attachments;

    Private(QString d, KeyFile kf, crypto::SecureBytes key, const Clock &c)
        : dir(std::move(d)), keyFile(std::move(kf)), databaseKey(std::move(key)), clock(c)
    {
    }

    // Advances the anti-rollback counter in the database first, then in the
    // key file. A crash in between leaves the database ahead, which is accepted.
    Status bumpCounter()
    {
        const std::uint64_t next = keyFile.counter() + 1;
        {
            db::Transaction tx(*db);
            SAMLA_TRY(tx.begin());
            SAMLA_TRY(writeMetaInt(*db, kMetaRollbackCounter, std::int64_t(next)));
            SAMLA_TRY(tx.commit());
        }
        KeyFile updated = keyFile;
        updated.setCounter(databaseKey, next);
        SAMLA_TRY(updated.save(keyFilePath(dir)));
        keyFile = std::move(updated);
        return {};
    }

    Status startServices()
    {
        auto deviceId = readMetaBlob(*db, kMetaDeviceId);
        if (!deviceId.ok())
            return deviceId.error();
        // The clock resumes after the newest stamp this device issued (the
        // newest outbox row) or recorded (meta, written when stamps are merged
        // from elsewhere or the outbox is pruned).
        protocol::HlcStamp last;
        if (auto hlcLast = readMetaBlob(*db, kMetaHlcLast); hlcLast.ok())
            last = protocol::HlcStamp::fromBytes(hlcLast.value());
        auto newest = db->prepare(sql::kLastOutboxHlc);
        if (!newest.ok())
            return newest.error();
        auto row = newest->step();
        if (!row.ok())
            return row.error();
        if (row.value())
            last = std::max(last, protocol::HlcStamp::fromBytes(newest->columnBlob(0)));
        hlc = std::make_shared<protocol::HlcClock>(clock, deviceId.value(), last);
        records = std::make_unique<RecordStore>(*db, clock, *hlc);
        attachments = std::make_unique<AttachmentStore>(dir + QLatin1Char('/') + kAttachmentsDir);
        attachments->removeStaleTemporaries();
        return {};
    }
};

LocalStore::LocalStore(std::unique_ptr<Private> p) : d(std::move(p)) {}

LocalStore::~LocalStore()
{
    close();
}

bool LocalStore::exists(const QString &dataDir)
{
    return QFileInfo::exists(keyFilePath(dataDir));
}

Result<LocalStore::Created> LocalStore::create(const QString &dataDir, const crypto::SecureBytes &passphrase,
                                               const crypto::Argon2Params &kdf, const Clock &clock)
{
    if (exists(dataDir))
        return makeError(ErrorCode::AlreadyExists, QStringLiteral("a store exists in this directory"));
    if (!QDir().mkpath(dataDir))
        return makeError(ErrorCode::ReadOnly, QStringLiteral("cannot create the data directory"));
    QFile::setPermissions(dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    SAMLA_TRY(checkWritable(dataDir));
    // A database without a key file is what an interrupted set-up leaves. It
    // can never be opened again; move it aside rather than delete it.
    if (QFileInfo::exists(databasePath(dataDir))) {
        const QString suffix = QStringLiteral(".orphan-%1").arg(QDateTime::currentMSecsSinceEpoch());
        for (const QString &ext : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            const QString p = databasePath(dataDir) + ext;
            if (QFileInfo::exists(p) && !QFile::rename(p, p + suffix))
                return makeError(ErrorCode::ReadOnly, QStringLiteral("cannot move an unfinished database aside"));
        }
    }

    crypto::SecureBytes databaseKey = crypto::SecureBytes::random(crypto::kKeyBytes);
    crypto::SecureBytes recoveryKey = crypto::SecureBytes::random(crypto::kKeyBytes);
    auto keyFile = KeyFile::create(databaseKey, passphrase, recoveryKey, kdf, 1);
    if (!keyFile.ok())
        return keyFile.error();

    SAMLA_TRY(createPrivateFile(databasePath(dataDir)));
    db::Database::Options options;
    options.create = true;
    auto database = db::Database::open(databasePath(dataDir), databaseKey, options);
    if (!database.ok())
        return database.error();
    SAMLA_TRY(migrate(*database.value()));
    {
        db::Transaction tx(*database.value());
        SAMLA_TRY(tx.begin());
        SAMLA_TRY(writeMetaBlob(*database.value(), kMetaDeviceId, crypto::randomBytes(16)));
        SAMLA_TRY(writeMetaBlob(*database.value(), kMetaDatabaseId, keyFile->databaseId()));
        SAMLA_TRY(writeMetaInt(*database.value(), kMetaRollbackCounter, 1));
        SAMLA_TRY(tx.commit());
    }
    // The key file is written last: until it exists, there is no store.
    SAMLA_TRY(keyFile->save(keyFilePath(dataDir)));

    auto d = std::make_unique<Private>(dataDir, std::move(keyFile.value()), std::move(databaseKey), clock);
    d->db = std::move(database.value());
    SAMLA_TRY(d->startServices());
    Created created;
    created.recoveryKeyText = KeyFile::formatRecoveryKey(recoveryKey);
    created.store.reset(new LocalStore(std::move(d)));
    qCDebug(lcStore) << "created store";
    return created;
}

namespace {

Result<std::unique_ptr<LocalStore::Private>> openWithKey(const QString &dataDir, KeyFile keyFile,
                                                         crypto::SecureBytes databaseKey, const Clock &clock)
{
    SAMLA_TRY(keyFile.verifyCounter(databaseKey));
    db::Database::Options options;
    auto database = db::Database::open(databasePath(dataDir), databaseKey, options);
    if (!database.ok())
        return database.error().code == ErrorCode::NotFound
                   ? makeError(ErrorCode::NotFound, QStringLiteral("database file missing"))
                   : databaseOpenError(database.error());
    db::Database &db = *database.value();

    auto dbId = readMetaBlob(db, kMetaDatabaseId);
    if (!dbId.ok())
        return databaseOpenError(dbId.error());
    if (dbId.value() != keyFile.databaseId())
        return makeError(ErrorCode::Corrupt, QStringLiteral("database belongs to another key file"));
    // Refuse an older copy of the database before anything writes to it.
    auto counter = readMetaInt(db, kMetaRollbackCounter);
    if (!counter.ok())
        return databaseOpenError(counter.error());
    if (std::uint64_t(counter.value()) < keyFile.counter())
        return makeError(ErrorCode::RolledBack, QStringLiteral("database counter %1 behind key file %2")
                                                    .arg(counter.value())
                                                    .arg(keyFile.counter()));
    SAMLA_TRY(migrate(db));

    auto d = std::make_unique<LocalStore::Private>(dataDir, std::move(keyFile), std::move(databaseKey), clock);
    if (std::uint64_t(counter.value()) > d->keyFile.counter())
        d->keyFile.setCounter(d->databaseKey, std::uint64_t(counter.value()));
    d->db = std::move(database.value());
    SAMLA_TRY(d->bumpCounter());
    SAMLA_TRY(d->startServices());
    return d;
}

} // namespace

Result<std::unique_ptr<LocalStore>> LocalStore::unlock(const QString &dataDir, const crypto::SecureBytes &passphrase,
                                                       const Clock &clock)
{
    auto keyFile = KeyFile::load(keyFilePath(dataDir));
    if (!keyFile.ok())
        return keyFile.error();
    auto databaseKey = keyFile->unlockWithPassphrase(passphrase);
    if (databaseKey.ok())
        SAMLA_TRY(checkWritable(dataDir));
    if (!databaseKey.ok())
        return databaseKey.error();
    auto d = openWithKey(dataDir, std::move(keyFile.value()), std::move(databaseKey.value()), clock);
    if (!d.ok())
        return d.error();
    return std::unique_ptr<LocalStore>(new LocalStore(std::move(d.value())));
}

Result<std::unique_ptr<LocalStore>> LocalStore::recover(const QString &dataDir, const crypto::SecureBytes &recoveryKey,
                                                        const crypto::SecureBytes &newPassphrase, const Clock &clock)
{
    auto keyFile = KeyFile::load(keyFilePath(dataDir));
    if (!keyFile.ok())
        return keyFile.error();
    auto rawRecovery = KeyFile::parseRecoveryKey(recoveryKey);
    if (!rawRecovery.ok())
        return rawRecovery.error();
    auto databaseKey = keyFile->unlockWithRecoveryKey(rawRecovery.value());
    if (!databaseKey.ok())
        return databaseKey.error();
    SAMLA_TRY(checkWritable(dataDir));
    auto d = openWithKey(dataDir, std::move(keyFile.value()), std::move(databaseKey.value()), clock);
    if (!d.ok())
        return d.error();
    std::unique_ptr<LocalStore> store(new LocalStore(std::move(d.value())));
    KeyFile updated = store->d->keyFile;
    SAMLA_TRY(updated.setPassphrase(store->d->databaseKey, newPassphrase, updated.kdf()));
    SAMLA_TRY(updated.save(keyFilePath(dataDir)));
    store->d->keyFile = std::move(updated);
    qCInfo(lcStore) << "recovered store with recovery key; passphrase replaced";
    return store;
}

Status LocalStore::changePassphrase(const crypto::SecureBytes &currentPassphrase,
                                    const crypto::SecureBytes &newPassphrase)
{
    auto change = preparePassphraseChange();
    change->run(currentPassphrase, newPassphrase);
    return commitPassphraseChange(*change);
}

void LocalStore::PassphraseChange::run(const crypto::SecureBytes &currentPassphrase,
                                       const crypto::SecureBytes &newPassphrase)
{
    auto check = keyFile.unlockWithPassphrase(currentPassphrase);
    if (!check.ok()) {
        result = check.error();
        return;
    }
    if (!check.value().equals(databaseKey)) {
        result = makeError(ErrorCode::Tampered, QStringLiteral("key file changed under an open store"));
        return;
    }
    result = keyFile.setPassphrase(databaseKey, newPassphrase, keyFile.kdf());
}

std::unique_ptr<LocalStore::PassphraseChange> LocalStore::preparePassphraseChange() const
{
    auto change = std::make_unique<PassphraseChange>(
        PassphraseChange{d->keyFile, d->databaseKey.clone(), d->keyFile.counter(), {}});
    change->result = makeError(ErrorCode::Internal, QStringLiteral("passphrase change not run"));
    return change;
}

Status LocalStore::commitPassphraseChange(const PassphraseChange &change)
{
    SAMLA_TRY(change.result);
    if (change.counterAtStart != d->keyFile.counter() || !change.databaseKey.equals(d->databaseKey))
        return makeError(ErrorCode::Tampered, QStringLiteral("the store changed during the passphrase change"));
    SAMLA_TRY(change.keyFile.save(keyFilePath(d->dir)));
    d->keyFile = change.keyFile;
    return {};
}

crypto::SecureBytes LocalStore::attachmentKeyFor(const QString &recordId) const
{
    const QByteArray digest = crypto::hash(recordId.toUtf8());
    const std::uint64_t id = qFromBigEndian<quint64>(digest.constData());
    return crypto::deriveSubkey(d->databaseKey, id, "samlaatt");
}

crypto::SignKeyPair LocalStore::deviceSigningKey() const
{
    return crypto::signKeyPairFromSeed(crypto::deriveSubkey(d->databaseKey, 1, "samlasig"));
}

crypto::BoxKeyPair LocalStore::deviceBoxKey() const
{
    return crypto::boxKeyPairFromSeed(crypto::deriveSubkey(d->databaseKey, 2, "samlabox"));
}

QByteArray LocalStore::wrapSecret(const crypto::SecureBytes &secret, QByteArrayView purpose) const
{
    return crypto::wrapKey(crypto::deriveSubkey(d->databaseKey, 3, "samlawrp"), secret, purpose);
}

Result<crypto::SecureBytes> LocalStore::unwrapSecret(QByteArrayView wrapped, QByteArrayView purpose) const
{
    return crypto::unwrapKey(crypto::deriveSubkey(d->databaseKey, 3, "samlawrp"), wrapped, purpose);
}

RecordStore &LocalStore::records() { return *d->records; }
AttachmentStore &LocalStore::attachments() { return *d->attachments; }
db::Database &LocalStore::database() { return *d->db; }
QString LocalStore::dataDir() const { return d->dir; }

Result<std::unique_ptr<LocalStore>> LocalStore::openConnection() const
{
    if (!d || !d->db)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("store is closed"));
    db::Database::Options options;
    options.cacheSizeKiB = 16 * 1024;   // the worker reads little; the first connection keeps the big cache
    options.cipherPageSize = d->db->cipherPageSize();
    auto database = db::Database::open(databasePath(d->dir), d->databaseKey, options);
    if (!database.ok())
        return databaseOpenError(database.error());
    auto p = std::make_unique<Private>(d->dir, d->keyFile, d->databaseKey.clone(), d->clock);
    p->secondary = true;
    p->db = std::move(database.value());
    p->hlc = d->hlc;
    p->records = std::make_unique<RecordStore>(*p->db, p->clock, *p->hlc);
    p->records->shareSearchExtractors(*d->records);
    p->attachments = std::make_unique<AttachmentStore>(d->dir + QLatin1Char('/') + kAttachmentsDir);
    return std::unique_ptr<LocalStore>(new LocalStore(std::move(p)));
}

void LocalStore::close()
{
    if (!d || !d->db)
        return;
    // Bumping at close too means a copy taken while the store was open is
    // also recognised as older the next time.
    if (d->secondary) {
        // Only the first connection moves the counter.
    } else if (auto s = d->bumpCounter(); !s.ok())
        qCWarning(lcStore) << "could not advance rollback counter at close:" << errorCodeName(s.code());
    d->records.reset();
    d->hlc.reset();
    d->attachments.reset();
    d->db.reset();
    d->databaseKey = crypto::SecureBytes();
}

} // namespace samla::store
