// Fuzzes what a device makes of a server's answers: SyncClient (and AttachmentSync under it) through a
// transport whose answers come from the input, over one run of enrol, fetching keys, a sync (attachment
// upload, push, pull with envelopes to open, attachment download) and the member list.
// Input: answers separated by "\n~~\n"; each answer's first byte picks its HTTP status, the rest is
// its body. When the answers run out, the connection fails.
// Contract: nothing a server says crashes the client or makes it loop; the journal only ever gets
// pages in cursor order whose ops opened with the project key, and only receipts that match its ops.
#include "fuzzsupport.h"

#include "sync/client/attachmentsync.h"
#include "sync/client/syncclient.h"
#include "sync/protocol/attachmentmessages.h"
#include "sync/protocol/requestauth.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace samla::fuzz {

using namespace samla::protocol;
using namespace samla::sync;

namespace {

const QString kProject = QStringLiteral("0190f0c2-aaaa-7000-8000-000000000001");
const QByteArray kSeparator("\n~~\n");
const int kStatuses[] = {200, 200, 200, 200, 401, 400, 403, 404, 409, 413, 416, 422, 429, 500, 503, 201};
// Every request the client makes is answered from the input, so a run ends; this is a second guard.
constexpr int kMaxRequests = 4096;
constexpr int kMaxRepeats = 8;

const QByteArray &attachment()
{
    static const QByteArray bytes = QByteArray("an encrypted photo, 64 bytes long, more or less: ").leftJustified(64, '.');
    return bytes;
}

QString attachmentName(const QByteArray &bytes)
{
    return QString::fromLatin1(crypto::hash(bytes).toHex());
}

QString workDir()
{
    return QStringLiteral("/dev/shm/samla-fuzz-client-%1").arg(QCoreApplication::applicationPid());
}

class AnswerTransport final : public Transport {
public:
    explicit AnswerTransport(QList<QByteArray> answers) : m_answers(std::move(answers)) {}
    Result<HttpResponse> send(const QByteArray &method, const QByteArray &target, const HeaderList &,
                              const QByteArray &body) override
    {
        SAMLA_FUZZ_CHECK(++m_requests < kMaxRequests);
        SAMLA_FUZZ_CHECK(target.startsWith("/v1/"));
        // A client that sends the same request again and again while the server answers is stuck:
        // retries and a renewed session account for a few repeats, never for many.
        const QByteArray request = method + ' ' + target + '\n' + body;
        m_repeats = request == m_last ? m_repeats + 1 : 0;
        m_last = request;
        SAMLA_FUZZ_CHECK(m_repeats < kMaxRepeats);
        if (qEnvironmentVariableIsSet("SAMLA_FUZZ_VERBOSE"))
            qInfo("request %s: answer %d of %d", target.constData(), int(m_next + 1), int(m_answers.size()));
        if (m_next >= m_answers.size())
            return makeError(ErrorCode::Io, QStringLiteral("connection refused"));
        const QByteArray &a = m_answers.at(m_next++);
        if (a.isEmpty())
            return makeError(ErrorCode::Io, QStringLiteral("connection reset"));
        return HttpResponse{kStatuses[std::uint8_t(a.front()) % std::size(kStatuses)], a.mid(1)};
    }

private:
    QList<QByteArray> m_answers;
    qsizetype m_next = 0;
    int m_requests = 0;
    QByteArray m_last;
    int m_repeats = 0;
};

OutgoingOp op(std::int64_t seq)
{
    OutgoingOp o;
    o.header.projectId = kProject;
    o.header.recordId = QStringLiteral("0190f0c2-0000-7000-8000-00000000000%1").arg(seq);
    o.header.kind = QStringLiteral("note");
    o.header.keyEpoch = 1;
    o.header.deviceSeq = seq;
    o.header.opId = QByteArray(16, char(0x50 + seq));
    o.header.hlc = HlcStamp{1'750'000'000'000 + seq, 0, QByteArray(16, '\x02')};
    o.plaintext = "{}";
    if (seq == 1)
        o.attachments = {attachmentName(attachment())};
    return o;
}

class Journal final : public SyncJournal {
public:
    Result<QList<OutgoingOp>> pending(int limit) override { return m_pending.mid(0, limit); }
    Status acknowledge(const QList<Receipt> &receipts) override
    {
        for (const Receipt &r : receipts) {
            SAMLA_FUZZ_CHECK(!m_pending.isEmpty());
            SAMLA_FUZZ_CHECK(r.opId == m_pending.first().header.opId && r.deviceSeq == m_pending.first().header.deviceSeq);
            m_pending.removeFirst();
        }
        return {};
    }
    Result<std::int64_t> cursor() override { return m_cursor; }
    Status apply(const QList<IncomingOp> &ops, std::int64_t newCursor) override
    {
        SAMLA_FUZZ_CHECK(newCursor > m_cursor);
        std::int64_t previous = m_cursor;
        for (const IncomingOp &o : ops) {
            SAMLA_FUZZ_CHECK(o.serverSeq > previous && o.serverSeq <= newCursor);
            SAMLA_FUZZ_CHECK(o.header.projectId == kProject);
            previous = o.serverSeq;
        }
        m_cursor = newCursor;
        return {};
    }
    Result<QList<WantedAttachment>> wantedAttachments() override { return m_wanted; }
    Status attachmentArrived(const WantedAttachment &w) override
    {
        m_wanted.removeAll(w);
        return {};
    }

private:
    QList<OutgoingOp> m_pending{op(1), op(2)};
    std::int64_t m_cursor = 0;
    QList<WantedAttachment> m_wanted{{kProject, QString(64, QLatin1Char('b'))}};
};

QByteArray answer(int statusIndex, const QByteArray &body)
{
    return QByteArray(1, char(statusIndex)) + body;
}

QByteArray pulledEnvelope(std::int64_t seq)
{
    EnvelopeHeader h;
    h.projectId = kProject;
    h.recordId = QStringLiteral("0190f0c2-0000-7000-8000-00000000010%1").arg(seq);
    h.kind = QStringLiteral("note");
    h.keyEpoch = 1;
    h.authorDevice = fixedSignKey(1).publicKey;
    h.deviceSeq = seq;
    h.opId = QByteArray(16, char(0x60 + seq));
    h.hlc = HlcStamp{1'750'000'000'000 + seq, 0, QByteArray(16, '\x01')};
    auto e = sealEnvelope(h, "{}", fixedBytes(0x40), fixedSignKey(1).secretKey);
    SAMLA_FUZZ_CHECK(e.ok());
    return e->encode();
}

} // namespace

