// SyncClient: enrols a device, seals and pushes its outbox, pulls and opens what other devices sent.
#pragma once

#include "transport.h"

#include "platform/core/clock.h"
#include "platform/core/result.h"
#include "platform/crypto/crypto.h"
#include "sync/protocol/envelope.h"
#include "sync/protocol/messages.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <chrono>
#include <functional>
#include <map>

namespace samla::sync {

// One outbox entry as the sync engine needs it: the clear header fields and
// the op's plaintext (canonical CBOR). The author device is filled in by the
// client from its own key.
struct OutgoingOp {
    protocol::EnvelopeHeader header;
    QByteArray plaintext;
    // Names (hashes) of the attachment files the op's record refers to: the
    // op is pushed only once the server holds each of them complete.
    QList<QString> attachments;
};

// An attachment an applied record refers to and this device does not hold.
struct WantedAttachment {
    QString projectId;   // the server's project id
    QString hash;
    bool operator==(const WantedAttachment &) const = default;
};

// An op another device (or this one) wrote, verified and opened.
struct IncomingOp {
    std::int64_t serverSeq = 0;
    protocol::EnvelopeHeader header;
    QByteArray plaintext;
};

// The narrow journal the engine works through (app/store implements it over
// RecordStore; tests over memory). Applying a page and moving the cursor
// happen in ONE transaction, so the cursor is never ahead of applied data.
class SyncJournal {
public:
    virtual ~SyncJournal() = default;
    // Ops not yet acknowledged by the server, in device_seq order.
    [[nodiscard]] virtual Result<QList<OutgoingOp>> pending(int limit) = 0;
    // The server stored these; they may leave the outbox.
    [[nodiscard]] virtual Status acknowledge(const QList<protocol::Receipt> &receipts) = 0;
    [[nodiscard]] virtual Result<std::int64_t> cursor() = 0;
    [[nodiscard]] virtual Status apply(const QList<IncomingOp> &ops, std::int64_t newCursor) = 0;
    // Attachments to fetch after a pull (kept until attachmentArrived()), so
    // a download cut short is taken up again by the next sync.
    [[nodiscard]] virtual Result<QList<WantedAttachment>> wantedAttachments() { return QList<WantedAttachment>(); }
    [[nodiscard]] virtual Status attachmentArrived(const WantedAttachment &) { return {}; }
    // The server holds ops of this device up to `serverHigh` that this
    // journal does not know of, so its unsent ops' numbers are taken (the
    // device's store was put back from a backup). Numbers the unsent ops
    // after serverHigh, in their order, and says whether it did; the lost
    // ops come back with the next pull like any other device's. A journal
    // that cannot leaves the refusal standing.
    [[nodiscard]] virtual Result<bool> renumberPendingAfter(std::int64_t serverHigh)
    {
        Q_UNUSED(serverHigh);
        return false;
    }
};

// How far a sync() has got: reported after each acknowledged push batch and
// each applied pull page, on the thread that runs sync().
struct SyncProgress {
    int sent = 0;       // ops the server acknowledged during this sync
    int received = 0;   // ops pulled and applied during this sync
    // Attachment bytes moved (either way) during this sync, of those found to
    // need moving so far (the total grows as each attachment is looked at).
    std::int64_t attachmentBytesDone = 0;
    std::int64_t attachmentBytesTotal = 0;
    // Attachments that can never be sent (over the size limit, or damaged on
    // this device): their records went without them.
    int attachmentsSkipped = 0;
};

struct SyncClientOptions {
    int attempts = 5;                                 // per request, before giving up
    std::chrono::milliseconds backoff{100};           // doubled after each failed attempt
    std::chrono::milliseconds maxBackoff{5'000};
    int pushBatch = 100;                              // envelopes per push request
    int pullPage = 200;                               // ops per pull request
    std::function<void(const SyncProgress &)> progress;   // optional
    // Where this device keeps its encrypted attachment files (named by
    // hash); empty: attachments are not transferred. See AttachmentSync.
    QString attachmentDirectory;
    qsizetype attachmentChunk = 1024 * 1024;          // bytes per upload or download request
};

// Why a sync request was refused, for the caller to show or act on.
struct Refusal {
    int status = 0;
    QString reason;     // the server's reason code ("gap", "revoked", …)
};

struct PushReport {
    QList<protocol::Receipt> receipts;
    std::int64_t high = 0;
};

// Who may grant this device a project's key: the project's administrator
// devices it pinned when it joined (DeviceSync keeps them).
using GranterCheck = std::function<bool(const QString &projectId, const QByteArray &granter)>;

// A key grant that was not installed, for the user to hear about.
struct KeyGrantProblem {
    enum class Kind {
        UntrustedGranter,   // signed by a device that is not a pinned administrator: refused
        ConflictingKey,     // an epoch this device holds, with another key: the first key is kept
    };
    Kind kind = Kind::UntrustedGranter;
    QString projectId;
    std::uint32_t epoch = 0;
};

// A submission public key a pinned administrator granted this (write-only) device.
struct SubmissionKey {
    QString projectId;        // the server's project id
    std::uint32_t epoch = 0;
    QByteArray publicKey;     // X25519
    QString localProjectId;   // the project's id in the records
};

struct FetchedKeys {
    int installed = 0;
    QList<KeyGrantProblem> problems;
    // Submission grants, checked like key grants (signature, pinned
    // administrator); DeviceSync keeps them for write-only projects only.
    QList<SubmissionKey> submissionKeys;
};

class SyncClient {
public:
    // The device key stays the caller's; the client only signs with it.
    // serverId is the SHA-256 of the certificate the device pinned for this
    // server: it is signed into every session proof, so a proof made for
    // this server is refused by any other.
    SyncClient(Transport &transport, const Clock &clock, const crypto::SignKeyPair &device, QByteArray serverId,
               SyncClientOptions options = {});

