// Envelope: one record change as it travels — a clear header, an encrypted body, a device signature.
#pragma once

#include "hlc.h"
#include "strictcbor.h"

#include "platform/core/result.h"
#include "platform/crypto/securebytes.h"

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace samla::protocol {

inline constexpr int kEnvelopeVersion = 1;

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

QByteArray encodeHeader(const EnvelopeHeader &header);
[[nodiscard]] Result<EnvelopeHeader> decodeHeader(QByteArrayView bytes);

} // namespace samla::protocol
