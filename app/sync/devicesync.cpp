#include "devicesync.h"

#include "admintrust.h"

#include "app/store/attachmentstore.h"
#include "app/store/localstore.h"
#include "platform/crypto/crypto.h"
#include "platform/db/database.h"
#include "sync/protocol/canonicalcbor.h"

#include <QCborArray>
#include <QCborMap>

#include <vector>

namespace samla::appsync {

namespace {

constexpr char kMetaServer[] = "sync_server";
constexpr char kMetaLastSync[] = "sync_last_ms";
constexpr char kMetaAutoSync[] = "sync_auto";
constexpr std::uint32_t kMaxEpochs = 1024;   // key rotations a project can go through
constexpr QByteArrayView kKeyPurpose("samla project key");

QByteArray encodeServer(const ServerInfo &s)
{
    QCborMap m;
    m.insert(QStringLiteral("host"), s.host);
    m.insert(QStringLiteral("port"), int(s.port));
    m.insert(QStringLiteral("fp"), s.fingerprint);
    return protocol::encodeCanonical(m);
}

} // namespace

DeviceSync::DeviceSync(store::LocalStore &store, const Clock &clock, sync::SyncClientOptions options)
    : m_store(store)
    , m_clock(clock)
    , m_options(options)
    , m_sign(store.deviceSigningKey())
    , m_box(store.deviceBoxKey())
    , m_journal(store)
{
    // Attachment files travel with the records that name them.
    if (m_options.attachmentDirectory.isEmpty())
        m_options.attachmentDirectory = store.attachments().directory();
}

DeviceSync::~DeviceSync() = default;

QByteArray DeviceSync::deviceId() const
{
    return m_sign.publicKey.toHex();
}

void DeviceSync::setTransportFactory(TransportFactory factory)
{
    m_transportFactory = std::move(factory);
    m_client.reset();
    m_transport.reset();
}

Result<std::optional<ServerInfo>> DeviceSync::server() const
{
    auto raw = m_store.records().meta(kMetaServer);
    if (!raw.ok())
        return raw.error();
    if (raw->isEmpty())
        return std::optional<ServerInfo>();
    const QCborMap m = QCborValue::fromCbor(raw.value()).toMap();
    ServerInfo s{m.value(QStringLiteral("host")).toString(), std::uint16_t(m.value(QStringLiteral("port")).toInteger()),
                 m.value(QStringLiteral("fp")).toByteArray()};
    if (s.host.isEmpty() || s.port == 0 || s.fingerprint.size() != 32)
        return makeError(ErrorCode::Corrupt, QStringLiteral("stored sync server is malformed"));
    return std::optional<ServerInfo>(s);
}

Result<QList<JoinedProject>> DeviceSync::projects() const
{
    auto s = m_store.database().prepare(
        "SELECT p.server_project, min(p.role), "
        " EXISTS(SELECT 1 FROM sync_keys k WHERE k.server_project = p.server_project), "
        " coalesce(max(CASE WHEN p.project_id != p.server_project THEN p.project_id END), '') "
        "FROM sync_projects p GROUP BY p.server_project ORDER BY min(p.joined_ms)");
    if (!s.ok())
        return s.error();
    QList<JoinedProject> out;
    SAMLA_TRY(s->forEachRow([&] {
        out.append(JoinedProject{s->columnText(0), s->columnText(1), s->columnInt(2) != 0, s->columnText(3)});
    }));
    // A write-only device holds no project key: approved means it holds a submission key.
    auto submission = heldSubmissionKeys();
    if (!submission.ok())
        return submission.error();
    for (JoinedProject &p : out) {
        if (p.role != QLatin1String(protocol::kRoleWriteOnly))
            continue;
        p.hasKey = false;
        for (const HeldSubmissionKey &k : submission.value())
            p.hasKey = p.hasKey || k.serverProject == p.serverProject;
    }
    return out;
}

Status DeviceSync::ensureClient()
{
    if (m_client)
        return {};
    auto info = server();
    if (!info.ok())
        return info.error();
    if (!info->has_value())
        return makeError(ErrorCode::NotFound, QStringLiteral("this device has not joined a sync server"));
    if (m_transportFactory) {
        m_transport = m_transportFactory(info->value());
    } else {
        sync::BeastTransportOptions t;
        t.pinnedCertificateSha256 = info->value().fingerprint;
        m_transport = std::make_unique<sync::BeastTransport>(info->value().host, info->value().port, t);
    }
    m_client = std::make_unique<sync::SyncClient>(*m_transport, m_clock, m_sign, info->value().fingerprint,
                                                  m_options);
    return loadKeys();
}

Status DeviceSync::loadKeys()
{
    auto s = m_store.database().prepare("SELECT server_project, epoch, wrapped FROM sync_keys");
    if (!s.ok())
        return s.error();
    Status status;
    SAMLA_TRY(s->forEachRow([&] {
        auto key = m_store.unwrapSecret(s->columnBlob(2), kKeyPurpose);
        if (!key.ok()) {
            status = key.error();
            return;
        }
        m_client->setProjectKey(s->columnText(0), std::uint32_t(s->columnInt(1)), std::move(key.value()));
    }));
    SAMLA_TRY(status);
    auto submission = heldSubmissionKeys();
    if (!submission.ok())
        return submission.error();
    for (const HeldSubmissionKey &k : submission.value())
        m_client->setSubmissionKey(k.serverProject, k.epoch, k.publicKey);
    return {};
}

Status DeviceSync::storeKey(const QString &serverProject, std::uint32_t epoch, const crypto::SecureBytes &key)
{
    auto s = m_store.database().prepare(
        "INSERT OR IGNORE INTO sync_keys(server_project, epoch, wrapped) VALUES(?1, ?2, ?3)");
    if (!s.ok())
        return s.error();
    s->bind(1, serverProject).bind(2, std::int64_t(epoch)).bindBlob(3, m_store.wrapSecret(key, kKeyPurpose));
    return s->run();
}

Result<JoinedProject> DeviceSync::join(const protocol::EnrolCode &code, const QString &localProjectId)
{
    auto current = server();
    if (!current.ok())
        return current.error();
    const ServerInfo info{code.host, code.port, code.fingerprint};
    if (current->has_value() && (current->value().host != info.host || current->value().port != info.port
                                 || current->value().fingerprint != info.fingerprint))
        return makeError(ErrorCode::AlreadyExists, QStringLiteral("this device already syncs with another server"));

    sync::BeastTransportOptions t;
    t.pinnedCertificateSha256 = code.fingerprint;
    sync::BeastTransport transport(code.host, code.port, t);
    sync::SyncClient client(transport, m_clock, m_sign, code.fingerprint, m_options);
    auto enrolled = client.enrol(code.token, m_box.publicKey);
    if (!enrolled.ok())
        return enrolled.error();
    const QString serverProject = enrolled->projectId;
    const QString role = enrolled->role;
    const bool admin = role == QLatin1String(protocol::kRoleAdmin);
    if (admin && localProjectId.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("an administrator links a local project"));

    // The administrators the server named now are the devices this one
    // takes project keys from, for good (an older server names none: the
    // first administrator to approve this device is pinned then).
    auto pins = pinnedAdmins();
    if (!pins.ok())
        return pins.error();
    for (const QByteArray &adminKey : enrolled->admins)
        if (!pins.value()[serverProject].contains(adminKey))
            pins.value()[serverProject].append(adminKey);

    db::Database &db = m_store.database();
    {
        db::Transaction tx(db);
        SAMLA_TRY(tx.begin());
        auto meta = db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)");
        if (!meta.ok())
            return meta.error();
        meta->bind(1, QString::fromLatin1(kMetaServer)).bindBlob(2, encodeServer(info));
        SAMLA_TRY(meta->run());
        SAMLA_TRY(savePinnedAdmins(pins.value()));
        auto link = db.prepare("INSERT OR REPLACE INTO sync_projects(project_id, server_project, role, joined_ms) "
                               "VALUES(?1, ?2, ?3, ?4)");
        if (!link.ok())
            return link.error();
        // A member learns the local project id from the first op it receives.
        link->bind(1, admin ? localProjectId : serverProject).bind(2, serverProject).bind(3, role);
        link->bind(4, m_clock.nowMs());
        SAMLA_TRY(link->run());
        // Everything already written in a project that now syncs is sent:
        // the scan starts again from the beginning (numbered ops keep their number).
        auto rescan = db.prepare("DELETE FROM meta WHERE key = ?1");
        if (!rescan.ok())
            return rescan.error();
        rescan->bind(1, QString::fromLatin1(kMetaScanned));
        SAMLA_TRY(rescan->run());
        SAMLA_TRY(tx.commit());
    }
    m_client.reset();
    m_transport.reset();
    SAMLA_TRY(ensureClient());