    // The key that seals and opens a project's envelopes of one key epoch.
    void setProjectKey(const QString &projectId, std::uint32_t epoch, crypto::SecureBytes key);
    // A write-only device: the submission public key of an epoch; ops marked
    // `submission` are sealed to the newest epoch's key it holds.
    void setSubmissionKey(const QString &projectId, std::uint32_t epoch, const QByteArray &publicKey);

    // Joins a project with a one-time token (idempotent: a retry after a lost answer succeeds).
    [[nodiscard]] Result<protocol::EnrolResponse> enrol(const QByteArray &token, const QByteArray &boxPublicKey);

    // Seals and pushes ops in batches. Retries transport failures (the server
    // answers a repeated op with its first receipt). Stops at a refusal.
    [[nodiscard]] Result<PushReport> push(const QList<OutgoingOp> &ops);

    // Pulls every page after `since`, verifies and opens each envelope, and
    // hands each page with its new cursor to `apply`. A failure stops before
    // the failing page is applied, so a later pull resumes from the last
    // cursor `apply` accepted.
    using ApplyPage = std::function<Status(const QList<IncomingOp> &ops, std::int64_t newCursor)>;
    [[nodiscard]] Result<std::int64_t> pull(std::int64_t since, const ApplyPage &apply);

    // Key distribution (ARCHITECTURE.md section 4). An admin device lists the
    // project's devices and approves one by sealing the project key of an
    // epoch to its X25519 key and signing the grant; a device fetches the
    // keys sealed to it. The server relays grants and cannot open them.
    [[nodiscard]] Result<QList<protocol::Member>> members(const QString &projectId);
    // Removes a device from the project (administrators; protocol::RevokeRequest).
    [[nodiscard]] Status revokeDevice(const QString &projectId, const QByteArray &device);
    // Refuses (Tampered) when a member's box key is not signed by its device.
    [[nodiscard]] static Status checkBoxKeys(const QList<protocol::Member> &recipients);
    [[nodiscard]] Status grantKey(const QString &projectId, std::uint32_t epoch, const crypto::SecureBytes &key,
                                  const QList<protocol::Member> &recipients);
    // Approves write-only devices: the submission public key derived from the
    // project key of `epoch` (never the key itself), with the project's id in
    // the records, sealed to each and signed as a submission grant.
    [[nodiscard]] Status grantSubmissionKey(const QString &projectId, std::uint32_t epoch,
                                            const crypto::SecureBytes &projectKey, const QString &localProjectId,
                                            const QList<protocol::Member> &recipients);
    // Installs every key sealed to this device whose grant is signed by its
    // granter and opens with `box`. A grant that fails either check is
    // refused (ErrorCode::Tampered), nothing installed. A grant whose granter
    // `trusted` does not accept is not installed, nor is a different key for
    // an epoch this device already holds (the key it holds stays): each is
    // returned as a problem, and the rest are installed.
    [[nodiscard]] Result<FetchedKeys> fetchKeys(const crypto::BoxKeyPair &box, const GranterCheck &trusted);

