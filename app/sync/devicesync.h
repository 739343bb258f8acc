// DeviceSync: joins a sync server with an enrolment code and syncs this device's projects through it.
#pragma once

#include "storejournal.h"

#include "platform/core/clock.h"
#include "sync/client/transport.h"
#include "sync/protocol/enrolcode.h"

#include <functional>
#include <memory>

namespace samla::store { class LocalStore; }

namespace samla::appsync {

// Where this device syncs (from the enrolment code; the one-time token is not kept).
struct ServerInfo {
    QString host;
    std::uint16_t port = 0;
    QByteArray fingerprint;   // the pinned certificate's SHA-256
};

struct JoinedProject {
    QString serverProject;
    QString role;              // protocol::kRoleAdmin, kRoleMember or kRoleWriteOnly
    // false: waiting for an administrator to approve this device (a
    // write-only device: its submission key, as it never holds the project key)
    bool hasKey = false;
    QString localProjectId;    // the project's id in the records, once known (empty until a member's first sync)
};

struct SyncReport {
    int pushed = 0;
    int pulled = 0;
    store::RemoteApplyReport applied;
    int keysReceived = 0;
    int keysRotated = 0;     // admin devices: new epochs made after a revocation
    // No project key yet (an administrator has not approved this device):
    // nothing was sent or received, and the next sync tries again.
    bool waitingForApproval = false;
    // Key grants not installed (the sync itself went on with the keys held):
    // signed by a device that is not an administrator this device pinned, or
    // a different key for an epoch it already holds (its own key is kept).
    int untrustedGrants = 0;
    int conflictingGrants = 0;
    // A write-only device: entries the server now holds and this device no
    // longer keeps (see forgetSent), and whether it only submits.
    int forgotten = 0;
    bool submitsOnly = false;
    // A reader: entries from write-only devices refused because their kind
    // is not one a participant's device may submit (see submissionpolicy.h).
    int refusedSubmissions = 0;
};

class DeviceSync {
public:
    DeviceSync(store::LocalStore &store, const Clock &clock, sync::SyncClientOptions options = {});
    ~DeviceSync();

    // The server this device is joined to, if any.
    [[nodiscard]] Result<std::optional<ServerInfo>> server() const;
    [[nodiscard]] Result<QList<JoinedProject>> projects() const;

    // Enrols this device with the code. An admin code links the server
    // project to `localProjectId` (the project the administrator set up on
    // this device) and makes its first project key; a member code needs no
    // local project: it arrives with the first sync after approval.
    // A device joins one server; a code for another server is refused.
    [[nodiscard]] Result<JoinedProject> join(const protocol::EnrolCode &code, const QString &localProjectId = {});

    // Admin devices: the project's devices, and approving some of them (the
    // current project key sealed to each; a write-only device gets only the
    // signed submission public key, see writeonly.cpp).
    [[nodiscard]] Result<QList<protocol::Member>> members(const QString &serverProject);
    [[nodiscard]] Status approve(const QString &serverProject, const QList<protocol::Member> &devices);
    // An administrator removes a device (lost, stolen, handed on): the server
    // refuses it from then on, and this device moves the project to a new
    // key epoch at once (rotateKeyIfRevoked), so it reads nothing written after.
    [[nodiscard]] Result<std::uint32_t> revoke(const QString &serverProject, const QByteArray &device);

    // Admin devices: when a device that holds the current key has been
    // revoked, makes the next epoch's key and seals it to every device still
    // approved, so what is written from now on is closed to the revoked one.
    // Returns the epoch in force afterwards. syncNow() does this by itself
    // on admin devices.
    [[nodiscard]] Result<std::uint32_t> rotateKeyIfRevoked(const QString &serverProject);

    // Fetches keys granted to this device, pushes what is pending, pulls what is new.
    [[nodiscard]] Result<SyncReport> syncNow();
    [[nodiscard]] Result<int> pendingCount();
    // Every project this device joined is write-only (a participant's diary
    // device): it sends entries and can read nothing back.
    [[nodiscard]] Result<bool> submitsOnly() const;
    // When the last sync completed (ms since the epoch), or 0.
    [[nodiscard]] Result<std::int64_t> lastSyncMs() const;

    // Whether this device syncs by itself when it can (on unless turned off).
    [[nodiscard]] Result<bool> autoSync() const;
    [[nodiscard]] Status setAutoSync(bool on);

    // This device's id as administrators see it (hex of its Ed25519 key).
    QByteArray deviceId() const;

    // Makes the connection to the joined server (by default TLS pinned to
    // its certificate); tests wrap it to break or falsify what the server says.
    using TransportFactory = std::function<std::unique_ptr<sync::Transport>(const ServerInfo &)>;
    void setTransportFactory(TransportFactory factory);

private:
    Status ensureClient();
    Status loadKeys();
    Status storeKey(const QString &serverProject, std::uint32_t epoch, const crypto::SecureBytes &key);
    Result<std::uint32_t> currentEpoch(const QString &serverProject) const;
    // The administrator devices pinned per server project (at joining).
    Result<QHash<QString, QList<QByteArray>>> pinnedAdmins() const;
    Status savePinnedAdmins(const QHash<QString, QList<QByteArray>> &pins);
    Status receiveKeys(SyncReport &report);
    Status endorseAdministrators(const QString &serverProject, const QList<protocol::Member> &approved);
    Result<sync::FetchedKeys> fetchKeys();
    // Write-only devices (writeonly.cpp).
    struct HeldSubmissionKey {
        QString serverProject;
        std::uint32_t epoch = 0;
        QByteArray publicKey;
        QString localProjectId;
    };
    Result<QList<HeldSubmissionKey>> heldSubmissionKeys() const;
    Status installSubmissionKeys(const QList<sync::SubmissionKey> &keys, SyncReport &report);
    Result<int> forgetSentSubmissions();
    Result<QString> linkedLocalProject(const QString &serverProject) const;
    Status grantSubmissionKeys(const QString &serverProject, std::uint32_t epoch, const crypto::SecureBytes &key,
                               const QList<protocol::Member> &writers);

    store::LocalStore &m_store;
    const Clock &m_clock;
    sync::SyncClientOptions m_options;
    crypto::SignKeyPair m_sign;
    crypto::BoxKeyPair m_box;
    StoreJournal m_journal;
    TransportFactory m_transportFactory;
    std::unique_ptr<sync::Transport> m_transport;
    std::unique_ptr<sync::SyncClient> m_client;
};

} // namespace samla::appsync
