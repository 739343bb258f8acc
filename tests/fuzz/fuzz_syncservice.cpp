// Fuzzes samla-server's request handling as far as it goes without a socket: SyncService::handle
// with method, target, Authorization header and body (Boost.Beast parses the HTTP around it), on an
// embedded store with a project, an administrator's and a diary device's open sessions.
// Input: byte 0 chooses the method (bits 0-2) and the Authorization header (bits 3-4: none, the
// administrator's token, the diary device's token, or a line of the input); then the target up to
// '\n', the header line if chosen, and the rest is the body.
// Contract: nothing a client sends makes a 500 (an exception or a store failure), every refusal is a
// decodable reason code, a request without a token reaches no endpoint that needs one, and the answer
// to a write-only device never carries envelopes.
#include "fuzzsupport.h"

#include "sync/protocol/attachmentmessages.h"
#include "sync/protocol/envelope.h"
#include "sync/protocol/messages.h"
#include "sync/protocol/requestauth.h"
#include "sync/server/embeddedstore.h"
#include "sync/server/syncservice.h"

#include <QCoreApplication>
#include <QDir>

#include <memory>

namespace samla::fuzz {

using namespace samla::protocol;
using namespace samla::server;

namespace {

const QString kProject = QStringLiteral("0190f0c2-aaaa-7000-8000-000000000001");
const QByteArray kServerId(32, '\x5e');
const QByteArray kMemberToken(32, '\x71');   // unused at first: the seeds enrol with it
const char *const kMethods[] = {"GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "get", ""};
enum Auth : std::uint8_t { NoToken = 0, AdminToken = 1, DiaryToken = 2, RawHeader = 3 };
// Rebuilt now and then, so what a long run stores (ops, blobs) stays small.
constexpr int kRunsPerStore = 20'000;

struct Server {
    ManualClock clock{1'750'000'000'000};
    std::unique_ptr<EmbeddedStore> store;
    std::unique_ptr<SyncService> service;
    QByteArray adminToken;
    QByteArray diaryToken;
    int runs = 0;
};

QString storeDir()
{
    return QStringLiteral("/dev/shm/samla-fuzz-service-%1").arg(QCoreApplication::applicationPid());
}

QByteArray openSession(SyncService &service, const crypto::SignKeyPair &device)
{
    const ServiceResponse c = service.handle({"POST", "/v1/session/challenge", {}, ChallengeRequest{device.publicKey}.encode(), {}});
    auto challenge = ChallengeResponse::decode(c.body);
    SAMLA_FUZZ_CHECK(challenge.ok());
    SessionRequest req{device.publicKey, challenge->challenge, {}};
    req.signature = crypto::sign(device.secretKey, sessionProofBytes(kServerId, device.publicKey, req.challenge));
    const ServiceResponse s = service.handle({"POST", "/v1/session", {}, req.encode(), {}});
    auto session = SessionResponse::decode(s.body);
    SAMLA_FUZZ_CHECK(session.ok());
    return QByteArray(kBearerPrefix) + session->token.toHex();
}

std::unique_ptr<Server> makeServer()
{
    auto s = std::make_unique<Server>();
    QDir(storeDir()).removeRecursively();
    QDir().mkpath(storeDir());
    auto store = EmbeddedStore::open(storeDir() + QStringLiteral("/store.db"), fixedBytes(0x55), true);
    SAMLA_FUZZ_CHECK(store.ok());
    s->store = std::move(store.value());
    const std::int64_t now = s->clock.nowMs();
    const std::int64_t later = now + 365LL * 24 * 3600 * 1000;
    SAMLA_FUZZ_CHECK(s->store->createProject(kProject, now).ok());
    SAMLA_FUZZ_CHECK(s->store->addEnrolToken(crypto::hash(QByteArray(32, '\x61')), kProject, QString::fromLatin1(kRoleAdmin), later).ok());
    SAMLA_FUZZ_CHECK(s->store->addEnrolToken(crypto::hash(QByteArray(32, '\x63')), kProject, QString::fromLatin1(kRoleWriteOnly), later).ok());
    SAMLA_FUZZ_CHECK(s->store->addEnrolToken(crypto::hash(kMemberToken), kProject, QString::fromLatin1(kRoleMember), later).ok());
    auto admin = s->store->enrol(crypto::hash(QByteArray(32, '\x61')), fixedSignKey(1).publicKey, fixedBoxKey(1).publicKey,
                                 crypto::sign(fixedSignKey(1).secretKey, boxKeyProofBytes(fixedBoxKey(1).publicKey)), now);
    auto diary = s->store->enrol(crypto::hash(QByteArray(32, '\x63')), fixedSignKey(3).publicKey, fixedBoxKey(3).publicKey,
                                 crypto::sign(fixedSignKey(3).secretKey, boxKeyProofBytes(fixedBoxKey(3).publicKey)), now);
    SAMLA_FUZZ_CHECK(admin.ok() && admin->outcome == EnrolOutcome::Enrolled);
    SAMLA_FUZZ_CHECK(diary.ok() && diary->outcome == EnrolOutcome::Enrolled);
    s->service = std::make_unique<SyncService>(*s->store, s->clock, kServerId);
    s->adminToken = openSession(*s->service, fixedSignKey(1));
    s->diaryToken = openSession(*s->service, fixedSignKey(3));
    return s;
}

std::unique_ptr<Server> g_server;

void cleanUp()
{
    g_server.reset();
    QDir(storeDir()).removeRecursively();
}

QByteArray request(std::uint8_t method, Auth auth, const QByteArray &target, const QByteArray &body,
                   const QByteArray &header = {})
{
    QByteArray out(1, char(method | (auth << 3)));
    out += target + '\n';
    if (auth == RawHeader)
        out += header + '\n';
    return out + body;
}

QByteArray envelope(std::int64_t seq)
{
    EnvelopeHeader h;
    h.projectId = kProject;
    h.recordId = QStringLiteral("0190f0c2-0000-7000-8000-00000000000%1").arg(seq);
    h.kind = QStringLiteral("note");
    h.keyEpoch = 1;
    h.authorDevice = fixedSignKey(1).publicKey;
    h.deviceSeq = seq;
    h.opId = QByteArray(16, char(0x40 + seq));
    h.hlc = HlcStamp{1'750'000'000'000 + seq, 0, QByteArray(16, '\x01')};
    auto e = sealEnvelope(h, "{}", fixedBytes(0x40), fixedSignKey(1).secretKey);
    SAMLA_FUZZ_CHECK(e.ok());
    return e->encode();
}

} // namespace

void setUp()
{
    g_server = makeServer();
    std::atexit(cleanUp);
}

void writeSeeds(SeedWriter &out)
{
    out.add("health", request(0, NoToken, "/v1/health", {}));
    const crypto::SignKeyPair device = fixedSignKey(2);
    EnrolRequest enrol{kMemberToken, device.publicKey, fixedBoxKey(2).publicKey, {}};
    enrol.proof = crypto::sign(device.secretKey, enrolProofBytes(enrol.token, enrol.signKey, enrol.boxKey));
    enrol.boxProof = crypto::sign(device.secretKey, boxKeyProofBytes(enrol.boxKey));
    out.add("enrol", request(1, NoToken, "/v1/enrol", enrol.encode()));
    out.add("challenge", request(1, NoToken, "/v1/session/challenge", ChallengeRequest{fixedSignKey(1).publicKey}.encode()));
    SessionRequest session{fixedSignKey(1).publicKey, QByteArray(32, 'c'), {}};
    session.signature = crypto::sign(fixedSignKey(1).secretKey, sessionProofBytes(kServerId, session.device, session.challenge));
    out.add("session", request(1, NoToken, "/v1/session", session.encode()));
    out.add("push", request(1, AdminToken, "/v1/push", PushRequest{{envelope(1), envelope(2)}}.encode()));
    out.add("push-diary", request(1, DiaryToken, "/v1/push", PushRequest{{envelope(1)}}.encode()));
    out.add("pull", request(0, AdminToken, "/v1/pull?since=0&limit=10", {}));
    out.add("pull-diary", request(0, DiaryToken, "/v1/pull?since=0", {}));
    out.add("grants", request(0, AdminToken, "/v1/grants", {}));
    KeyGrant g;
    g.projectId = kProject;
    g.epoch = 1;
    g.recipient = fixedSignKey(3).publicKey;
    g.sealed = crypto::sealToPublicKey(fixedBoxKey(3).publicKey, fixedBytes(0x40));
    g.granter = fixedSignKey(1).publicKey;
    g.signature = crypto::sign(fixedSignKey(1).secretKey, g.signedBytes());
    out.add("grant", request(1, AdminToken, "/v1/grants", GrantList{{g}}.encode()));
    out.add("members", request(0, AdminToken, "/v1/members?project=" + kProject.toLatin1(), {}));
    const QByteArray blob("an attachment's ciphertext, in two chunks");
    const QByteArray name = kAttachmentsPath + crypto::hash(blob).toHex();
    const QByteArray project = "project=" + kProject.toLatin1();
    out.add("attachment-put", request(2, AdminToken, name + "?" + project + "&size=41&offset=0", blob.left(20)));
    out.add("attachment-put-rest", request(2, AdminToken, name + "?" + project + "&size=41&offset=20", blob.mid(20)));
    out.add("attachment-status", request(0, DiaryToken, name + "/status?" + project, {}));
    out.add("attachment-get", request(0, AdminToken, name + "?" + project + "&offset=0&length=16", {}));
    out.add("raw-header", request(0, RawHeader, "/v1/grants", {}, "Bearer " + QByteArray(64, 'a')));
}

void fuzzOne(QByteArrayView input)
{
    if (input.isEmpty())
        return;
    if (++g_server->runs > kRunsPerStore) {
        g_server.reset();
        g_server = makeServer();
    }
    const std::uint8_t head = std::uint8_t(input.front());
    const Auth auth = Auth((head >> 3) & 3);
    QByteArray rest = input.sliced(1).toByteArray();
    ServiceRequest r;
    r.method = kMethods[head & 7];
    qsizetype nl = rest.indexOf('\n');
    r.target = nl < 0 ? rest : rest.left(nl);
    rest = nl < 0 ? QByteArray() : rest.mid(nl + 1);
    if (auth == RawHeader) {
        nl = rest.indexOf('\n');
        r.authorization = nl < 0 ? rest : rest.left(nl);
        rest = nl < 0 ? QByteArray() : rest.mid(nl + 1);
    } else if (auth != NoToken) {
        r.authorization = auth == AdminToken ? g_server->adminToken : g_server->diaryToken;
    }
    r.body = rest;

    const ServiceResponse answer = g_server->service->handle(r);
    SAMLA_FUZZ_CHECK(answer.status != 500);
    const qsizetype q = r.target.indexOf('?');
    const Endpoint *endpoint = endpointOf(q < 0 ? r.target : r.target.left(q));
    if (!endpoint)
        SAMLA_FUZZ_CHECK(answer.status == 404);
    if (answer.status == 200 && endpoint && !endpoint->open)
        SAMLA_FUZZ_CHECK(auth != NoToken);
    if (answer.status >= 400) {
        // A refusal says why: a reason code, or the push or attachment state it stopped at.
        SAMLA_FUZZ_CHECK(ErrorResponse::decode(answer.body).ok() || PushResponse::decode(answer.body).ok()
                         || AttachmentStatus::decode(answer.body).ok());
        SAMLA_FUZZ_CHECK(!answer.reason.isEmpty());
    }
    // A write-only device reads nothing back: every pull is refused (or never reached the endpoint).
    if (auth == DiaryToken && endpoint && QByteArrayView(endpoint->path) == "/v1/pull")
        SAMLA_FUZZ_CHECK(answer.status != 200);
}

} // namespace samla::fuzz
