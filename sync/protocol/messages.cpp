#include "messages.h"

#include "canonicalcbor.h"

#include "platform/crypto/crypto.h"

#include <QCborArray>
#include <QCborMap>

#include <limits>

namespace samla::protocol {

namespace {

constexpr std::int64_t kMaxSeq = std::numeric_limits<std::int64_t>::max();
constexpr qsizetype kMaxReasonText = 64;
constexpr qsizetype kMaxIdText = 64;
constexpr int kMaxAdmins = 64;

Result<QCborMap> decodeMap(QByteArrayView bytes, const char *what)
{
    auto value = decodeStrict(bytes, {kMaxMessageBytes});
    if (!value.ok())
        return value.error();
    if (!value->isMap())
        return makeError(ErrorCode::Corrupt, QStringLiteral("%1 is not a map").arg(QLatin1String(what)));
    QCborMap m = value->toMap();
    MapReader r(m, what);
    auto version = r.integer(QStringLiteral("v"), kMessageVersion, kMessageVersion);
    if (!version.ok())
        return version.error();
    return m;
}

Result<QCborArray> arrayField(const QCborMap &m, const char *key, int maxItems, const char *what)
{
    const QCborValue v = m.value(QLatin1String(key));
    if (!v.isArray())
        return makeError(ErrorCode::Corrupt, QStringLiteral("%1.%2: array expected").arg(QLatin1String(what),
                                                                                       QLatin1String(key)));
    QCborArray a = v.toArray();
    if (a.size() > maxItems)
        return makeError(ErrorCode::Corrupt, QStringLiteral("%1.%2: too many items").arg(QLatin1String(what),
                                                                                       QLatin1String(key)));
    return a;
}

QCborMap versioned()
{
    QCborMap m;
    m.insert(QStringLiteral("v"), kMessageVersion);
    return m;
}

} // namespace

QByteArray enrolProofBytes(const QByteArray &token, const QByteArray &signKey, const QByteArray &boxKey)
{
    return QByteArrayLiteral("samla-enrol-v1") + token + signKey + boxKey;
}

QByteArray EnrolRequest::encode() const
{
    QCborMap m = versioned();
    m.insert(QStringLiteral("token"), token);
    m.insert(QStringLiteral("sign"), signKey);
    m.insert(QStringLiteral("box"), boxKey);
    m.insert(QStringLiteral("proof"), proof);
    m.insert(QStringLiteral("bproof"), boxProof);
    return encodeCanonical(m);
}

Result<EnrolRequest> EnrolRequest::decode(QByteArrayView bytes)
{
    auto m = decodeMap(bytes, "enrol");
    if (!m.ok())
        return m.error();
    MapReader r(m.value(), "enrol");
    SAMLA_TRY(r.onlyKeys({"v", "token", "sign", "box", "proof", "bproof"}));
    auto token = r.bytes(QStringLiteral("token"), 32, 32);
    auto sign = r.bytes(QStringLiteral("sign"), 32, 32);
    auto box = r.bytes(QStringLiteral("box"), 32, 32);
    auto proof = r.bytes(QStringLiteral("proof"), 64, 64);
    auto boxProof = r.bytes(QStringLiteral("bproof"), 64, 64);
    for (const auto *field : {&token, &sign, &box, &proof, &boxProof})
        if (!field->ok())
            return field->error();
    return EnrolRequest{token.value(), sign.value(), box.value(), proof.value(), boxProof.value()};
}

QByteArray boxKeyProofBytes(const QByteArray &boxKey)
{
    return QByteArrayLiteral("samla-box-key-v1") + boxKey;
}

bool boxKeyProven(const QByteArray &signKey, const QByteArray &boxKey, const QByteArray &boxProof)
{
    return signKey.size() == 32 && boxKey.size() == 32 && boxProof.size() == 64
           && crypto::verify(signKey, boxKeyProofBytes(boxKey), boxProof);
}

QByteArray EnrolResponse::encode() const
{
    QCborMap m = versioned();
    m.insert(QStringLiteral("project"), projectId);
    m.insert(QStringLiteral("role"), role);
    if (!admins.isEmpty()) {
        QCborArray a;
        for (const QByteArray &key : admins)
            a.append(key);
        m.insert(QStringLiteral("admins"), a);
    }
    return encodeCanonical(m);
}

Result<EnrolResponse> EnrolResponse::decode(QByteArrayView bytes)
{
    auto m = decodeMap(bytes, "enrolled");
    if (!m.ok())
        return m.error();
    MapReader r(m.value(), "enrolled");
    SAMLA_TRY(r.onlyKeys({"v", "project", "role", "admins"}));
    auto project = r.text(QStringLiteral("project"), kMaxIdText);
    if (!project.ok())
        return project.error();
    auto role = r.text(QStringLiteral("role"), kMaxIdText);
    if (!role.ok())
        return role.error();
    EnrolResponse out{project.value(), role.value(), {}};
    if (m->contains(QStringLiteral("admins"))) {
        auto a = arrayField(m.value(), "admins", kMaxAdmins, "enrolled");
        if (!a.ok())
            return a.error();
        for (const QCborValue &v : a.value()) {
            if (!v.isByteArray() || v.toByteArray().size() != 32)
                return makeError(ErrorCode::Corrupt, QStringLiteral("enrolled.admins: keys expected"));
            out.admins.append(v.toByteArray());
        }
    }
    return out;
}

QByteArray PushRequest::encode() const
{
    QCborArray a;
    for (const QByteArray &e : envelopes)
        a.append(e);
    QCborMap m = versioned();
    m.insert(QStringLiteral("envelopes"), a);
    return encodeCanonical(m);
}

Result<PushRequest> PushRequest::decode(QByteArrayView bytes)
{
    auto m = decodeMap(bytes, "push");
    if (!m.ok())
        return m.error();
    MapReader r(m.value(), "push");
    SAMLA_TRY(r.onlyKeys({"v", "envelopes"}));
    auto a = arrayField(m.value(), "envelopes", kMaxPushBatch, "push");
    if (!a.ok())
        return a.error();
    PushRequest out;
    for (const QCborValue &v : a.value()) {
        if (!v.isByteArray() || v.toByteArray().isEmpty() || v.toByteArray().size() > kMaxEnvelopeBytes)
            return makeError(ErrorCode::Corrupt, QStringLiteral("push.envelopes: bytes expected"));
        out.envelopes.append(v.toByteArray());
    }
    return out;
}

QByteArray PushResponse::encode() const
{
    QCborArray a;
    for (const Receipt &r : receipts) {
        QCborMap rm;
        rm.insert(QStringLiteral("op"), r.opId);
        rm.insert(QStringLiteral("seq"), qint64(r.deviceSeq));
        rm.insert(QStringLiteral("srv"), qint64(r.serverSeq));
        a.append(rm);
    }
    QCborMap m = versioned();
    m.insert(QStringLiteral("receipts"), a);
    m.insert(QStringLiteral("high"), qint64(high));
    if (!error.isEmpty())
        m.insert(QStringLiteral("error"), error);
    return encodeCanonical(m);
}

Result<PushResponse> PushResponse::decode(QByteArrayView bytes)
{
    auto m = decodeMap(bytes, "pushed");
    if (!m.ok())
        return m.error();
    MapReader r(m.value(), "pushed");
    SAMLA_TRY(r.onlyKeys({"v", "receipts", "high", "error"}));
    auto a = arrayField(m.value(), "receipts", kMaxPushBatch, "pushed");
    if (!a.ok())
        return a.error();
    auto high = r.integer(QStringLiteral("high"), 0, kMaxSeq);
    if (!high.ok())
        return high.error();
    auto error = r.text(QStringLiteral("error"), kMaxReasonText, true);
    if (!error.ok())
        return error.error();
    PushResponse out;
    out.high = high.value();
    out.error = error.value();
    for (const QCborValue &v : a.value()) {
        if (!v.isMap())
            return makeError(ErrorCode::Corrupt, QStringLiteral("pushed.receipts: map expected"));
        const QCborMap rm = v.toMap();
        MapReader rr(rm, "receipt");
        SAMLA_TRY(rr.onlyKeys({"op", "seq", "srv"}));
        auto op = rr.bytes(QStringLiteral("op"), 16, 16);
        auto seq = rr.integer(QStringLiteral("seq"), 1, kMaxSeq);
        auto srv = rr.integer(QStringLiteral("srv"), 1, kMaxSeq);
        if (!op.ok())
            return op.error();
        if (!seq.ok())
            return seq.error();
        if (!srv.ok())
            return srv.error();
        out.receipts.append(Receipt{op.value(), seq.value(), srv.value()});
    }
    return out;
}

QByteArray PullResponse::encode() const
{
    QCborArray a;
    for (const PulledEnvelope &p : ops) {
        QCborMap pm;
        pm.insert(QStringLiteral("srv"), qint64(p.serverSeq));
        pm.insert(QStringLiteral("env"), p.envelope);
        a.append(pm);
    }
    QCborMap m = versioned();
    m.insert(QStringLiteral("ops"), a);
    m.insert(QStringLiteral("next"), qint64(next));
    m.insert(QStringLiteral("more"), more);
    return encodeCanonical(m);
}

Result<PullResponse> PullResponse::decode(QByteArrayView bytes)
{
    auto m = decodeMap(bytes, "pulled");
    if (!m.ok())
        return m.error();
    MapReader r(m.value(), "pulled");
    SAMLA_TRY(r.onlyKeys({"v", "ops", "next", "more"}));
    auto a = arrayField(m.value(), "ops", kMaxPullPage, "pulled");
    if (!a.ok())
        return a.error();
    auto next = r.integer(QStringLiteral("next"), 0, kMaxSeq);
    if (!next.ok())
        return next.error();
    const QCborValue more = m->value(QStringLiteral("more"));
    if (!more.isBool())
        return makeError(ErrorCode::Corrupt, QStringLiteral("pulled.more: bool expected"));
    PullResponse out;
    out.next = next.value();
    out.more = more.toBool();
    std::int64_t previous = 0;
    for (const QCborValue &v : a.value()) {
        if (!v.isMap())
            return makeError(ErrorCode::Corrupt, QStringLiteral("pulled.ops: map expected"));
        const QCborMap pm = v.toMap();
        MapReader pr(pm, "pulled op");
        SAMLA_TRY(pr.onlyKeys({"srv", "env"}));
        auto srv = pr.integer(QStringLiteral("srv"), 1, kMaxSeq);
        auto env = pr.bytes(QStringLiteral("env"), 1, kMaxEnvelopeBytes);
        if (!srv.ok())
            return srv.error();
        if (!env.ok())
            return env.error();
        // A page is strictly ascending and never beyond its own cursor, so a
        // client that stores `next` can never skip an op it did not get.
        if (srv.value() <= previous || srv.value() > out.next)
            return makeError(ErrorCode::Corrupt, QStringLiteral("pulled.ops: out of order"));
        previous = srv.value();
        out.ops.append(PulledEnvelope{srv.value(), env.value()});
    }
    return out;
}

QByteArray ErrorResponse::encode() const
{
    QCborMap m = versioned();
    m.insert(QStringLiteral("error"), error);
    return encodeCanonical(m);
}

Result<ErrorResponse> ErrorResponse::decode(QByteArrayView bytes)
{
    auto m = decodeMap(bytes, "error");
    if (!m.ok())
        return m.error();
    MapReader r(m.value(), "error");
    SAMLA_TRY(r.onlyKeys({"v", "error"}));
    auto error = r.text(QStringLiteral("error"), kMaxReasonText);
    if (!error.ok())
        return error.error();
    return ErrorResponse{error.value()};
}

bool roleReads(const QString &role)
{
    return role == QLatin1String(kRoleMember) || role == QLatin1String(kRoleAdmin);
}

QByteArray KeyGrant::signedBytes() const
{
    QByteArray out = QByteArrayLiteral("samla-key-grant-v1");
    const QByteArray project = projectId.toUtf8();
    out += char(project.size()) + project;
    for (int shift = 24; shift >= 0; shift -= 8)
        out += char((epoch >> shift) & 0xff);
    return out + recipient + granter + sealed;
}

QByteArray KeyGrant::submissionSignedBytes() const
{
    // The same fields after another context: a signature over one never verifies over the other.
    return QByteArrayLiteral("samla-submission-grant-v1") + signedBytes().mid(qsizetype(sizeof("samla-key-grant-v1") - 1));
}

QByteArray encodeSubmissionContent(const SubmissionKeyContent &content)
{
    return content.publicKey + content.localProjectId.toUtf8();
}

Result<SubmissionKeyContent> decodeSubmissionContent(QByteArrayView bytes)
{
    if (bytes.size() <= 32 || bytes.size() > 32 + kMaxIdText)
        return makeError(ErrorCode::Corrupt, QStringLiteral("submission grant: wrong size"));
    SubmissionKeyContent c{bytes.first(32).toByteArray(), QString::fromUtf8(bytes.sliced(32))};
    if (c.localProjectId.toUtf8() != bytes.sliced(32) || c.localProjectId.contains(QChar(0)))
        return makeError(ErrorCode::Corrupt, QStringLiteral("submission grant: project id is not text"));
    return c;
}

namespace {

QCborMap grantToMap(const KeyGrant &g)
{
    QCborMap m;
    m.insert(QStringLiteral("project"), g.projectId);
    m.insert(QStringLiteral("epoch"), qint64(g.epoch));
    m.insert(QStringLiteral("to"), g.recipient);
    m.insert(QStringLiteral("sealed"), g.sealed);
    m.insert(QStringLiteral("by"), g.granter);
    m.insert(QStringLiteral("sig"), g.signature);
    return m;
}

Result<KeyGrant> grantFromValue(const QCborValue &v)
{
    if (!v.isMap())
        return makeError(ErrorCode::Corrupt, QStringLiteral("grant: map expected"));
    const QCborMap m = v.toMap();
    MapReader r(m, "grant");
    SAMLA_TRY(r.onlyKeys({"project", "epoch", "to", "sealed", "by", "sig"}));
    auto project = r.text(QStringLiteral("project"), kMaxIdText);
    auto epoch = r.integer(QStringLiteral("epoch"), 1, std::numeric_limits<std::uint32_t>::max());
    auto to = r.bytes(QStringLiteral("to"), 32, 32);
    auto sealed = r.bytes(QStringLiteral("sealed"), 80, kMaxSealedGrantBytes);
    auto by = r.bytes(QStringLiteral("by"), 32, 32);
    auto sig = r.bytes(QStringLiteral("sig"), 64, 64);
    if (!project.ok())
        return project.error();
    if (!epoch.ok())
        return epoch.error();
    for (const auto *field : {&to, &sealed, &by, &sig})
        if (!field->ok())
            return field->error();
    if (project->isEmpty())
        return makeError(ErrorCode::Corrupt, QStringLiteral("grant.project: empty"));
    return KeyGrant{project.value(), std::uint32_t(epoch.value()), to.value(), sealed.value(), by.value(), sig.value()};
}

} // namespace

QByteArray GrantList::encode() const
{
    QCborArray a;
    for (const KeyGrant &g : grants)
        a.append(grantToMap(g));
    QCborMap m = versioned();
    m.insert(QStringLiteral("grants"), a);
    return encodeCanonical(m);
}

Result<GrantList> GrantList::decode(QByteArrayView bytes)
{
    auto m = decodeMap(bytes, "grants");
    if (!m.ok())
        return m.error();
    MapReader r(m.value(), "grants");
    SAMLA_TRY(r.onlyKeys({"v", "grants"}));
    auto a = arrayField(m.value(), "grants", kMaxGrants, "grants");
    if (!a.ok())
        return a.error();
    GrantList out;
    for (const QCborValue &v : a.value()) {
        auto g = grantFromValue(v);
        if (!g.ok())
            return g.error();
        out.grants.append(g.value());
    }
    return out;
}

QByteArray RevokeRequest::encode() const
{
    QCborMap m = versioned();
    m.insert(QStringLiteral("project"), projectId);
    m.insert(QStringLiteral("device"), device);
    return encodeCanonical(m);
}

Result<RevokeRequest> RevokeRequest::decode(QByteArrayView bytes)
{
    auto m = decodeMap(bytes, "revoke");
    if (!m.ok())
        return m.error();
    MapReader r(m.value(), "revoke");
    SAMLA_TRY(r.onlyKeys({"v", "project", "device"}));
    auto project = r.text(QStringLiteral("project"), kMaxIdText);
    if (!project.ok())
        return project.error();
    auto device = r.bytes(QStringLiteral("device"), 32, 32);
    if (!device.ok())
        return device.error();
    if (project->isEmpty())
        return makeError(ErrorCode::Corrupt, QStringLiteral("revoke: empty project"));
    return RevokeRequest{project.value(), device.value()};
}

QByteArray MemberList::encode() const
{
    QCborArray a;
    for (const Member &member : members) {
        QCborArray epochs;
        for (std::uint32_t e : member.grantedEpochs)
            epochs.append(qint64(e));
        QCborMap mm;
        mm.insert(QStringLiteral("sign"), member.signKey);
        mm.insert(QStringLiteral("box"), member.boxKey);
        mm.insert(QStringLiteral("role"), member.role);
        mm.insert(QStringLiteral("revoked"), member.revoked);
        mm.insert(QStringLiteral("epochs"), epochs);
        if (!member.boxProof.isEmpty())
            mm.insert(QStringLiteral("bproof"), member.boxProof);
        a.append(mm);
    }
    QCborMap m = versioned();
    m.insert(QStringLiteral("members"), a);
    return encodeCanonical(m);
}

Result<MemberList> MemberList::decode(QByteArrayView bytes)
{
    auto m = decodeMap(bytes, "members");
    if (!m.ok())
        return m.error();
    MapReader r(m.value(), "members");
    SAMLA_TRY(r.onlyKeys({"v", "members"}));
    auto a = arrayField(m.value(), "members", kMaxMembers, "members");
    if (!a.ok())
        return a.error();
    MemberList out;
    for (const QCborValue &v : a.value()) {
        if (!v.isMap())
            return makeError(ErrorCode::Corrupt, QStringLiteral("members: map expected"));
        const QCborMap mm = v.toMap();
        MapReader mr(mm, "member");
        SAMLA_TRY(mr.onlyKeys({"sign", "box", "role", "revoked", "epochs", "bproof"}));
        auto boxProof = mr.bytes(QStringLiteral("bproof"), 64, 64, true);
        if (!boxProof.ok())
            return boxProof.error();
        auto sign = mr.bytes(QStringLiteral("sign"), 32, 32);
        auto box = mr.bytes(QStringLiteral("box"), 32, 32);
        auto role = mr.text(QStringLiteral("role"), kMaxIdText);
        if (!sign.ok())
            return sign.error();
        if (!box.ok())
            return box.error();
        if (!role.ok())
            return role.error();
        const QCborValue revoked = mm.value(QStringLiteral("revoked"));
        if (!revoked.isBool())
            return makeError(ErrorCode::Corrupt, QStringLiteral("member.revoked: bool expected"));
        auto epochs = arrayField(mm, "epochs", 1024, "member");
        if (!epochs.ok())
            return epochs.error();
        Member member{sign.value(), box.value(), role.value(), revoked.toBool(), {}, boxProof.value()};
        for (const QCborValue &e : epochs.value()) {
            if (!e.isInteger() || e.toInteger() < 1 || e.toInteger() > std::numeric_limits<std::uint32_t>::max()
                || (!member.grantedEpochs.isEmpty() && std::uint32_t(e.toInteger()) <= member.grantedEpochs.last()))
                return makeError(ErrorCode::Corrupt, QStringLiteral("member.epochs: ascending epochs expected"));
            member.grantedEpochs.append(std::uint32_t(e.toInteger()));
        }
        out.members.append(member);
    }
    return out;
}

} // namespace samla::protocol
