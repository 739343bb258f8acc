// The identity register shared between a project's data-manager devices:
// sealed identity records, project identity keys and grants of the role.
#include "identityvault.h"
#include "identityvaultinternal.h"

#include "auditlog.h"
#include "domainlog.h"
#include "participants.h"
#include "app/store/localstore.h"
#include "app/store/recordstore.h"
#include "platform/core/files.h"
#include "sync/protocol/canonicalcbor.h"

#include <QCborArray>
#include <QCborValue>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QUuid>
#include <QtEndian>

#include <map>
#include <vector>

namespace samla::domain {

namespace {

const QByteArray kEntryAd = QByteArrayLiteral("samla:identity-entry:v1");
const QByteArray kProjectKeyAd = QByteArrayLiteral("samla:identity-project-key:v1");
const QByteArray kGrantContext = QByteArrayLiteral("samla:identity-grant:v1");
constexpr int kPadBlock = 256;     // sealed entries grow in steps of this, so a name's length does not show
constexpr int kKeyIdBytes = 16;
constexpr int kMaxRecords = 1000000;

const QString kKeyId = QStringLiteral("key");
const QString kSealed = QStringLiteral("sealed");
const QString kRecipient = QStringLiteral("recipient");
const QString kGranter = QStringLiteral("granter");
const QString kKeys = QStringLiteral("keys");
const QString kId = QStringLiteral("id");
const QString kSignature = QStringLiteral("signature");

struct ProjectKey {
    QByteArray id;
    crypto::SecureBytes key;
};

QByteArray entryAd(const QString &recordId, const QString &projectId, const QString &participantId,
                   const QByteArray &keyId)
{
    QCborMap m;
    m.insert(QStringLiteral("context"), QCborValue(kEntryAd));
    m.insert(QStringLiteral("record"), recordId);
    m.insert(QStringLiteral("project"), projectId);
    m.insert(QStringLiteral("participant"), participantId);
    m.insert(kKeyId, QCborValue(keyId));
    return protocol::encodeCanonical(m);
}

// Length-prefixed and zero-padded to the next block.
QByteArray pad(const QByteArray &plain)
{
    QByteArray out(4, '\0');
    qToBigEndian<quint32>(quint32(plain.size()), out.data());
    out += plain;
    out.append((kPadBlock - out.size() % kPadBlock) % kPadBlock, '\0');
    return out;
}

std::optional<QByteArray> unpad(const QByteArray &padded)
{
    if (padded.size() < 4)
        return std::nullopt;
    const quint32 size = qFromBigEndian<quint32>(padded.constData());
    if (size > quint32(padded.size() - 4))
        return std::nullopt;
    return padded.mid(4, size);
}

QByteArray grantSignedBytes(const QString &projectId, const QCborMap &body)
{
    QCborMap m;
    m.insert(QStringLiteral("context"), QCborValue(kGrantContext));
    m.insert(QStringLiteral("project"), projectId);
    m.insert(kRecipient, body.value(kRecipient));
    m.insert(kGranter, body.value(kGranter));
    m.insert(kKeys, body.value(kKeys));
    return protocol::encodeCanonical(m);
}

Result<std::vector<ProjectKey>> projectKeys(IdentityVault::Private &d, const QString &projectId)
{
    auto s = d.db->prepare("SELECT key_id, wrapped FROM project_keys WHERE project_id = ?1 ORDER BY key_id");
    if (!s.ok())
        return s.error();
    s->bind(1, projectId);
    std::vector<ProjectKey> keys;
    Status failed;
    SAMLA_TRY(s->forEachRow([&] {
        const QByteArray id = s->columnBlob(0);
        auto key = crypto::unwrapKey(d.vaultKey, s->columnBlob(1), kProjectKeyAd + id);
        if (!key.ok()) {
            failed = key.error();
            return;
        }
        keys.push_back(ProjectKey{id, std::move(key.value())});
    }));
    if (!failed.ok())
        return failed.error();
    return keys;
}

Status storeProjectKey(IdentityVault::Private &d, const QString &projectId, const QByteArray &id,
                       const crypto::SecureBytes &key, const QByteArray &grantedBy)
{
    auto s = d.db->prepare("INSERT OR IGNORE INTO project_keys(project_id, key_id, wrapped, created_ms, granted_by)"
                           " VALUES(?1, ?2, ?3, ?4, ?5)");
    if (!s.ok())
        return s.error();
    s->bind(1, projectId).bindBlob(2, id).bindBlob(3, crypto::wrapKey(d.vaultKey, key, kProjectKeyAd + id));
    s->bind(4, d.clock.nowMs());
    if (grantedBy.isEmpty())
        s->bindNull(5);
    else
        s->bindBlob(5, grantedBy);
    return s->run();
}

// The key new entries of a project are sealed with: the lowest key id, so
// data managers who hold the same keys choose the same one. Made when the
// project has none yet.
Result<ProjectKey> sealingKey(IdentityVault::Private &d, const QString &projectId)
{
    auto keys = projectKeys(d, projectId);
    if (!keys.ok())
        return keys.error();
    if (!keys->empty())
        return std::move(keys.value().front());
    ProjectKey made{crypto::randomBytes(kKeyIdBytes), crypto::SecureBytes::random(crypto::kKeyBytes)};
    SAMLA_TRY(storeProjectKey(d, projectId, made.id, made.key, {}));
    return made;
}

} // namespace

QString vault::entryRecordId(const QString &participantId)
{
    // A name-based UUID (version 5 layout over BLAKE2b) of the participant id.
    QByteArray bytes = crypto::hash(QByteArrayLiteral("samla:identity-entry-id:") + participantId.toUtf8()).left(16);
    bytes[6] = char((bytes[6] & 0x0f) | 0x50);
    bytes[8] = char((bytes[8] & 0x3f) | 0x80);
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

Result<QByteArray> IdentityVault::putEntry(const QString &participantId, const QString &projectId,
                                           const QCborMap &identity)
{
    auto key = sealingKey(*d, projectId);
    if (!key.ok())
        return key.error();
    QCborMap plain = identity;
    plain.insert(QStringLiteral("participant"), participantId);
    const QString recordId = vault::entryRecordId(participantId);
    QCborMap body;
    body.insert(kKeyId, QCborValue(key->id));
    body.insert(kSealed, QCborValue(crypto::aeadSeal(key->key, pad(protocol::encodeCanonical(plain)),
                                                     entryAd(recordId, projectId, participantId, key->id))));
    store::RecordChange change;
    change.id = recordId;
    change.kind = kEntryKind;
    change.projectId = projectId;
    change.participantRef = participantId;
    change.body = body;
    auto written = d->store.records().put(change);
    if (!written.ok())
        return written.error();
    return written->hlc.toBytes();
}

Status IdentityVault::eraseEntry(const QString &participantId)
{
    const QString recordId = vault::entryRecordId(participantId);
    auto current = d->store.records().get(recordId);
    if (!current.ok())
        return current.code() == ErrorCode::NotFound ? Status() : Status(current.error());
    if (current->deleted)
        return {};
    auto erased = d->store.records().erase({recordId});
    if (!erased.ok())
        return erased.error();
    return {};
}

Status IdentityVault::reconcile()
{
    // What the register holds: participant -> (project, version it matches).
    struct Row {
        QString projectId;
        QByteArray sourceHlc;
        QCborMap body;
    };
    QHash<QString, Row> rows;
    {
        auto s = d->db->prepare("SELECT participant_id, project_id, source_hlc, body FROM identities");
        if (!s.ok())
            return s.error();
        SAMLA_TRY(s->forEachRow([&] {
            rows.insert(s->columnText(0), Row{s->columnText(1), s->columnBlob(2),
                                              QCborValue::fromCbor(s->columnBlob(3)).toMap()});
        }));
    }
    std::map<QString, std::vector<ProjectKey>> keysOf;
    auto keysFor = [&](const QString &projectId) -> Result<const std::vector<ProjectKey> *> {
        if (!keysOf.contains(projectId)) {
            auto keys = projectKeys(*d, projectId);
            if (!keys.ok())
                return keys.error();
            keysOf.emplace(projectId, std::move(keys.value()));
        }
        return &keysOf[projectId];
    };

    // In: identity records newer than the register's row.
    auto entries = d->store.records().listKind(kEntryKind, kMaxRecords);
    if (!entries.ok())
        return entries.error();
    QSet<QString> seen;
    int taken = 0, unreadable = 0;
    for (const store::Record &r : entries.value()) {
        const QString participantId = r.participantRef;
        seen.insert(participantId);
        auto held = rows.constFind(participantId);
        if (held != rows.constEnd() && held->sourceHlc == r.hlc.toBytes())
            continue;
        auto keys = keysFor(r.projectId);
        if (!keys.ok())
            return keys.error();
        const QByteArray keyId = r.body.value(kKeyId).toByteArray();
        const ProjectKey *key = nullptr;
        for (const ProjectKey &k : *keys.value())
            if (k.id == keyId)
                key = &k;
        if (!key) {
            ++unreadable;   // sealed with a key this device was not given
            continue;
        }
        auto opened = crypto::aeadOpen(key->key, r.body.value(kSealed).toByteArray(),
                                       entryAd(r.id, r.projectId, participantId, keyId));
        auto plain = opened.ok() ? unpad(opened.value()) : std::nullopt;
        const QCborMap identity = plain ? QCborValue::fromCbor(*plain).toMap() : QCborMap();
        if (!plain || r.id != vault::entryRecordId(participantId)
            || identity.value(QStringLiteral("participant")).toString() != participantId) {
            ++unreadable;
            qCWarning(lcDomain) << "identity record" << r.id << "does not open; left as it is";
            continue;
        }
        QCborMap body = identity;
        body.remove(QStringLiteral("participant"));
        SAMLA_TRY(d->writeIdentity(participantId, r.projectId, body, r.hlc.toBytes()));
        ++taken;
    }

    // Erased elsewhere: the record is gone or emptied, so the row goes too.
    // Out: rows saved before this register could share (no record yet).
    int removed = 0, shared = 0;
    for (auto it = rows.constBegin(); it != rows.constEnd(); ++it) {
        if (seen.contains(it.key()))
            continue;
        auto record = d->store.records().get(vault::entryRecordId(it.key()));
        if (record.ok() && record->deleted) {
            SAMLA_TRY(d->deleteIdentity(it.key()));
            ++removed;
            continue;
        }
        if (!record.ok() && record.code() != ErrorCode::NotFound)
            return record.error();
        if (it->sourceHlc.isEmpty() || !record.ok()) {
            auto hlc = putEntry(it.key(), it->projectId, it->body);
            if (!hlc.ok())
                return hlc.error();
            SAMLA_TRY(d->writeIdentity(it.key(), it->projectId, it->body, hlc.value()));
            ++shared;
        }
    }
    if (taken + removed + shared + unreadable > 0)
        qCInfo(lcDomain) << "identity register brought up to date:" << taken << "received," << removed << "erased,"
                         << shared << "shared," << unreadable << "not readable here";
    return {};
}

Result<QList<IdentityVault::GrantInfo>> IdentityVault::grants(store::LocalStore &store, const QString &projectId)
{
    auto records = store.records().list(kGrantKind, projectId, kMaxRecords, 0);
    if (!records.ok())
        return records.error();
    QList<GrantInfo> out;
    for (const store::Record &r : records.value()) {
        if (!crypto::verify(r.body.value(kGranter).toByteArray(), grantSignedBytes(r.projectId, r.body),
                            r.body.value(kSignature).toByteArray()))
            continue;
        out.append(GrantInfo{r.id, r.projectId, r.body.value(kRecipient).toByteArray(),
                             r.body.value(kGranter).toByteArray(), r.createdMs});
    }
    return out;
}

Status IdentityVault::grantTo(const QString &projectId, QByteArrayView recipientSignKey, QByteArrayView recipientBoxKey)
{
    if (projectId.isEmpty() || recipientSignKey.size() != 32 || recipientBoxKey.size() != 32)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("a grant needs a project and the device's keys"));
    const crypto::SignKeyPair me = d->store.deviceSigningKey();
    if (recipientSignKey == QByteArrayView(me.publicKey))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("this device already holds the register"));
    // A project without a key yet gets one now, so the new data manager
    // seals its first entries with the same key as this device.
    {
        auto key = sealingKey(*d, projectId);
        if (!key.ok())
            return key.error();
    }
    auto keys = projectKeys(*d, projectId);
    if (!keys.ok())
        return keys.error();
    QCborArray sealedKeys;
    for (const ProjectKey &k : keys.value()) {
        QCborMap entry;
        entry.insert(kId, QCborValue(k.id));
        entry.insert(kSealed, QCborValue(crypto::sealToPublicKey(recipientBoxKey, k.key)));
        sealedKeys.append(entry);
    }
    QCborMap body;
    body.insert(kRecipient, QCborValue(recipientSignKey.toByteArray()));
    body.insert(kGranter, QCborValue(me.publicKey));
    body.insert(kKeys, sealedKeys);
    body.insert(kSignature, QCborValue(crypto::sign(me.secretKey, grantSignedBytes(projectId, body))));
    store::RecordChange change;
    change.kind = kGrantKind;
    change.projectId = projectId;
    change.body = body;
    auto written = d->store.records().put(change);
    if (!written.ok())
        return written.error();
    QCborMap details;
    details.insert(QStringLiteral("device"), Participants::deviceTag(recipientSignKey));
    auto r = AuditLog(d->store, d->clock).append(QStringLiteral("identity_role_granted"), projectId, {}, details);
    if (!r.ok())
        return r.error();
    qCInfo(lcDomain) << "data-manager role granted to device" << Participants::deviceTag(recipientSignKey);
    return {};
}

