// ServerStore: what samla-server keeps (devices, projects, tokens, sealed ops), behind one interface per backend.
#pragma once

#include "platform/core/result.h"
#include "sync/protocol/messages.h"

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <QString>

#include <cstdint>
#include <functional>
#include <optional>

namespace samla::server {

struct DeviceInfo {
    std::int64_t id = 0;          // the store's row id
    QByteArray signKey;           // Ed25519 public key: the device id on the wire
    QByteArray boxKey;            // X25519 public key
    std::int64_t enrolledMs = 0;
    std::optional<std::int64_t> revokedMs;
};

struct Membership {
    QString projectId;
    QString role;                 // protocol::kRoleMember or kRoleWriteOnly
};

// One op as the server keeps it: the clear header fields it indexes and the
// envelope exactly as the device sent it (body still sealed).
//
// Erasure (ARCHITECTURE §6: "delete ciphertext on server and devices"): an
// op whose header says it erases its record makes the store delete, in the
// same transaction, the envelope of every other op of that record and the
// attachment blobs the header names. The rows stay, without their
// envelopes, so device_seq stays gapless, retries get their receipts, and
// pulls step over them. An op of an erased record that arrives later (a
// device that was offline) is stored the same way: its content is never
// kept. The erasure ops themselves carry no content and are kept, so every
// device learns of the erasure. A blob named by an erasure is refused if it
// is uploaded again.
struct StoredOp {
    QByteArray opId;
    std::int64_t deviceSeq = 0;
    QString projectId;
    QByteArray envelope;
    QString recordId;             // from the clear header
    bool erasure = false;
    QStringList erasedBlobs;      // attachment names (64 hex digits)
};

enum class PushOutcome {
    Stored,        // every op is stored (new ones got a server_seq, retries their old one)
    Gap,           // an op's device_seq is not high + 1
    SeqConflict,   // device_seq already used by a different op
    OpConflict,    // op_id already used by a different device or device_seq
};

struct PushResult {
    QList<protocol::Receipt> receipts;   // for the stored prefix of the batch
    std::int64_t high = 0;               // the device's highest stored device_seq, after the batch
    PushOutcome outcome = PushOutcome::Stored;
    int erasedOps = 0;                   // envelopes deleted by erasures in the batch (or not kept)
    int erasedBlobs = 0;                 // attachment blobs deleted by erasures in the batch
};

enum class EnrolOutcome {
    Enrolled,
    BadToken,      // unknown, used by another device, or expired
    Revoked,       // this device key was revoked; it cannot come back with a new token
};

struct EnrolResult {
    EnrolOutcome outcome = EnrolOutcome::BadToken;
    Membership membership;
};

// One attachment blob (ciphertext, named by its hash) as a project holds it.
struct BlobState {
    bool exists = false;
    std::int64_t size = 0;       // declared by the first chunk
    std::int64_t held = 0;       // bytes stored, from the start
    bool complete = false;       // every byte held and the hash checked
    bool erased = false;         // named by an erasure: gone, and never taken again
};

// Every method runs in its own transaction; a failure leaves nothing half-written.
class ServerStore {
public:
    virtual ~ServerStore() = default;

    [[nodiscard]] virtual Status createProject(const QString &projectId, std::int64_t nowMs) = 0;
    [[nodiscard]] virtual Result<QList<QString>> projects() = 0;
    // Stores only a hash of the token, so reading the store does not let anyone enrol.
    [[nodiscard]] virtual Status addEnrolToken(const QByteArray &tokenHash, const QString &projectId,
                                               const QString &role, std::int64_t expiresMs) = 0;
    // Consumes the token and enrols the device in its project. Idempotent for
    // the device that used the token (a retry after a lost answer succeeds).
    // boxProof is kept and named in members() (SyncService checked it).
    [[nodiscard]] virtual Result<EnrolResult> enrol(const QByteArray &tokenHash, const QByteArray &signKey,
                                                    const QByteArray &boxKey, const QByteArray &boxProof,
                                                    std::int64_t nowMs) = 0;

    [[nodiscard]] virtual Result<std::optional<DeviceInfo>> device(const QByteArray &signKey) = 0;
    [[nodiscard]] virtual Result<QList<DeviceInfo>> devices() = 0;
    [[nodiscard]] virtual Result<QList<Membership>> memberships(std::int64_t deviceId) = 0;
    [[nodiscard]] virtual Status revokeDevice(const QByteArray &signKey, std::int64_t nowMs) = 0;

