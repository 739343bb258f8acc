// Envelope: one record change as it travels — a clear header, an encrypted body, a device signature.
#pragma once

#include "hlc.h"
#include "strictcbor.h"

#include "platform/core/result.h"
#include "platform/crypto/crypto.h"
#include "platform/crypto/securebytes.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>

namespace samla::protocol {

inline constexpr int kEnvelopeVersion = 1;
// Attachment blobs one erasure may name (a record with more is erased by
// several ops: see RecordStore::erase).
inline constexpr int kMaxErasedBlobs = 512;

// What the server may see: enough to authorise, order and deduplicate, nothing of the content.
struct EnvelopeHeader {
    QString projectId;            // UUID text
    QString recordId;             // UUID text
    QString kind;                 // record kind, e.g. "note"
    QByteArray participantRef;    // opaque (keyed hash), empty when the record is about no participant
    std::uint32_t keyEpoch = 0;   // which project key encrypted the body
    QByteArray authorDevice;      // Ed25519 public key of the author device (32 bytes)
    std::int64_t deviceSeq = 0;   // gapless per device, from 1
    QByteArray opId;              // 16 bytes, the idempotency key
    HlcStamp hlc;
    QByteArray supersedes;        // op id this change supersedes, or empty
    // A write-only device's submission: the body is sealed to the project's
    // submission public key of `keyEpoch` (see sealSubmission), not under
    // the project key. Encoded as "sub": 1, absent otherwise.
    bool submission = false;
    // An erasure (GDPR Art. 17): the record's content is gone on the
    // author's device, and the server must delete the ciphertext of every
    // op of this record (earlier and later) and the attachment blobs named
    // here (hashes of ciphertext, 32 bytes each). The op itself carries no
    // content. Encoded as "era": 1 and "eblobs": [...] (only with "era").
    bool erasure = false;
    QList<QByteArray> erasedBlobs;

    bool operator==(const EnvelopeHeader &) const = default;
};

// Wire form (canonical CBOR map): {"b": body, "h": header bytes, "s": signature, "v": 1}
//   h = canonical CBOR of the header map (associated data of the body)
//   b = XChaCha20-Poly1305(project key, plaintext body, ad = h)
//   s = Ed25519(author device, "samla-envelope-v1" || h || b)
struct Envelope {
    EnvelopeHeader header;
    QByteArray headerBytes;
    QByteArray body;
    QByteArray signature;

    QByteArray encode() const;
};

[[nodiscard]] Result<Envelope> sealEnvelope(const EnvelopeHeader &header, QByteArrayView plaintextBody,
                                            const crypto::SecureBytes &projectKey,
                                            const crypto::SecureBytes &deviceSigningKey);
// Structure only: refuses anything malformed, non-canonical or oversized. Does
// not check the signature (the server looks up the device first).
[[nodiscard]] Result<Envelope> decodeEnvelope(QByteArrayView wire, const DecodeLimits &limits = {});
// Tampered when the signature does not verify under header.authorDevice.
[[nodiscard]] Status verifyEnvelope(const Envelope &envelope);
// Verifies, then decrypts the body.
[[nodiscard]] Result<QByteArray> openEnvelope(const Envelope &envelope, const crypto::SecureBytes &projectKey);

// A write-only device's envelope (header.submission must be set). The body is
//   crypto_box_seal(submission public key, k) (80 bytes) || XChaCha20-Poly1305(k, plaintext, ad = h)
// with k a fresh random key per op that the device forgets once sealed: the
// device cannot open what it sent, nor can the server. Signed like any
// envelope, so the author is known and the whole (header, sealed key and
// body) cannot be changed or recombined.
[[nodiscard]] Result<Envelope> sealSubmission(const EnvelopeHeader &header, QByteArrayView plaintextBody,
                                              QByteArrayView submissionPublicKey,
                                              const crypto::SecureBytes &deviceSigningKey);
// Verifies, then opens a submission with the submission key pair of its epoch.
[[nodiscard]] Result<QByteArray> openSubmission(const Envelope &envelope, const crypto::BoxKeyPair &submissionKey);
// The submission key pair of an epoch, derived from that epoch's project key
// (crypto_kdf, its own context): whoever holds the project key can compute
// the secret half, nobody else, and it is never stored or sent.
crypto::BoxKeyPair submissionKeyPair(const crypto::SecureBytes &projectKey);
inline constexpr qsizetype kSealedKeyBytes = 32 + 48;   // crypto_box_seal of a 32-byte key

QByteArray encodeHeader(const EnvelopeHeader &header);
[[nodiscard]] Result<EnvelopeHeader> decodeHeader(QByteArrayView bytes);

} // namespace samla::protocol