    bool hasKey = false;
    if (admin) {
        // The administrator's device makes the project's first key and
        // seals it to itself through the server, like any other device.
        auto members = m_client->members(serverProject);
        if (!members.ok())
            return members.error();
        bool anyKey = false;
        for (const protocol::Member &m : members.value())
            anyKey = anyKey || !m.grantedEpochs.isEmpty();
        if (!anyKey) {
            const crypto::SecureBytes key = crypto::SecureBytes::random(32);
            QList<protocol::Member> self;
            for (const protocol::Member &m : members.value())
                if (m.signKey == m_sign.publicKey)
                    self.append(m);
            SAMLA_TRY(m_client->grantKey(serverProject, 1, key, self));
            SAMLA_TRY(storeKey(serverProject, 1, key));
            m_client->setProjectKey(serverProject, 1, key.clone());
            hasKey = true;
        } else {
            // Another administrator's device made this project: this one
            // joins it as a member does, learning the project from the first
            // op it receives once approved, and the project it was opened on
            // stays on this device.
            auto relink = db.prepare("UPDATE sync_projects SET project_id = server_project "
                                     "WHERE server_project = ?1 AND project_id = ?2");
            if (!relink.ok())
                return relink.error();
            relink->bind(1, serverProject).bind(2, localProjectId);
            SAMLA_TRY(relink->run());
            return JoinedProject{serverProject, role, false, QString()};
        }
    }
    return JoinedProject{serverProject, role, hasKey, admin ? localProjectId : QString()};
}

