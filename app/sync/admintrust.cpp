#include "admintrust.h"

#include "app/store/localstore.h"
#include "app/store/recordstore.h"
#include "platform/db/database.h"

#include "sync/protocol/canonicalcbor.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QUuid>

namespace samla::appsync {

bool isPinnedAdministrator(store::LocalStore &store, const QString &localProjectId, QByteArrayView signKey)
{
    auto s = store.database().prepare("SELECT server_project FROM sync_projects WHERE project_id = ?1");
    if (!s.ok())
        return false;
    s->bind(1, localProjectId);
    QStringList serverProjects;
    if (!s->forEachRow([&] { serverProjects.append(s->columnText(0)); }).ok())
        return false;
    auto raw = store.records().meta(kMetaPinnedAdmins);
    if (!raw.ok() || raw->isEmpty())
        return false;
    const QCborMap pins = QCborValue::fromCbor(raw.value()).toMap();
    for (const QString &server : serverProjects) {
        for (const QCborValue &key : pins.value(server).toArray())
            if (key.isByteArray() && key.toByteArray() == signKey)
                return true;
    }
    return false;
}

Result<AdminPins> loadPinnedAdmins(const store::RecordStore &records)
{
    auto raw = records.meta(kMetaPinnedAdmins);
    if (!raw.ok())
        return raw.error();
    AdminPins pins;
    if (raw->isEmpty())
        return pins;
    const Error malformed = makeError(ErrorCode::Corrupt, QStringLiteral("stored administrator keys are malformed"));
    const QCborValue value = QCborValue::fromCbor(raw.value());
    if (!value.isMap())
        return malformed;
    const QCborMap m = value.toMap();
    for (auto it = m.begin(); it != m.end(); ++it) {
        QList<QByteArray> &keys = pins[it.key().toString()];
        for (const QCborValue &k : it.value().toArray()) {
            if (!k.isByteArray() || k.toByteArray().size() != 32)
                return malformed;
            keys.append(k.toByteArray());
        }
    }
    return pins;
}

Status savePinnedAdmins(db::Database &db, const AdminPins &pins)
{
    QCborMap m;
    for (auto it = pins.begin(); it != pins.end(); ++it) {
        QCborArray keys;
        for (const QByteArray &k : it.value())
            keys.append(k);
        m.insert(it.key(), keys);
    }
    auto s = db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)");
    if (!s.ok())
        return s.error();
    s->bind(1, QString::fromLatin1(kMetaPinnedAdmins)).bindBlob(2, protocol::encodeCanonical(m));
    return s->run();
}

store::RecordChange adminEndorsement(const QString &localProjectId, const QByteArray &adminKey)
{
    static const QUuid kNamespace = QUuid::fromString(QStringLiteral("0190f0c2-5a31-7e0d-9c41-7a5d6e1f2b3c"));
    store::RecordChange change;
    change.id = QUuid::createUuidV5(kNamespace, localProjectId.toUtf8() + '/' + adminKey.toHex())
                    .toString(QUuid::WithoutBraces);
    change.kind = QString::fromLatin1(kAdminEndorsementKind);
    change.projectId = localProjectId;
    change.body.insert(QStringLiteral("device"), adminKey);
    return change;
}

} // namespace samla::appsync
