#include "auditlog.h"

#include "conflictpolicies.h"
#include "app/store/localstore.h"
#include "app/store/recordstore.h"
#include "platform/crypto/crypto.h"
#include "sync/protocol/canonicalcbor.h"

#include <QCborValue>

#include <algorithm>

namespace samla::domain {

namespace {

constexpr const char *kMetaHead = "audit_head";   // canonical CBOR {seq, hash}
constexpr const char kSignContext[] = "samla-audit-v1";
constexpr int kHashBytes = 32;

const QString kSeq = QStringLiteral("seq");
const QString kPrev = QStringLiteral("prev");
const QString kAction = QStringLiteral("action");
const QString kProject = QStringLiteral("project");
const QString kParticipant = QStringLiteral("participant");
const QString kAt = QStringLiteral("at_ms");
const QString kDetails = QStringLiteral("details");
const QString kDevice = QStringLiteral("device");
const QString kSig = QStringLiteral("sig");

QCborMap unsignedBody(const AuditEntry &e)
{
    QCborMap m;
    m.insert(kSeq, qint64(e.seq));
    m.insert(kPrev, e.prev);
    m.insert(kAction, e.action);
    m.insert(kProject, e.projectId);
    if (!e.participantId.isEmpty())
        m.insert(kParticipant, e.participantId);
    m.insert(kAt, qint64(e.atMs));
    if (!e.details.isEmpty())
        m.insert(kDetails, e.details);
    m.insert(kDevice, e.device);
    return m;
}

struct Head {
    std::int64_t seq = 0;
    QByteArray hash = QByteArray(kHashBytes, '\0');
};

Head decodeHead(const QByteArray &bytes)
{
    Head h;
    if (bytes.isEmpty())
        return h;
    const QCborMap m = QCborValue::fromCbor(bytes).toMap();
    h.seq = m.value(kSeq).toInteger();
    h.hash = m.value(QStringLiteral("hash")).toByteArray();
    return h;
}

QByteArray encodeHead(std::int64_t seq, const QByteArray &hash)
{
    QCborMap m;
    m.insert(kSeq, qint64(seq));
    m.insert(QStringLiteral("hash"), hash);
    return protocol::encodeCanonical(m);
}

} // namespace

AuditLog::AuditLog(store::LocalStore &store, const Clock &clock) : m_store(store), m_clock(clock)
{
    installConflictPolicies();
}

QByteArray AuditLog::signedBytes(const AuditEntry &e)
{
    return QByteArray(kSignContext) + protocol::encodeCanonical(unsignedBody(e));
}

QByteArray AuditLog::entryHash(const AuditEntry &e)
{
    return crypto::hash(signedBytes(e) + e.signature);
}

AuditEntry AuditLog::fromBody(const QString &recordId, const QCborMap &body)
{
    AuditEntry e;
    e.recordId = recordId;
    e.seq = body.value(kSeq).toInteger();
    e.prev = body.value(kPrev).toByteArray();
    e.action = body.value(kAction).toString();
    e.projectId = body.value(kProject).toString();
    e.participantId = body.value(kParticipant).toString();
    e.atMs = body.value(kAt).toInteger();
    e.details = body.value(kDetails).toMap();
    e.device = body.value(kDevice).toByteArray();
    e.signature = body.value(kSig).toByteArray();
    return e;
}

Result<AuditEntry> AuditLog::append(const QString &action, const QString &projectId, const QString &participantId,
                                    const QCborMap &details)
{
    if (action.isEmpty() || projectId.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("audit entry needs an action and a project"));
    auto headBytes = m_store.records().meta(kMetaHead);
    if (!headBytes.ok())
        return headBytes.error();
    const Head head = decodeHead(headBytes.value());
    const crypto::SignKeyPair key = m_store.deviceSigningKey();

    AuditEntry e;
    e.seq = head.seq + 1;
    e.prev = head.hash;
    e.action = action;
    e.projectId = projectId;
    e.participantId = participantId;
    e.atMs = m_clock.nowMs();
    e.details = details;
    e.device = key.publicKey;
    e.signature = crypto::sign(key.secretKey, signedBytes(e));
    if (e.signature.isEmpty())
        return makeError(ErrorCode::Internal, QStringLiteral("could not sign the audit entry"));

    store::RecordChange change;
    change.kind = kKind;
    change.projectId = projectId;
    change.participantRef = participantId;
    change.body = unsignedBody(e);
    change.body.insert(kSig, e.signature);
    auto r = m_store.records().putWithMeta(change, kMetaHead, encodeHead(e.seq, entryHash(e)));
    if (!r.ok())
        return r.error();
    e.recordId = r->id;
    return e;
}

Result<QList<AuditEntry>> AuditLog::entries() const
{
    auto rows = m_store.records().listKind(kKind, 1'000'000);
    if (!rows.ok())
        return rows.error();
    const QByteArray device = m_store.deviceSigningKey().publicKey;
    QList<AuditEntry> out;
    for (const store::Record &r : rows.value()) {
        AuditEntry e = fromBody(r.id, r.body);
        if (e.device == device)
            out.append(e);
    }
    std::sort(out.begin(), out.end(), [](const AuditEntry &a, const AuditEntry &b) { return a.seq < b.seq; });
    return out;
}

Result<AuditCheck> AuditLog::verify() const
{
    auto list = entries();
    if (!list.ok())
        return list.error();
    auto headBytes = m_store.records().meta(kMetaHead);
    if (!headBytes.ok())
        return headBytes.error();
    const Head head = decodeHead(headBytes.value());

    AuditCheck check;
    check.entries = int(list->size());
    QByteArray prev(kHashBytes, '\0');
    std::int64_t expected = 1;
    for (const AuditEntry &e : list.value()) {
        auto fail = [&](const char *problem) {
            check.firstBadSeq = e.seq > 0 ? e.seq : expected;
            check.problem = QString::fromLatin1(problem);
            return check;
        };
        if (e.seq != expected)
            return fail(e.seq > expected ? "gap" : "duplicate");
        if (!crypto::verify(e.device, signedBytes(e), e.signature))
            return fail("signature");
        if (e.prev != prev)
            return fail("chain");
        prev = entryHash(e);
        ++expected;
    }
    // Deleting the newest entries leaves a valid but shorter chain; the head
    // the device keeps says how long it must be.
    if (head.seq != expected - 1 || head.hash != prev) {
        check.firstBadSeq = expected;
        check.problem = QStringLiteral("missing newest");
        return check;
    }
    check.ok = true;
    return check;
}

} // namespace samla::domain
