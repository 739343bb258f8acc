#include "envelope.h"

#include "canonicalcbor.h"

#include "platform/crypto/crypto.h"

#include <QCborArray>
#include <QCborMap>

#include <limits>

namespace samla::protocol {

namespace {

const QByteArray kSignatureContext = QByteArrayLiteral("samla-envelope-v1");
constexpr qsizetype kMaxIdText = 64;
constexpr qsizetype kMaxKindText = 64;

QByteArray signedBytes(const QByteArray &headerBytes, const QByteArray &body)
{
    return kSignatureContext + headerBytes + body;
}

} // namespace

QByteArray encodeHeader(const EnvelopeHeader &h)
{
    QCborMap m;
    m.insert(QStringLiteral("v"), kEnvelopeVersion);
    m.insert(QStringLiteral("project"), h.projectId);
    m.insert(QStringLiteral("record"), h.recordId);
    m.insert(QStringLiteral("kind"), h.kind);
    if (!h.participantRef.isEmpty())
        m.insert(QStringLiteral("pref"), h.participantRef);
    m.insert(QStringLiteral("epoch"), qint64(h.keyEpoch));
    m.insert(QStringLiteral("dev"), h.authorDevice);
    m.insert(QStringLiteral("seq"), qint64(h.deviceSeq));
    m.insert(QStringLiteral("op"), h.opId);
    m.insert(QStringLiteral("hlc"), h.hlc.toBytes());
    if (!h.supersedes.isEmpty())
        m.insert(QStringLiteral("sup"), h.supersedes);
    if (h.submission)
        m.insert(QStringLiteral("sub"), 1);
    if (h.erasure) {
        m.insert(QStringLiteral("era"), 1);
        if (!h.erasedBlobs.isEmpty()) {
            QCborArray blobs;
            for (const QByteArray &hash : h.erasedBlobs)
                blobs.append(hash);
            m.insert(QStringLiteral("eblobs"), blobs);
        }
    }
    return encodeCanonical(m);
}

Result<EnvelopeHeader> decodeHeader(QByteArrayView bytes)
{
    auto value = decodeStrict(bytes, {64 * 1024});
    if (!value.ok())
        return value.error();
    if (!value->isMap())
        return makeError(ErrorCode::Corrupt, QStringLiteral("header is not a map"));
    const QCborMap m = value->toMap();
    MapReader r(m, "header");
    SAMLA_TRY(r.onlyKeys({"v", "project", "record", "kind", "pref", "epoch", "dev", "seq", "op", "hlc", "sup", "sub", "era",
                          "eblobs"}));
    // Each field is checked in turn; the first bad one is the error.
#define SAMLA_FIELD(var, expr)                                                                                         \
    auto var = (expr);                                                                                                 \
    if (!var.ok())                                                                                                     \
        return var.error();
    SAMLA_FIELD(version, r.integer(QStringLiteral("v"), kEnvelopeVersion, kEnvelopeVersion))
    SAMLA_FIELD(project, r.text(QStringLiteral("project"), kMaxIdText))
    SAMLA_FIELD(record, r.text(QStringLiteral("record"), kMaxIdText))
    SAMLA_FIELD(kind, r.text(QStringLiteral("kind"), kMaxKindText))
    SAMLA_FIELD(pref, r.bytes(QStringLiteral("pref"), 16, 64, true))
    SAMLA_FIELD(epoch, r.integer(QStringLiteral("epoch"), 0, 0xffffffffLL))
    SAMLA_FIELD(dev, r.bytes(QStringLiteral("dev"), 32, 32))
    SAMLA_FIELD(seq, r.integer(QStringLiteral("seq"), 1, std::numeric_limits<std::int64_t>::max()))
    SAMLA_FIELD(op, r.bytes(QStringLiteral("op"), 16, 16))
    SAMLA_FIELD(hlc, r.bytes(QStringLiteral("hlc"), 28, 28))
    SAMLA_FIELD(sup, r.bytes(QStringLiteral("sup"), 16, 16, true))
    const bool submission = m.contains(QStringLiteral("sub"));
    if (submission) {
        // Present only as 1: any other value would give one header two encodings.
        SAMLA_FIELD(sub, r.integer(QStringLiteral("sub"), 1, 1))
        Q_UNUSED(sub);
    }
    const bool erasure = m.contains(QStringLiteral("era"));
    QList<QByteArray> erasedBlobs;
    if (erasure) {
        SAMLA_FIELD(era, r.integer(QStringLiteral("era"), 1, 1))
        Q_UNUSED(era);
        // A write-only device reads nothing, so it has nothing to erase.
        if (submission)
            return makeError(ErrorCode::Corrupt, QStringLiteral("header: a submission cannot erase"));
        if (m.contains(QStringLiteral("eblobs"))) {
            const QCborValue list = m.value(QStringLiteral("eblobs"));
            if (!list.isArray() || list.toArray().isEmpty() || list.toArray().size() > kMaxErasedBlobs)
                return makeError(ErrorCode::Corrupt, QStringLiteral("header.eblobs: 1 to %1 hashes expected")
                                                         .arg(kMaxErasedBlobs));
            for (const QCborValue &item : list.toArray()) {
                if (!item.isByteArray() || item.toByteArray().size() != 32)
                    return makeError(ErrorCode::Corrupt, QStringLiteral("header.eblobs: a hash is not 32 bytes"));
                erasedBlobs.append(item.toByteArray());
            }
        }
    } else if (m.contains(QStringLiteral("eblobs"))) {
        return makeError(ErrorCode::Corrupt, QStringLiteral("header.eblobs without era"));
    }
#undef SAMLA_FIELD
    Q_UNUSED(version);
    if (project->isEmpty() || record->isEmpty() || kind->isEmpty())
        return makeError(ErrorCode::Corrupt, QStringLiteral("header: empty identifier"));
    EnvelopeHeader h;
    h.projectId = project.value();
    h.recordId = record.value();
    h.kind = kind.value();
    h.participantRef = pref.value();
    h.keyEpoch = std::uint32_t(epoch.value());
    h.authorDevice = dev.value();
    h.deviceSeq = seq.value();
    h.opId = op.value();
    h.hlc = HlcStamp::fromBytes(hlc.value());
    h.supersedes = sup.value();
    h.submission = submission;
    h.erasure = erasure;
    h.erasedBlobs = erasedBlobs;
    return h;
}

QByteArray Envelope::encode() const
{
    QCborMap m;
    m.insert(QStringLiteral("v"), kEnvelopeVersion);
    m.insert(QStringLiteral("h"), headerBytes);
    m.insert(QStringLiteral("b"), body);
    m.insert(QStringLiteral("s"), signature);
    return encodeCanonical(m);
}

Result<Envelope> sealEnvelope(const EnvelopeHeader &header, QByteArrayView plaintextBody,
                              const crypto::SecureBytes &projectKey, const crypto::SecureBytes &deviceSigningKey)
{
    if (projectKey.size() != crypto::kKeyBytes || deviceSigningKey.size() != 64)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("envelope keys have the wrong size"));
    if (header.submission)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("a submission is sealed with sealSubmission"));
    Envelope e;
    e.header = header;
    e.headerBytes = encodeHeader(header);
    // Check our own header against the decoder, so we never send what a peer must refuse.
    auto roundTrip = decodeHeader(e.headerBytes);
    if (!roundTrip.ok())
        return roundTrip.error();
    e.body = crypto::aeadSeal(projectKey, plaintextBody, e.headerBytes);
    e.signature = crypto::sign(deviceSigningKey, signedBytes(e.headerBytes, e.body));
    return e;
}