    // Push everything pending, then pull everything new (a write-only
    // device, which may not read, only pushes: receive = false).
    [[nodiscard]] Status sync(SyncJournal &journal, bool receive = true);

    // After push() failed: the receipts the server gave before it stopped
    // (earlier batches, or the stored prefix of a refused batch). Those ops
    // are stored and may leave the outbox.
    const PushReport &partialPush() const { return m_partialPush; }

    // The last refusal the server gave (reason code), for the UI and tests.
    const Refusal &lastRefusal() const { return m_lastRefusal; }

    // A request signed (authenticated) like every other sync request, with
    // the same retries; for AttachmentSync.
    [[nodiscard]] Result<HttpResponse> signedRequest(const QByteArray &method, const QByteArray &target,
                                                     const QByteArray &body);

    // The key of a project and epoch, if this client holds it.
    const crypto::SecureBytes *projectKey(const QString &projectId, std::uint32_t epoch) const;

    // Forgets the session token (the next request opens a new session).
    void endSession();
    // How many sessions this client has opened (tests).
    int sessionsOpened() const { return m_sessionsOpened; }

private:
    Status postExpectingOk(const QByteArray &target, const QByteArray &body);
    Status postGrants(const QString &projectId, std::uint32_t epoch, const crypto::SecureBytes &content,
                      const QList<protocol::Member> &recipients, bool submission);
    // authenticated: carries the session token, opening a session first when
    // there is none or it is about to expire, and once more when the server
    // says the token expired or is unknown (a server restart).
    Result<HttpResponse> request(const QByteArray &method, const QByteArray &target, const QByteArray &body,
                                 bool authenticated);
    Result<HttpResponse> send(const QByteArray &method, const QByteArray &target, const HeaderList &headers,
                              const QByteArray &body);
    Result<HttpResponse> sendWithToken(const QByteArray &method, const QByteArray &target,
                                       const QByteArray &body);
    Status openSession();
    Result<IncomingOp> open(const protocol::PulledEnvelope &pulled) const;

    Transport &m_transport;
    const Clock &m_clock;
    const crypto::SignKeyPair &m_device;
    QByteArray m_serverId;
    SyncClientOptions m_options;
    crypto::SecureBytes m_token;        // the session token; never logged
    std::int64_t m_tokenRenewAtMs = 0;  // this device's clock: open a new session from then on
    int m_sessionsOpened = 0;
    std::map<std::pair<QString, std::uint32_t>, crypto::SecureBytes> m_keys;
    std::map<std::pair<QString, std::uint32_t>, QByteArray> m_submissionKeys;
    Refusal m_lastRefusal;
    PushReport m_partialPush;
};

// The error a refusal becomes: the reason code in the detail, and a code the
// UI can map (Tampered for a bad envelope, NotFound for an unknown device…).
Error refusalError(const Refusal &refusal);

} // namespace samla::sync