Result<int> IdentityVault::takeGrants(const TrustedGranter &trusted)
{
    const QByteArray me = d->store.deviceSigningKey().publicKey;
    const crypto::BoxKeyPair box = d->store.deviceBoxKey();
    auto records = d->store.records().listKind(kGrantKind, kMaxRecords);
    if (!records.ok())
        return records.error();
    QSet<QString> projects;
    for (const store::Record &r : records.value()) {
        if (r.body.value(kRecipient).toByteArray() != me)
            continue;
        const QByteArray granter = r.body.value(kGranter).toByteArray();
        if (!crypto::verify(granter, grantSignedBytes(r.projectId, r.body), r.body.value(kSignature).toByteArray())
            || !trusted || !trusted(r.projectId, granter)) {
            qCWarning(lcDomain) << "a data-manager grant for this device is not from a trusted device; not taken";
            continue;
        }
        auto held = projectKeys(*d, r.projectId);
        if (!held.ok())
            return held.error();
        for (const QCborValue &v : r.body.value(kKeys).toArray()) {
            const QCborMap k = v.toMap();
            const QByteArray id = k.value(kId).toByteArray();
            bool known = false;
            for (const ProjectKey &h : held.value())
                known = known || h.id == id;
            if (known || id.size() != kKeyIdBytes)
                continue;
            auto key = crypto::openSealed(box, k.value(kSealed).toByteArray());
            if (!key.ok() || key->size() != crypto::kKeyBytes) {
                qCWarning(lcDomain) << "a data-manager grant for this device does not open; not taken";
                continue;
            }
            SAMLA_TRY(storeProjectKey(*d, r.projectId, id, key.value(), granter));
            if (!projects.contains(r.projectId)) {
                projects.insert(r.projectId);
                QCborMap details;
                details.insert(QStringLiteral("device"), Participants::deviceTag(granter));
                auto a = AuditLog(d->store, d->clock).append(QStringLiteral("identity_role_received"), r.projectId,
                                                             {}, details);
                if (!a.ok())
                    return a.error();
            }
        }
    }
    if (!projects.isEmpty())
        SAMLA_TRY(reconcile());
    return int(projects.size());
}