Result<Envelope> decodeEnvelope(QByteArrayView wire, const DecodeLimits &limits)
{
    auto value = decodeStrict(wire, limits);
    if (!value.ok())
        return value.error();
    if (!value->isMap())
        return makeError(ErrorCode::Corrupt, QStringLiteral("envelope is not a map"));
    const QCborMap m = value->toMap();
    MapReader r(m, "envelope");
    SAMLA_TRY(r.onlyKeys({"v", "h", "b", "s"}));
    auto version = r.integer(QStringLiteral("v"), kEnvelopeVersion, kEnvelopeVersion);
    if (!version.ok())
        return version.error();
    auto headerBytes = r.bytes(QStringLiteral("h"), 1, 64 * 1024);
    if (!headerBytes.ok())
        return headerBytes.error();
    auto body = r.bytes(QStringLiteral("b"), qsizetype(crypto::kAeadNonceBytes + crypto::kAeadTagBytes), limits.maxBytes);
    if (!body.ok())
        return body.error();
    auto signature = r.bytes(QStringLiteral("s"), 64, 64);
    if (!signature.ok())
        return signature.error();
    auto header = decodeHeader(headerBytes.value());
    if (!header.ok())
        return header.error();
    Envelope e;
    e.header = header.value();
    e.headerBytes = headerBytes.value();
    e.body = body.value();
    e.signature = signature.value();
    return e;
}