void setUp()
{
    QDir().mkpath(workDir());
    std::atexit([] { QDir(workDir()).removeRecursively(); });
}

void writeSeeds(SeedWriter &out)
{
    const crypto::SignKeyPair admin = fixedSignKey(1);
    KeyGrant g;
    g.projectId = kProject;
    g.epoch = 2;
    g.recipient = fixedSignKey(2).publicKey;
    g.sealed = crypto::sealToPublicKey(fixedBoxKey(2).publicKey, fixedBytes(0x48));
    g.granter = admin.publicKey;
    g.signature = crypto::sign(admin.secretKey, g.signedBytes());
    const QByteArray size = QByteArray::number(attachment().size());
    QList<QByteArray> answers{
        // enrol
        answer(0, EnrolResponse{kProject, QString::fromLatin1(kRoleMember), {admin.publicKey}}.encode()),
        // fetchKeys: a session, then the grants
        answer(0, ChallengeResponse{QByteArray(32, 'c'), 60'000}.encode()),
        answer(0, SessionResponse{QByteArray(32, 't'), 900'000}.encode()),
        answer(0, GrantList{{g}}.encode()),
        // sync: the attachment's status, its one chunk, the push
        answer(0, AttachmentStatus{0, 0, false, {}}.encode()),
        answer(0, AttachmentStatus{attachment().size(), attachment().size(), true, {}}.encode()),
        answer(0, PushResponse{{Receipt{op(1).header.opId, 1, 10}, Receipt{op(2).header.opId, 2, 11}}, 2, {}}.encode()),
        // the pull: two pages
        answer(0, PullResponse{{PulledEnvelope{3, pulledEnvelope(1)}}, 3, true}.encode()),
        answer(0, PullResponse{{PulledEnvelope{5, pulledEnvelope(2)}}, 5, false}.encode()),
        // the wanted attachment: its status, then not complete yet
        answer(0, AttachmentStatus{100, 40, false, {}}.encode()),
        // members
        answer(0, MemberList{{Member{fixedSignKey(2).publicKey, fixedBoxKey(2).publicKey,
                                     QString::fromLatin1(kRoleMember), false, {1}}}}
                      .encode()),
    };
    out.add("happy", answers.join(kSeparator));
    // A refused push, an expired session and a download that arrives.
    QList<QByteArray> refused = answers.mid(0, 6);
    refused << answer(8, PushResponse{{Receipt{op(1).header.opId, 1, 10}}, 1, QStringLiteral("gap")}.encode());
    out.add("refused-push", refused.join(kSeparator));
    QList<QByteArray> expired = answers.mid(0, 1);
    expired << answer(4, ErrorResponse{QStringLiteral("token-expired")}.encode()) << answers.mid(1);
    out.add("expired", expired.join(kSeparator));
    QList<QByteArray> download = answers.mid(0, 9);
    download << answer(0, AttachmentStatus{64, 64, true, {}}.encode()) << answer(0, QByteArray(64, 'z'));
    out.add("download", download.join(kSeparator));
}

void fuzzOne(QByteArrayView input)
{
    // A fresh directory state every run: the attachment to send, no partial downloads.
    const QString dir = workDir();
    for (const QString &name : QDir(dir).entryList(QDir::Files | QDir::Hidden))
        QFile::remove(dir + QLatin1Char('/') + name);
    {
        QFile f(dir + QLatin1Char('/') + attachmentName(attachment()));
        SAMLA_FUZZ_CHECK(f.open(QIODevice::WriteOnly) && f.write(attachment()) == attachment().size());
    }
    QList<QByteArray> answers;
    const QByteArray bytes = input.toByteArray();
    for (qsizetype at = 0; at <= bytes.size();) {
        qsizetype end = bytes.indexOf(kSeparator, at);
        if (end < 0)
            end = bytes.size();
        answers.append(bytes.mid(at, end - at));
        at = end + kSeparator.size();
    }
    AnswerTransport server(answers);
    ManualClock clock(1'750'000'000'000);
    SyncClientOptions options;
    options.attempts = 2;
    options.backoff = std::chrono::milliseconds(0);
    options.maxBackoff = std::chrono::milliseconds(0);
    options.attachmentDirectory = dir;
    options.attachmentChunk = 32;
    const crypto::SignKeyPair device = fixedSignKey(2);
    SyncClient client(server, clock, device, QByteArray(32, '\x5e'), options);
    client.setProjectKey(kProject, 1, fixedBytes(0x40));

    (void)client.enrol(QByteArray(32, '\x71'), fixedBoxKey(2).publicKey);
    const QByteArray admin = fixedSignKey(1).publicKey;
    auto keys = client.fetchKeys(fixedBoxKey(2), [&admin](const QString &, const QByteArray &by) { return by == admin; });
    if (keys.ok()) {
        // The key held for epoch 1 is never replaced by a grant.
        const crypto::SecureBytes *held = client.projectKey(kProject, 1);
        SAMLA_FUZZ_CHECK(held && held->equals(fixedBytes(0x40)));
    }
    Journal journal;
    (void)client.sync(journal);
    (void)client.members(kProject);
}

} // namespace samla::fuzz