Result<QList<protocol::Member>> DeviceSync::members(const QString &serverProject)
{
    SAMLA_TRY(ensureClient());
    return m_client->members(serverProject);
}

Status DeviceSync::approve(const QString &serverProject, const QList<protocol::Member> &devices)
{
    SAMLA_TRY(ensureClient());
    // Every epoch: what was sealed before a rotation is read with the older keys.
    auto s = m_store.database().prepare("SELECT epoch, wrapped FROM sync_keys WHERE server_project = ?1 ORDER BY epoch");
    if (!s.ok())
        return s.error();
    s->bind(1, serverProject);
    std::vector<std::pair<std::uint32_t, crypto::SecureBytes>> keys;
    Status opened;
    SAMLA_TRY(s->forEachRow([&] {
        auto key = m_store.unwrapSecret(s->columnBlob(1), kKeyPurpose);
        if (!key.ok())
            opened = key.error();
        else
            keys.emplace_back(std::uint32_t(s->columnInt(0)), std::move(key.value()));
    }));
    SAMLA_TRY(opened);
    if (keys.empty())
        return makeError(ErrorCode::NotFound, QStringLiteral("this device holds no key for the project"));
    // A write-only device (a participant's diary device) never gets the
    // project key: only the current epoch's submission public key.
    QList<protocol::Member> readers, writers;
    for (const protocol::Member &d : devices)
        (d.role == QLatin1String(protocol::kRoleWriteOnly) ? writers : readers).append(d);
    if (!readers.isEmpty())
        for (const auto &[epoch, key] : keys)
            SAMLA_TRY(m_client->grantKey(serverProject, epoch, key, readers));
    SAMLA_TRY(endorseAdministrators(serverProject, readers));
    return grantSubmissionKeys(serverProject, keys.back().first, keys.back().second, writers);
}

// An administrator's device this one approved is endorsed to the devices
// that pinned this one (see admintrust.h): it is pinned here at once, and
// the endorsement goes out with the next sync.
Status DeviceSync::endorseAdministrators(const QString &serverProject, const QList<protocol::Member> &approved)
{
    QList<QByteArray> admins;
    for (const protocol::Member &m : approved)
        if (m.role == QLatin1String(protocol::kRoleAdmin) && !m.revoked)
            admins.append(m.signKey);
    if (admins.isEmpty())
        return {};
    auto local = linkedLocalProject(serverProject);
    if (!local.ok())
        return local.error();
    if (local->isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("no local project for this server project"));
    const QString localProject = local.value();
    auto pins = pinnedAdmins();
    if (!pins.ok())
        return pins.error();
    for (const QByteArray &key : admins) {
        auto written = m_store.records().put(adminEndorsement(localProject, key));
        if (!written.ok())
            return written.error();
        if (!pins.value()[serverProject].contains(key))
            pins.value()[serverProject].append(key);
    }
    return savePinnedAdmins(pins.value());
}

Result<std::uint32_t> DeviceSync::revoke(const QString &serverProject, const QByteArray &device)
{
    SAMLA_TRY(ensureClient());
    SAMLA_TRY(m_client->revokeDevice(serverProject, device));
    return rotateKeyIfRevoked(serverProject);
}

Result<QHash<QString, QList<QByteArray>>> DeviceSync::pinnedAdmins() const
{
    return loadPinnedAdmins(m_store.records());
}