    // Stores ops of one device in order, all in one transaction, stopping at
    // the first that cannot be stored: retries (same op_id, same device and
    // device_seq) get their old receipt; a new op must be exactly high + 1.
    [[nodiscard]] virtual Result<PushResult> push(std::int64_t deviceId, const QList<StoredOp> &ops,
                                                  std::int64_t nowMs) = 0;
    // Several devices' pushes at once (samla-server groups the pushes that
    // arrive while it commits): each is stored exactly as push() would store
    // it, and every result is final only when all are. Both stores commit
    // the group in one transaction, so one commit (one fsync) covers every
    // batch in it; a failure then stores none of them. The default stores
    // each in its own transaction (a failure keeps the earlier ones; their
    // devices get the same receipts when they retry).
    struct PushItem {
        std::int64_t deviceId = 0;
        QList<StoredOp> ops;
    };
    [[nodiscard]] virtual Result<QList<PushResult>> pushGroup(const QList<PushItem> &items, std::int64_t nowMs)
    {
        QList<PushResult> out;
        for (const PushItem &item : items) {
            auto stored = push(item.deviceId, item.ops, nowMs);
            if (!stored.ok())
                return stored.error();
            out.append(stored.value());
        }
        return out;
    }
    [[nodiscard]] virtual Result<std::int64_t> highWaterMark(std::int64_t deviceId) = 0;
    // Ops after server_seq `since` in the projects where the device is a member
    // (not write-only), oldest first, at most `limit` ops and about `maxBytes`
    // (always at least one op when any is waiting).
    [[nodiscard]] virtual Result<protocol::PullResponse> pull(std::int64_t deviceId, std::int64_t since, int limit,
                                                              qsizetype maxBytes) = 0;

    // Stores key grants, all or none, in one transaction. Each recipient
    // must be an active member of the grant's project (a write-only one gets
    // submission grants only; SyncService checks which is which). A grant that
    // is already stored for (project, epoch, recipient) is kept as it was:
    // retries are harmless and nobody can overwrite a device's key.
    enum class GrantOutcome { Stored, NotMember };
    [[nodiscard]] virtual Result<GrantOutcome> putGrants(const QList<protocol::KeyGrant> &grants,
                                                         std::int64_t nowMs) = 0;
    // The grants sealed to a device, oldest epoch first.
    [[nodiscard]] virtual Result<QList<protocol::KeyGrant>> grantsFor(std::int64_t deviceId) = 0;
    // Every device of a project, with its role and the epochs it holds.
    [[nodiscard]] virtual Result<QList<protocol::Member>> members(const QString &projectId) = 0;

    // Attachment blobs, one per (project, hash) however many ops name it.
    // See sync/server/attachmentblobs.h for who may call these and when.
    [[nodiscard]] virtual Result<BlobState> blobState(const QString &projectId, const QString &hash) = 0;
    // Appends `bytes` when `offset` is exactly what the store holds (a new
    // blob starts at 0 with the declared `size`); otherwise changes nothing.
    // Either way returns the state after: the caller compares `held`.
    // The bytes and the new `held` are kept together or not at all.
    [[nodiscard]] virtual Result<BlobState> appendBlob(const QString &projectId, const QString &hash,
                                                       std::int64_t size, std::int64_t offset,
                                                       const QByteArray &bytes, std::int64_t nowMs) = 0;
    // Up to maxBytes held bytes from offset (empty at the end).
    [[nodiscard]] virtual Result<QByteArray> readBlob(const QString &projectId, const QString &hash,
                                                      std::int64_t offset, qsizetype maxBytes) = 0;
    // After the hash was checked: keep marks the blob complete, otherwise
    // it is discarded (the next upload starts again from 0).
    [[nodiscard]] virtual Status finishBlob(const QString &projectId, const QString &hash, bool keep) = 0;
    // The BLAKE2b-256 of a blob's first `size` bytes, taken when the job
    // runs: made here, run on any thread while the store goes on serving
    // requests on its own (samla-server hashes a whole blob on a worker).
    // Only for a blob that holds all its bytes (held == size): no call
    // changes them until finishBlob().
    using BlobHashJob = std::function<Result<QByteArray>()>;
    [[nodiscard]] virtual Result<BlobHashJob> blobHashJob(const QString &projectId, const QString &hash,
                                                          std::int64_t size) = 0;

    // Deletes attachment uploads that were started before `createdBeforeMs`
    // and never finished (held < size): a device that gave up, or was
    // revoked mid-upload, leaves nothing behind for ever. An upload resumed
    // later starts again from 0. Returns how many were deleted.
    [[nodiscard]] virtual Result<int> expireUnfinishedBlobs(std::int64_t createdBeforeMs) = 0;

    struct Counts {
        std::int64_t projects = 0;
        std::int64_t devices = 0;
        std::int64_t revokedDevices = 0;
        std::int64_t ops = 0;
        std::int64_t lastServerSeq = 0;
        std::int64_t erasedOps = 0;          // ops kept without their envelope (erasure)
        // Devices whose stored ops are not numbered 1..n exactly (always 0:
        // a check an operator or a test can run on the store itself).
        std::int64_t devicesWithGaps = 0;
    };
    [[nodiscard]] virtual Result<Counts> counts() = 0;
};

} // namespace samla::server