Result<int> IdentityVault::acceptGrants(store::LocalStore &store, const Clock &clock, const TrustedGranter &trusted)
{
    // Nothing is created unless a grant for this device is signed by a
    // trusted device and opens with this device's key (most devices never
    // receive one).
    const QByteArray me = store.deviceSigningKey().publicKey;
    auto records = store.records().listKind(kGrantKind, kMaxRecords);
    if (!records.ok())
        return records.error();
    bool usable = false;
    for (const store::Record &r : records.value()) {
        if (usable || r.body.value(kRecipient).toByteArray() != me)
            continue;
        const QByteArray granter = r.body.value(kGranter).toByteArray();
        if (!crypto::verify(granter, grantSignedBytes(r.projectId, r.body), r.body.value(kSignature).toByteArray())
            || !trusted || !trusted(r.projectId, granter))
            continue;
        const QCborArray keys = r.body.value(kKeys).toArray();
        usable = !keys.isEmpty() && crypto::openSealed(store.deviceBoxKey(),
                                                       keys.first().toMap().value(kSealed).toByteArray()).ok();
    }
    if (!usable)
        return 0;

    auto opened = open(store, clock);
    std::unique_ptr<IdentityVault> vault = std::move(opened.vault);
    if (!vault) {
        if (opened.refusal == VaultRefusal::Damaged)
            return opened.error;
        if (opened.refusal == VaultRefusal::NotGranted || opened.refusal == VaultRefusal::GrantInvalid) {
            // A register this device cannot open (its grant is gone, or the
            // file does not open with it) makes way for the one the grant
            // brings: moved aside, never deleted, in case it can be mended.
            if (hasGrant(store))
                SAMLA_TRY(revokeGrant(store));
            const QString aside = QStringLiteral(".unopened-%1").arg(clock.nowMs());
            for (const QString &ext : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
                const QString path = store.dataDir() + QLatin1Char('/') + kFileName + ext;
                if (QFile::exists(path) && !QFile::rename(path, path + aside))
                    return makeError(ErrorCode::Io, QStringLiteral("cannot move the unopenable identity register aside"));
            }
            qCWarning(lcDomain) << "an identity register this device could not open was moved aside";
        }
        auto created = create(store, clock);
        if (!created.ok())
            return created.error();
        vault = std::move(created.value());
    }
    return vault->takeGrants(trusted);
}

} // namespace samla::domain