Status DeviceSync::savePinnedAdmins(const QHash<QString, QList<QByteArray>> &pins)
{
    return appsync::savePinnedAdmins(m_store.database(), pins);
}

Result<sync::FetchedKeys> DeviceSync::fetchKeys()
{
    auto pins = pinnedAdmins();
    if (!pins.ok())
        return pins.error();
    QHash<QString, QList<QByteArray>> trusted = pins.value();
    bool learnt = false;
    auto check = [&trusted, &learnt](const QString &project, const QByteArray &granter) {
        QList<QByteArray> &admins = trusted[project];
        // A device that joined before administrators were pinned (or through
        // a server that named none) trusts the first administrator that
        // approves it, and only that one from then on.
        if (admins.isEmpty()) {
            admins.append(granter);
            learnt = true;
        }
        return admins.contains(granter);
    };
    auto fetched = m_client->fetchKeys(m_box, check);
    if (fetched.ok() && learnt)
        SAMLA_TRY(savePinnedAdmins(trusted));
    return fetched;
}

Result<std::uint32_t> DeviceSync::currentEpoch(const QString &serverProject) const
{
    auto s = m_store.database().prepare("SELECT coalesce(max(epoch), 0) FROM sync_keys WHERE server_project = ?1");
    if (!s.ok())
        return s.error();
    s->bind(1, serverProject);
    auto row = s->step();
    if (!row.ok())
        return row.error();
    return std::uint32_t(s->columnInt(0));
}

Result<std::uint32_t> DeviceSync::rotateKeyIfRevoked(const QString &serverProject)
{
    SAMLA_TRY(ensureClient());
    auto epoch = currentEpoch(serverProject);
    if (!epoch.ok())
        return epoch.error();
    if (epoch.value() == 0)
        return makeError(ErrorCode::NotFound, QStringLiteral("this device holds no key for the project"));
    auto members = m_client->members(serverProject);
    if (!members.ok())
        return members.error();
    bool exposed = false;
    QList<protocol::Member> approved, writers;
    for (const protocol::Member &m : members.value()) {
        const bool holdsCurrent = m.grantedEpochs.contains(epoch.value());
        // A write-only device's grant is the submission public key: it can
        // read nothing, so its removal exposes nothing. A reader's removal
        // exposes the key and the submission key derived from it, so the
        // write-only devices move on to the next epoch's submission key too.
        const bool writeOnly = m.role == QLatin1String(protocol::kRoleWriteOnly);
        if (m.revoked)
            exposed = exposed || (holdsCurrent && !writeOnly);
        else if (holdsCurrent)
            (writeOnly ? writers : approved).append(m);
    }
    if (!exposed)
        return epoch.value();
    const std::uint32_t next = epoch.value() + 1;
    const crypto::SecureBytes key = crypto::SecureBytes::random(32);
    SAMLA_TRY(m_client->grantKey(serverProject, next, key, approved));
    SAMLA_TRY(storeKey(serverProject, next, key));
    m_client->setProjectKey(serverProject, next, key.clone());
    SAMLA_TRY(grantSubmissionKeys(serverProject, next, key, writers));
    return next;
}

// Keys granted since the last sync; each is kept wrapped in the store.
// Problems with grants are counted afresh each time.
Status DeviceSync::receiveKeys(SyncReport &report)
{
    report.untrustedGrants = 0;
    report.conflictingGrants = 0;
    auto fetched = fetchKeys();
    if (!fetched.ok())
        return fetched.error();
    for (const sync::KeyGrantProblem &p : fetched->problems) {
        if (p.kind == sync::KeyGrantProblem::Kind::UntrustedGranter)
            ++report.untrustedGrants;
        else
            ++report.conflictingGrants;
    }
    SAMLA_TRY(installSubmissionKeys(fetched->submissionKeys, report));
    auto grants = m_store.database().prepare("SELECT count(*) FROM sync_keys");
    if (!grants.ok())
        return grants.error();
    auto before = grants->step();
    if (!before.ok())
        return before.error();
    const std::int64_t keysBefore = grants->columnInt(0);
    grants->reset();
    auto joined = projects();
    if (!joined.ok())
        return joined.error();
    for (const JoinedProject &p : joined.value()) {
        for (std::uint32_t epoch = 1; epoch <= kMaxEpochs; ++epoch) {
            if (const crypto::SecureBytes *key = m_client->projectKey(p.serverProject, epoch))
                SAMLA_TRY(storeKey(p.serverProject, epoch, *key));
        }
    }
    auto after = grants->step();
    if (!after.ok())
        return after.error();
    report.keysReceived += int(grants->columnInt(0) - keysBefore);
    grants->reset();   // an open read would block the writes below
    return {};
}

