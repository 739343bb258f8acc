// Fuzzes every message decoder of messages.h and attachmentmessages.h: what the server decodes from
// requests (enrol, push, grants) and what a device decodes from answers (enrolled, pushed, pulled,
// grants, members, error, attachment status). The first input byte chooses the decoder.
// Contract: what a decoder accepts re-encodes to a message that decodes again to the same value (the
// re-encoding is a fixed point), and every count and size is within the documented limits.
#include "fuzzsupport.h"

#include "sync/protocol/attachmentmessages.h"
#include "sync/protocol/messages.h"

#include <optional>

namespace samla::fuzz {

using namespace samla::protocol;

namespace {

enum Decoder : std::uint8_t {
    Enrol,
    Enrolled,
    Push,
    Pushed,
    Pulled,
    Grants,
    Members,
    Refusal,
    Attachment,
    AttachmentName,
    SubmissionContent,
    Revoke,
    DecoderCount
};

// decode -> encode -> decode -> encode gives the first encoding again.
template <class T>
const T *roundTrip(QByteArrayView bytes, std::optional<Result<T>> &holder)
{
    holder.emplace(T::decode(bytes));
    if (!holder->ok())
        return nullptr;
    const QByteArray encoded = holder->value().encode();
    auto again = T::decode(encoded);
    SAMLA_FUZZ_CHECK(again.ok());
    SAMLA_FUZZ_CHECK(again->encode() == encoded);
    SAMLA_FUZZ_CHECK(bytes.size() <= kMaxMessageBytes);
    return &holder->value();
}

QByteArray with(Decoder d, const QByteArray &bytes)
{
    return QByteArray(1, char(d)) + bytes;
}

KeyGrant grant(std::uint32_t epoch)
{
    const crypto::SignKeyPair admin = fixedSignKey(1);
    KeyGrant g;
    g.projectId = QStringLiteral("0190f0c2-aaaa-7000-8000-000000000001");
    g.epoch = epoch;
    g.recipient = fixedSignKey(2).publicKey;
    g.sealed = crypto::sealToPublicKey(fixedBoxKey(2).publicKey, fixedBytes(0x40));
    g.granter = admin.publicKey;
    g.signature = crypto::sign(admin.secretKey, g.signedBytes());
    return g;
}

} // namespace

void setUp() {}

void writeSeeds(SeedWriter &out)
{
    const crypto::SignKeyPair device = fixedSignKey(2);
    const QByteArray token(32, '\x07');
    EnrolRequest enrol{token, device.publicKey, fixedBoxKey(2).publicKey, {}};
    enrol.proof = crypto::sign(device.secretKey, enrolProofBytes(token, enrol.signKey, enrol.boxKey));
    enrol.boxProof = crypto::sign(device.secretKey, boxKeyProofBytes(enrol.boxKey));
    out.add("enrol", with(Enrol, enrol.encode()));
    out.add("enrolled", with(Enrolled, EnrolResponse{QStringLiteral("p1"), QString::fromLatin1(kRoleMember),
                                                     {fixedSignKey(1).publicKey}}
                                           .encode()));
    out.add("enrolled-none", with(Enrolled, EnrolResponse{QStringLiteral("p1"), QString::fromLatin1(kRoleWriteOnly), {}}
                                                .encode()));
    out.add("push", with(Push, PushRequest{{QByteArray("\xa0", 1), QByteArray(40, 'e')}}.encode()));
    out.add("pushed", with(Pushed, PushResponse{{Receipt{QByteArray(16, 'o'), 1, 7}, Receipt{QByteArray(16, 'p'), 2, 9}},
                                                2, {}}
                                       .encode()));
    out.add("pushed-gap", with(Pushed, PushResponse{{}, 4, QStringLiteral("gap")}.encode()));
    out.add("pulled", with(Pulled, PullResponse{{PulledEnvelope{3, QByteArray(50, 'x')}, PulledEnvelope{5, "y"}}, 5, true}
                                       .encode()));
    out.add("pulled-empty", with(Pulled, PullResponse{{}, 0, false}.encode()));
    out.add("grants", with(Grants, GrantList{{grant(1), grant(2)}}.encode()));
    out.add("members", with(Members, MemberList{{Member{fixedSignKey(2).publicKey, fixedBoxKey(2).publicKey,
                                                        QString::fromLatin1(kRoleAdmin), false, {1, 2}},
                                                 Member{fixedSignKey(3).publicKey, fixedBoxKey(3).publicKey,
                                                        QString::fromLatin1(kRoleMember), true, {}}}}
                                         .encode()));
    out.add("error", with(Refusal, ErrorResponse{QStringLiteral("malformed")}.encode()));
    out.add("attachment", with(Attachment, AttachmentStatus{1000, 400, false, {}}.encode()));
    out.add("attachment-done", with(Attachment, AttachmentStatus{1000, 1000, true, {}}.encode()));
    out.add("attachment-offset", with(Attachment, AttachmentStatus{1000, 0, false, QStringLiteral("offset")}.encode()));
    out.add("attachment-name", with(AttachmentName, QByteArray(64, 'a')));
    out.add("submission-content",
            with(SubmissionContent, encodeSubmissionContent({fixedBoxKey(4).publicKey, QStringLiteral("0190f0c2-cccc")})));
    out.add("revoke", with(Revoke, RevokeRequest{QStringLiteral("p1"), fixedSignKey(3).publicKey}.encode()));
    Member signedMember{fixedSignKey(2).publicKey, fixedBoxKey(2).publicKey, QString::fromLatin1(kRoleMember), false,
                        {1}, crypto::sign(fixedSignKey(2).secretKey, boxKeyProofBytes(fixedBoxKey(2).publicKey))};
    out.add("members-signed", with(Members, MemberList{{signedMember}}.encode()));
}

void fuzzOne(QByteArrayView input)
{
    if (input.isEmpty())
        return;
    const QByteArrayView bytes = input.sliced(1);
    switch (Decoder(std::uint8_t(input.front()) % DecoderCount)) {
    case Enrol: {
        std::optional<Result<EnrolRequest>> h;
        if (const auto *m = roundTrip(bytes, h))
            SAMLA_FUZZ_CHECK(m->token.size() == 32 && m->signKey.size() == 32 && m->boxKey.size() == 32
                             && m->proof.size() == 64 && m->boxProof.size() == 64);
        break;
    }
    case Enrolled: {
        std::optional<Result<EnrolResponse>> h;
        if (const auto *m = roundTrip(bytes, h)) {
            SAMLA_FUZZ_CHECK(m->projectId.size() <= 64 && m->role.size() <= 64 && m->admins.size() <= 64);
            for (const QByteArray &k : m->admins)
                SAMLA_FUZZ_CHECK(k.size() == 32);
        }
        break;
    }
    case Push: {
        std::optional<Result<PushRequest>> h;
        if (const auto *m = roundTrip(bytes, h)) {
            SAMLA_FUZZ_CHECK(m->envelopes.size() <= kMaxPushBatch);
            for (const QByteArray &e : m->envelopes)
                SAMLA_FUZZ_CHECK(!e.isEmpty() && e.size() <= kMaxEnvelopeBytes);
        }
        break;
    }
    case Pushed: {
        std::optional<Result<PushResponse>> h;
        if (const auto *m = roundTrip(bytes, h)) {
            SAMLA_FUZZ_CHECK(m->receipts.size() <= kMaxPushBatch && m->high >= 0 && m->error.size() <= 64);
            for (const Receipt &r : m->receipts)
                SAMLA_FUZZ_CHECK(r.opId.size() == 16 && r.deviceSeq >= 1 && r.serverSeq >= 1);
        }
        break;
    }
    case Pulled: {
        std::optional<Result<PullResponse>> h;
        if (const auto *m = roundTrip(bytes, h)) {
            SAMLA_FUZZ_CHECK(m->ops.size() <= kMaxPullPage && m->next >= 0);
            std::int64_t previous = 0;
            for (const PulledEnvelope &p : m->ops) {
                SAMLA_FUZZ_CHECK(p.serverSeq > previous && p.serverSeq <= m->next);
                SAMLA_FUZZ_CHECK(!p.envelope.isEmpty() && p.envelope.size() <= kMaxEnvelopeBytes);
                previous = p.serverSeq;
            }
        }
        break;
    }
    case Grants: {
        std::optional<Result<GrantList>> h;
        if (const auto *m = roundTrip(bytes, h)) {
            SAMLA_FUZZ_CHECK(m->grants.size() <= kMaxGrants);
            for (const KeyGrant &g : m->grants) {
                SAMLA_FUZZ_CHECK(!g.projectId.isEmpty() && g.projectId.size() <= 64 && g.epoch >= 1);
                SAMLA_FUZZ_CHECK(g.recipient.size() == 32 && g.granter.size() == 32 && g.sealed.size() >= 80
                                 && g.sealed.size() <= kMaxSealedGrantBytes && g.signature.size() == 64);
                // Only the seeds' grants verify; they open with the recipient's box key.
                if (crypto::verify(g.granter, g.signedBytes(), g.signature))
                    (void)crypto::openSealed(fixedBoxKey(2), g.sealed);
            }
        }
        break;
    }
    case Members: {
        std::optional<Result<MemberList>> h;
        if (const auto *m = roundTrip(bytes, h)) {
            SAMLA_FUZZ_CHECK(m->members.size() <= kMaxMembers);
            for (const Member &member : m->members) {
                SAMLA_FUZZ_CHECK(member.signKey.size() == 32 && member.boxKey.size() == 32 && member.role.size() <= 64);
                SAMLA_FUZZ_CHECK(member.boxProof.isEmpty() || member.boxProof.size() == 64);
                (void)boxKeyProven(member.signKey, member.boxKey, member.boxProof);
                SAMLA_FUZZ_CHECK(member.grantedEpochs.size() <= 1024);
                for (qsizetype i = 1; i < member.grantedEpochs.size(); ++i)
                    SAMLA_FUZZ_CHECK(member.grantedEpochs.at(i - 1) < member.grantedEpochs.at(i));
            }
        }
        break;
    }
    case Refusal: {
        std::optional<Result<ErrorResponse>> h;
        if (const auto *m = roundTrip(bytes, h))
            SAMLA_FUZZ_CHECK(m->error.size() <= 64);
        break;
    }
    case Attachment: {
        std::optional<Result<AttachmentStatus>> h;
        if (const auto *m = roundTrip(bytes, h)) {
            SAMLA_FUZZ_CHECK(m->size >= 0 && m->size <= kMaxAttachmentBytes && m->held >= 0 && m->held <= m->size);
            SAMLA_FUZZ_CHECK(!m->complete || m->held == m->size);
            SAMLA_FUZZ_CHECK(bytes.size() <= 4096 && m->error.size() <= 64);
        }
        break;
    }
    case AttachmentName:
        if (isAttachmentName(bytes)) {
            SAMLA_FUZZ_CHECK(bytes.size() == 64);
            SAMLA_FUZZ_CHECK(QByteArray::fromHex(bytes.toByteArray()).toHex() == bytes);
        }
        break;
    case SubmissionContent:
        if (auto c = decodeSubmissionContent(bytes); c.ok()) {
            SAMLA_FUZZ_CHECK(c->publicKey.size() == 32 && !c->localProjectId.isEmpty());
            SAMLA_FUZZ_CHECK(encodeSubmissionContent(c.value()) == bytes);
        }
        break;
    case Revoke: {
        std::optional<Result<RevokeRequest>> h;
        if (const auto *m = roundTrip(bytes, h))
            SAMLA_FUZZ_CHECK(!m->projectId.isEmpty() && m->projectId.size() <= 64 && m->device.size() == 32);
        break;
    }
    case DecoderCount:
        break;
    }
}

} // namespace samla::fuzz
