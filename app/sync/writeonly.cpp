// DeviceSync for write-only devices (a participant's diary device): submission keys and forgetting what was sent.
#include "devicesync.h"

#include "app/store/attachmentstore.h"
#include "app/store/localstore.h"
#include "app/store/recordrows.h"
#include "platform/core/logging.h"
#include "platform/db/database.h"
#include "sync/protocol/canonicalcbor.h"

#include <QCborArray>
#include <QCborMap>

namespace samla::appsync {

namespace {

// Meta entry: [[server project, epoch, X25519 public key, local project id], …].
// The public halves only: nothing in it opens anything.
constexpr char kMetaSubmissionKeys[] = "sync_submission_keys";

} // namespace

Result<QList<DeviceSync::HeldSubmissionKey>> DeviceSync::heldSubmissionKeys() const
{
    auto raw = m_store.records().meta(kMetaSubmissionKeys);
    if (!raw.ok())
        return raw.error();
    QList<HeldSubmissionKey> out;
    if (raw->isEmpty())
        return out;
    const Error malformed = makeError(ErrorCode::Corrupt, QStringLiteral("stored submission keys are malformed"));
    const QCborValue value = QCborValue::fromCbor(raw.value());
    if (!value.isArray())
        return malformed;
    for (const QCborValue &v : value.toArray()) {
        const QCborArray a = v.toArray();
        if (a.size() != 4 || !a.at(0).isString() || !a.at(1).isInteger() || a.at(2).toByteArray().size() != 32
            || !a.at(3).isString())
            return malformed;
        out.append({a.at(0).toString(), std::uint32_t(a.at(1).toInteger()), a.at(2).toByteArray(), a.at(3).toString()});
    }
    return out;
}

Result<QString> DeviceSync::linkedLocalProject(const QString &serverProject) const
{
    auto s = m_store.database().prepare(
        "SELECT project_id FROM sync_projects WHERE server_project = ?1 AND project_id != server_project");
    if (!s.ok())
        return s.error();
    s->bind(1, serverProject);
    auto row = s->step();
    if (!row.ok())
        return row.error();
    return row.value() ? s->columnText(0) : QString();
}

Status DeviceSync::installSubmissionKeys(const QList<sync::SubmissionKey> &keys, SyncReport &report)
{
    if (keys.isEmpty())
        return {};
    auto held = heldSubmissionKeys();
    if (!held.ok())
        return held.error();
    QList<HeldSubmissionKey> all = held.value();
    bool changed = false;
    for (const sync::SubmissionKey &k : keys) {
        // Only for a project this device joined write-only: a reader never
        // seals to a submission key (the server refuses such grants too).
        auto role = m_store.database().prepare("SELECT role FROM sync_projects WHERE server_project = ?1 LIMIT 1");
        if (!role.ok())
            return role.error();
        role->bind(1, k.projectId);
        auto found = role->step();
        if (!found.ok())
            return found.error();
        if (!found.value() || role->columnText(0) != QLatin1String(protocol::kRoleWriteOnly))
            continue;
        role->reset();
        auto linked = linkedLocalProject(k.projectId);
        if (!linked.ok())
            return linked.error();
        bool known = false;
        for (const HeldSubmissionKey &h : std::as_const(all)) {
            if (h.serverProject != k.projectId || h.epoch != k.epoch)
                continue;
            known = true;
            // A submission key held is never replaced, as a project key is not.
            if (h.publicKey != k.publicKey || h.localProjectId != k.localProjectId)
                ++report.conflictingGrants;
        }
        if (known)
            continue;
        if (!linked->isEmpty() && linked.value() != k.localProjectId) {
            qCWarning(lcSync) << "submission grant names another project than the one linked: not installed";
            ++report.conflictingGrants;
            continue;
        }
        if (linked->isEmpty()) {
            // The entries this device writes go to the project the
            // administrator named; never one this device already has records of.
            auto local = m_store.database().prepare("SELECT 1 FROM records WHERE project_id = ?1 LIMIT 1");
            if (!local.ok())
                return local.error();
            local->bind(1, k.localProjectId);
            auto has = local->step();
            if (!has.ok())
                return has.error();
            if (has.value()) {
                qCWarning(lcSync) << "submission grant names a project this device keeps records of: not installed";
                ++report.conflictingGrants;
                continue;
            }
            local->reset();
            auto link = m_store.database().prepare(
                "INSERT OR IGNORE INTO sync_projects(project_id, server_project, role, joined_ms) "
                "SELECT ?1, server_project, role, joined_ms FROM sync_projects WHERE project_id = ?2 AND server_project = ?2");
            if (!link.ok())
                return link.error();
            link->bind(1, k.localProjectId).bind(2, k.projectId);
            SAMLA_TRY(link->run());
        }
        all.append({k.projectId, k.epoch, k.publicKey, k.localProjectId});
        m_client->setSubmissionKey(k.projectId, k.epoch, k.publicKey);
        ++report.keysReceived;
        changed = true;
    }
    if (!changed)
        return {};
    QCborArray list;
    for (const HeldSubmissionKey &h : std::as_const(all))
        list.append(QCborArray{h.serverProject, qint64(h.epoch), h.publicKey, h.localProjectId});
    return m_store.records().setMeta(kMetaSubmissionKeys, QCborValue(list).toCbor());
}

Status DeviceSync::grantSubmissionKeys(const QString &serverProject, std::uint32_t epoch,
                                       const crypto::SecureBytes &key, const QList<protocol::Member> &writers)
{
    if (writers.isEmpty())
        return {};
    auto local = linkedLocalProject(serverProject);
    if (!local.ok())
        return local.error();
    if (local->isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("the project is not linked on this device"));
    return m_client->grantSubmissionKey(serverProject, epoch, key, local.value(), writers);
}

Result<bool> DeviceSync::submitsOnly() const
{
    auto joined = projects();
    if (!joined.ok())
        return joined.error();
    if (joined->isEmpty())
        return false;
    for (const JoinedProject &p : joined.value())
        if (p.role != QLatin1String(protocol::kRoleWriteOnly))
            return false;
    return true;
}

Result<int> DeviceSync::forgetSentSubmissions()
{
    // Records of write-only projects whose every op the server has
    // acknowledged: an edit still waiting keeps the record here until it went too.
    auto s = m_store.database().prepare(
        "SELECT r.id FROM records r JOIN sync_projects p ON p.project_id = r.project_id "
        "WHERE p.role = ?1 AND NOT (r.deleted = 1 AND r.body = ?2) "
        "AND EXISTS (SELECT 1 FROM outbox o WHERE o.rid = r.rid) "
        "AND NOT EXISTS (SELECT 1 FROM outbox o LEFT JOIN sync_sent t ON t.local_seq = o.device_seq "
        "  WHERE o.rid = r.rid AND coalesce(t.acked, 0) = 0)");
    if (!s.ok())
        return s.error();
    // Forgotten before: an empty, deleted row (RecordStore::forgetSent).
    s->bind(1, QString::fromLatin1(protocol::kRoleWriteOnly))
        .bindBlob(2, store::detail::packBody(protocol::encodeCanonical(QCborMap())));
    QStringList ids;
    SAMLA_TRY(s->forEachRow([&] { ids.append(s->columnText(0)); }));
    if (ids.isEmpty())
        return 0;
    auto files = m_store.records().forgetSent(ids);
    if (!files.ok())
        return files.error();
    for (const QString &hash : files.value())
        if (!m_store.attachments().remove(hash).ok())
            qCWarning(lcSync) << "sync: a file of a sent entry could not be removed from this device";
    return int(ids.size());
}

} // namespace samla::appsync
