// Fuzzes decodeEnvelope and decodeHeader (what the server reads from every pushed op and a device
// from every pulled one), then verifyEnvelope and openEnvelope on what they accept.
// Contract: an accepted envelope and header re-encode to exactly the bytes received (they are signed),
// every field is within its documented size, and nothing over the limit is accepted.
#include "fuzzsupport.h"

#include "sync/protocol/envelope.h"
#include "sync/protocol/messages.h"

namespace samla::fuzz {

using namespace samla::protocol;

namespace {

const crypto::SecureBytes &projectKey()
{
    static const crypto::SecureBytes key = fixedBytes(0x40);
    return key;
}

EnvelopeHeader header(int n)
{
    EnvelopeHeader h;
    h.projectId = QStringLiteral("0190f0c2-aaaa-7000-8000-000000000001");
    h.recordId = QStringLiteral("0190f0c2-0000-7000-8000-00000000000%1").arg(n);
    h.kind = n % 2 ? QStringLiteral("note") : QStringLiteral("participant");
    if (n % 2 == 0)
        h.participantRef = QByteArray(32, char(n));
    h.keyEpoch = std::uint32_t(n);
    h.authorDevice = fixedSignKey(1).publicKey;
    h.deviceSeq = n;
    h.opId = QByteArray(16, char(0x30 + n));
    h.hlc = HlcStamp{1'750'000'000'000 + n, std::uint32_t(n), QByteArray(16, '\x11')};
    if (n == 3)
        h.supersedes = QByteArray(16, '\x22');
    return h;
}

} // namespace

void setUp() {}

void writeSeeds(SeedWriter &out)
{
    const crypto::SignKeyPair device = fixedSignKey(1);
    for (int n = 1; n <= 3; ++n) {
        auto e = sealEnvelope(header(n), QByteArray("{\"body\": ") + QByteArray::number(n) + "}", projectKey(),
                              device.secretKey);
        SAMLA_FUZZ_CHECK(e.ok());
        out.add(QStringLiteral("envelope-%1").arg(n).toLatin1().constData(), e->encode());
        out.add(QStringLiteral("header-%1").arg(n).toLatin1().constData(), e->headerBytes);
    }
    // A write-only device's submission, sealed to the submission key of the epoch.
    EnvelopeHeader h = header(4);
    h.submission = true;
    auto sub = sealSubmission(h, "{\"diary\": 1}", submissionKeyPair(projectKey()).publicKey, device.secretKey);
    SAMLA_FUZZ_CHECK(sub.ok());
    out.add("submission", sub->encode());
    out.add("submission-header", sub->headerBytes);
    // An erasure naming two attachment blobs for the server to delete.
    EnvelopeHeader erasure = header(5);
    erasure.erasure = true;
    erasure.erasedBlobs = {QByteArray(32, '\x0a'), QByteArray(32, '\x0b')};
    auto erased = sealEnvelope(erasure, "{}", projectKey(), device.secretKey);
    SAMLA_FUZZ_CHECK(erased.ok());
    out.add("erasure", erased->encode());
    out.add("erasure-header", erased->headerBytes);
}

void fuzzOne(QByteArrayView input)
{
    if (auto h = decodeHeader(input); h.ok()) {
        SAMLA_FUZZ_CHECK(encodeHeader(h.value()) == input);
        SAMLA_FUZZ_CHECK(h->authorDevice.size() == 32 && h->opId.size() == 16 && h->deviceSeq >= 1);
        SAMLA_FUZZ_CHECK(h->hlc.deviceId.size() == 16);
        SAMLA_FUZZ_CHECK(!h->projectId.isEmpty() && h->projectId.size() <= 64 && !h->kind.isEmpty());
        // Erasure marks: blobs only with the mark, never on a submission, 32 bytes each, within the limit.
        SAMLA_FUZZ_CHECK(h->erasure || h->erasedBlobs.isEmpty());
        SAMLA_FUZZ_CHECK(!(h->erasure && h->submission));
        SAMLA_FUZZ_CHECK(h->erasedBlobs.size() <= kMaxErasedBlobs);
        for (const QByteArray &hash : h->erasedBlobs)
            SAMLA_FUZZ_CHECK(hash.size() == 32);
    }
    auto e = decodeEnvelope(input, {kMaxEnvelopeBytes});
    if (!e.ok())
        return;
    SAMLA_FUZZ_CHECK(input.size() <= kMaxEnvelopeBytes);
    SAMLA_FUZZ_CHECK(e->encode() == input);
    SAMLA_FUZZ_CHECK(encodeHeader(e->header) == e->headerBytes);
    SAMLA_FUZZ_CHECK(e->signature.size() == 64);
    SAMLA_FUZZ_CHECK(!decodeEnvelope(input, {input.size() - 1}).ok());
    if (verifyEnvelope(e.value()).ok()) {
        // Only the seeds' own signatures verify; their bodies open with the project key.
        if (e->header.submission)
            (void)openSubmission(e.value(), submissionKeyPair(projectKey()));
        else
            (void)openEnvelope(e.value(), projectKey());
    }
}

} // namespace samla::fuzz