Status verifyEnvelope(const Envelope &e)
{
    if (!crypto::verify(e.header.authorDevice, signedBytes(e.headerBytes, e.body), e.signature))
        return makeError(ErrorCode::Tampered, QStringLiteral("envelope signature does not verify"));
    return {};
}

Result<QByteArray> openEnvelope(const Envelope &e, const crypto::SecureBytes &projectKey)
{
    SAMLA_TRY(verifyEnvelope(e));
    if (e.header.submission)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("a submission opens with openSubmission"));
    return crypto::aeadOpen(projectKey, e.body, e.headerBytes);
}

Result<Envelope> sealSubmission(const EnvelopeHeader &header, QByteArrayView plaintextBody,
                                QByteArrayView submissionPublicKey, const crypto::SecureBytes &deviceSigningKey)
{
    if (submissionPublicKey.size() != 32 || deviceSigningKey.size() != 64)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("submission keys have the wrong size"));
    if (!header.submission)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("a submission's header says so"));
    Envelope e;
    e.header = header;
    e.headerBytes = encodeHeader(header);
    auto roundTrip = decodeHeader(e.headerBytes);
    if (!roundTrip.ok())
        return roundTrip.error();
    // The op's own key lives only here, in secure memory, and is wiped on return.
    const crypto::SecureBytes opKey = crypto::SecureBytes::random(crypto::kKeyBytes);
    e.body = crypto::sealToPublicKey(submissionPublicKey, opKey) + crypto::aeadSeal(opKey, plaintextBody, e.headerBytes);
    e.signature = crypto::sign(deviceSigningKey, signedBytes(e.headerBytes, e.body));
    return e;
}

Result<QByteArray> openSubmission(const Envelope &e, const crypto::BoxKeyPair &submissionKey)
{
    SAMLA_TRY(verifyEnvelope(e));
    if (!e.header.submission)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("not a submission"));
    if (e.body.size() < kSealedKeyBytes + qsizetype(crypto::kAeadNonceBytes + crypto::kAeadTagBytes))
        return makeError(ErrorCode::Corrupt, QStringLiteral("submission body too short"));
    auto opKey = crypto::openSealed(submissionKey, QByteArrayView(e.body).first(kSealedKeyBytes));
    if (!opKey.ok() || opKey->size() != crypto::kKeyBytes)
        return makeError(ErrorCode::Tampered, QStringLiteral("submission key does not open"));
    return crypto::aeadOpen(opKey.value(), QByteArrayView(e.body).sliced(kSealedKeyBytes), e.headerBytes);
}

crypto::BoxKeyPair submissionKeyPair(const crypto::SecureBytes &projectKey)
{
    return crypto::boxKeyPairFromSeed(crypto::deriveSubkey(projectKey, 1, "samlasub"));
}

} // namespace samla::protocol
