// Sync messages between device and server: enrolment, push, pull, refusals; canonical CBOR, strictly decoded.
#pragma once

#include "strictcbor.h"

#include "platform/core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>

namespace samla::protocol {

inline constexpr int kMessageVersion = 1;
// Bounds a decoder enforces before it trusts a count or a size.
inline constexpr int kMaxPushBatch = 256;
inline constexpr int kMaxPullPage = 500;
inline constexpr qsizetype kMaxEnvelopeBytes = 4 * 1024 * 1024;
inline constexpr qsizetype kMaxMessageBytes = 8 * 1024 * 1024;

// Roles a device can hold in a project.
inline constexpr char kRoleMember[] = "member";        // reads and writes the project's envelopes
inline constexpr char kRoleWriteOnly[] = "writeonly";  // submits only (a participant's diary device)
inline constexpr char kRoleAdmin[] = "admin";          // a member who also approves devices (grants them the key)
// Roles that read a project's envelopes (and so may hold its key).
bool roleReads(const QString &role);
inline constexpr int kMaxGrants = 256;
inline constexpr int kMaxMembers = 4096;

// POST /v1/enrol. The device proves it holds the signing key it enrols by
// signing enrolProofBytes() with it; the one-time token proves an
// administrator let it in.
struct EnrolRequest {
    QByteArray token;      // 32 bytes, as issued by `samla-server enrol`
    QByteArray signKey;    // Ed25519 public key (the device id)
    QByteArray boxKey;     // X25519 public key, to which project keys will be sealed
    QByteArray proof;      // Ed25519 signature over enrolProofBytes()
    // Ed25519 signature over boxKeyProofBytes(boxKey): the server keeps it
    // and hands it on with the member list, so an administrator seals the
    // project key only to a box key the device itself vouched for. Without
    // it, a server could put its own box key next to a device's id and be
    // handed the key to everything.
    QByteArray boxProof;

    QByteArray encode() const;
    [[nodiscard]] static Result<EnrolRequest> decode(QByteArrayView bytes);
};
QByteArray enrolProofBytes(const QByteArray &token, const QByteArray &signKey, const QByteArray &boxKey);
QByteArray boxKeyProofBytes(const QByteArray &boxKey);
// Whether boxProof is signKey's signature over boxKeyProofBytes(boxKey).
bool boxKeyProven(const QByteArray &signKey, const QByteArray &boxKey, const QByteArray &boxProof);

struct EnrolResponse {
    QString projectId;
    QString role;
    // The project's administrator devices (Ed25519 keys) when the device
    // enrolled: the devices it accepts project keys from. Empty when none
    // has enrolled yet (and from servers before this field).
    QList<QByteArray> admins;

    QByteArray encode() const;
    [[nodiscard]] static Result<EnrolResponse> decode(QByteArrayView bytes);
};

// POST /v1/push: envelopes in device_seq order, each in its wire form.
struct PushRequest {
    QList<QByteArray> envelopes;

    QByteArray encode() const;
    [[nodiscard]] static Result<PushRequest> decode(QByteArrayView bytes);
};

// The server's promise that an op is stored: retries get the same receipt.
struct Receipt {
    QByteArray opId;
    std::int64_t deviceSeq = 0;
    std::int64_t serverSeq = 0;
    bool operator==(const Receipt &) const = default;
};

// Answer to a push, also when part of it was refused: receipts for the ops
// stored (a prefix of the batch), the device's high-water mark, and, when an
// op was refused, why (`error` is a reason code, see sync/server/README.md).
struct PushResponse {
    QList<Receipt> receipts;
    std::int64_t high = 0;
    QString error;

    QByteArray encode() const;
    [[nodiscard]] static Result<PushResponse> decode(QByteArrayView bytes);
};

// GET /v1/pull?since=N&limit=M: envelopes after server_seq N, oldest first.
struct PulledEnvelope {
    std::int64_t serverSeq = 0;
    QByteArray envelope;
};
struct PullResponse {
    QList<PulledEnvelope> ops;
    std::int64_t next = 0;   // the cursor to ask from next
    bool more = false;       // another page is waiting

    QByteArray encode() const;
    [[nodiscard]] static Result<PullResponse> decode(QByteArrayView bytes);
};

// A project key of one epoch, sealed (crypto_box_seal) to one device's X25519
// key by an admin device, which signs it so the recipient knows which
// device approved it (the server only relays it and cannot read the key).
struct KeyGrant {
    QString projectId;
    std::uint32_t epoch = 1;
    QByteArray recipient;   // Ed25519 public key (device id) of the device it is for
    QByteArray sealed;      // 80 bytes: a 32-byte key in a sealed box
    QByteArray granter;     // Ed25519 public key of the admin device
    QByteArray signature;   // granter's signature over signedBytes()

    QByteArray signedBytes() const;
    // A submission grant (to a write-only device) is the same record with
    // another meaning, signed under its own context so neither can pass for
    // the other: `sealed` holds, sealed to the device, the epoch's submission
    // public key (32 bytes) followed by the project's id in the records
    // (UTF-8), so the device knows where its entries belong. See
    // docs/design-notes.md, "Write-only devices".
    QByteArray submissionSignedBytes() const;
    bool operator==(const KeyGrant &) const = default;
};
inline constexpr qsizetype kMaxSealedGrantBytes = 80 + 64;
// What a submission grant carries, before sealing / after opening.
struct SubmissionKeyContent {
    QByteArray publicKey;     // X25519, 32 bytes
    QString localProjectId;   // the records' project id (at most 64 bytes)
};
QByteArray encodeSubmissionContent(const SubmissionKeyContent &content);
[[nodiscard]] Result<SubmissionKeyContent> decodeSubmissionContent(QByteArrayView bytes);

// POST /v1/grants (admin devices) and the answer to GET /v1/grants (the
// caller's own grants, every epoch).
struct GrantList {
    QList<KeyGrant> grants;

    QByteArray encode() const;
    [[nodiscard]] static Result<GrantList> decode(QByteArrayView bytes);
};

// GET /v1/members?project=<id> (admin devices): who is in the project, so an
// administrator can see which devices wait for the key and seal it to them.
struct Member {
    QByteArray signKey;
    QByteArray boxKey;
    QString role;
    bool revoked = false;
    QList<std::uint32_t> grantedEpochs;   // ascending
    QByteArray boxProof;                  // the device's signature of its box key (EnrolRequest)
};
// POST /v1/revoke: an administrator's device removes a device from its
// project (a lost or stolen tablet). Only for a device whose every project
// the caller administers, and never the caller itself.
struct RevokeRequest {
    QString projectId;
    QByteArray device;   // Ed25519 public key of the device to remove

    QByteArray encode() const;
    [[nodiscard]] static Result<RevokeRequest> decode(QByteArrayView bytes);
};

struct MemberList {
    QList<Member> members;

    QByteArray encode() const;
    [[nodiscard]] static Result<MemberList> decode(QByteArrayView bytes);
};

// Every refusal: a stable reason code and nothing else (no personal data, no
// echo of the request).
struct ErrorResponse {
    QString error;

    QByteArray encode() const;
    [[nodiscard]] static Result<ErrorResponse> decode(QByteArrayView bytes);
};

} // namespace samla::protocol