Result<SyncReport> DeviceSync::syncNow()
{
    SAMLA_TRY(ensureClient());
    SyncReport report;
    SAMLA_TRY(receiveKeys(report));
    auto joined = projects();
    if (!joined.ok())
        return joined.error();

    bool anyKey = false;
    bool reads = false, submits = false;
    for (const JoinedProject &p : joined.value()) {
        if (p.role == QLatin1String(protocol::kRoleWriteOnly)) {
            submits = true;
            anyKey = anyKey || p.hasKey;
            continue;
        }
        reads = true;
        for (std::uint32_t epoch = 1; epoch <= kMaxEpochs && !anyKey; ++epoch)
            anyKey = m_client->projectKey(p.serverProject, epoch) != nullptr;
        if (p.role == QLatin1String(protocol::kRoleAdmin) && p.hasKey) {
            auto epochBefore = currentEpoch(p.serverProject);
            if (!epochBefore.ok())
                return epochBefore.error();
            auto epochAfter = rotateKeyIfRevoked(p.serverProject);
            if (!epochAfter.ok())
                return epochAfter.error();
            report.keysRotated += int(epochAfter.value() - epochBefore.value());
        }
    }
    report.submitsOnly = submits && !reads;
    if (!anyKey) {
        report.waitingForApproval = true;
        return report;
    }

    auto pending = m_journal.pendingCount();
    if (!pending.ok())
        return pending.error();
    m_journal.resetApplied();
    // A write-only device may not read: it only sends, and then forgets
    // what the server acknowledged (the entries are the research team's now).
    Status synced = m_client->sync(m_journal, reads);
    // An endorsement pinned another administrator: its key grants count now,
    // and what it sealed with them (which stopped the pull) can be read.
    if (m_journal.learntAdmins()) {
        const int keysBefore = report.keysReceived;
        SAMLA_TRY(receiveKeys(report));
        if (report.keysReceived > keysBefore)
            synced = m_client->sync(m_journal, reads);
    }
    if (submits) {
        auto forgotten = forgetSentSubmissions();
        if (!forgotten.ok())
            return forgotten.error();
        report.forgotten = forgotten.value();
    }
    SAMLA_TRY(synced);
    // Ops held back as stamped more than a day ahead of this clock are tried
    // again even when nothing new came; how many are still held is reported.
    auto held = m_store.records().heldRemoteOps();
    if (!held.ok())
        return held.error();
    if (held.value() > 0) {
        auto cursor = m_journal.cursor();
        if (!cursor.ok())
            return cursor.error();
        SAMLA_TRY(m_journal.apply({}, cursor.value()));
        held = m_store.records().heldRemoteOps();
        if (!held.ok())
            return held.error();
    }
    auto left = m_journal.pendingCount();
    if (!left.ok())
        return left.error();
    report.pushed = pending.value() - left.value();
    report.applied = m_journal.applied();
    report.applied.deferred = held.value();
    auto stamp = m_store.database().prepare("INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)");
    if (!stamp.ok())
        return stamp.error();
    stamp->bind(1, QString::fromLatin1(kMetaLastSync)).bindBlob(2, QByteArray::number(qint64(m_clock.nowMs())));
    SAMLA_TRY(stamp->run());
    report.refusedSubmissions = m_journal.refusedSubmissions();
    report.pulled = report.applied.applied + report.applied.kept + report.applied.conflicts + report.applied.erased
                    + report.applied.duplicates + report.applied.ignored;
    return report;
}

Result<std::int64_t> DeviceSync::lastSyncMs() const
{
    auto raw = m_store.records().meta(kMetaLastSync);
    if (!raw.ok())
        return raw.error();
    return raw->toLongLong();
}

Result<bool> DeviceSync::autoSync() const
{
    auto raw = m_store.records().meta(kMetaAutoSync);
    if (!raw.ok())
        return raw.error();
    return raw.value() != "0";
}

Status DeviceSync::setAutoSync(bool on)
{
    auto s = m_store.database().prepare("INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)");
    if (!s.ok())
        return s.error();
    s->bind(1, QString::fromLatin1(kMetaAutoSync)).bindBlob(2, on ? QByteArray("1") : QByteArray("0"));
    return s->run();
}

Result<int> DeviceSync::pendingCount()
{
    return m_journal.pendingCount();
}

} // namespace samla::appsync
