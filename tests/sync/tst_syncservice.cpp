// SyncService: every endpoint authenticates and authorises; every refusal has its status and reason.
#include "synctestsupport.h"
#include "teststore.h"

#include "sync/client/attachmentsync.h"
#include "sync/protocol/canonicalcbor.h"
#include "sync/protocol/requestauth.h"
#include "sync/server/attachmentblobs.h"
#include "sync/server/syncservice.h"
#include "sync/protocol/attachmentmessages.h"

#include <QCborArray>
#include <QCborMap>

#include <algorithm>

using namespace samla;
using namespace samla::server;
using samla::test::TestDevice;

namespace {

QString reasonOf(const ServiceResponse &r)
{
    auto e = protocol::ErrorResponse::decode(r.body);
    if (e.ok())
        return e->error;
    auto p = protocol::PushResponse::decode(r.body);
    return p.ok() ? p->error : QStringLiteral("<undecodable>");
}

// The sync client's network, straight into the service in this process:
// counts what the client sent and what it was told.
class ServiceTransport final : public sync::Transport {
public:
    explicit ServiceTransport(std::function<ServiceResponse(const ServiceRequest &)> handle)
        : m_handle(std::move(handle))
    {
    }
    Result<sync::HttpResponse> send(const QByteArray &method, const QByteArray &target,
                                    const sync::HeaderList &headers, const QByteArray &body) override
    {
        ServiceRequest r{method, target, {}, body};
        for (const auto &[name, value] : headers)
            if (name.compare("authorization", Qt::CaseInsensitive) == 0)
                r.authorization = value;
        const ServiceResponse answer = m_handle(r);
        if (answer.status == 401)
            ++unauthorised;
        targets << target;
        return sync::HttpResponse{answer.status, answer.body};
    }
    int unauthorised = 0;
    QList<QByteArray> targets;

private:
    std::function<ServiceResponse(const ServiceRequest &)> m_handle;
};

} // namespace

class TestSyncService : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    test::TestStore m_store;   // embedded, or PostgreSQL in tst_syncservice_pg
    ManualClock m_clock{1'750'000'000'000};
    std::unique_ptr<SyncService> m_service;
    QByteArray m_serverId = crypto::randomBytes(32);   // the certificate fingerprint devices pin
    QHash<QByteArray, QByteArray> m_tokens;            // device key -> its session token
    QString m_projectA = QStringLiteral("0190f0c2-aaaa-7000-8000-000000000001");
    QString m_projectB = QStringLiteral("0190f0c2-bbbb-7000-8000-000000000002");
    crypto::SecureBytes m_keyA = crypto::SecureBytes::random(32);
    crypto::SecureBytes m_keyB = crypto::SecureBytes::random(32);

    ServiceResponse postOpen(const QByteArray &target, const QByteArray &body)
    {
        return m_service->handle(ServiceRequest{"POST", target, {}, body});
    }

    // A challenge for the device (empty when refused).
    QByteArray challengeFor(const TestDevice &d)
    {
        const ServiceResponse r = postOpen("/v1/session/challenge", protocol::ChallengeRequest{d.sign.publicKey}.encode());
        auto c = protocol::ChallengeResponse::decode(r.body);
        return r.status == 200 && c.ok() ? c->challenge : QByteArray();
    }

    // The device's answer to a challenge, signed for the given server.
    ServiceResponse answer(const TestDevice &d, const QByteArray &challenge, const QByteArray &serverId,
                           const TestDevice *signer = nullptr)
    {
        const TestDevice &by = signer ? *signer : d;
        protocol::SessionRequest req{d.sign.publicKey, challenge, {}};
        req.signature = crypto::sign(by.sign.secretKey, protocol::sessionProofBytes(serverId, d.sign.publicKey, challenge));
        return postOpen("/v1/session", req.encode());
    }

    // A new session token for the device (empty when refused).
    QByteArray openSession(const TestDevice &d)
    {
        const ServiceResponse r = answer(d, challengeFor(d), m_serverId);
        auto session = protocol::SessionResponse::decode(r.body);
        return r.status == 200 && session.ok() ? session->token : QByteArray();
    }

    static ServiceRequest withToken(const QByteArray &method, const QByteArray &target, const QByteArray &body,
                                    const QByteArray &token)
    {
        return ServiceRequest{method, target, "Bearer " + token.toHex(), body};
    }

    // A request as a device sends it: with its session token (one session per device and test).
    ServiceRequest signedRequest(const TestDevice &d, const QByteArray &method, const QByteArray &target,
                                 const QByteArray &body)
    {
        QByteArray &token = m_tokens[d.sign.publicKey];
        if (token.isEmpty())
            token = openSession(d);
        return withToken(method, target, body, token);
    }

    QByteArray sealed(TestDevice &d, const sync::OutgoingOp &op, const crypto::SecureBytes &key)
    {
        auto e = protocol::sealEnvelope(op.header, op.plaintext, key, d.sign.secretKey);
        return e.ok() ? e->encode() : QByteArray();
    }

    ServiceResponse pushOps(TestDevice &d, const QList<QByteArray> &envelopes)
    {
        return m_service->handle(signedRequest(d, "POST", "/v1/push", protocol::PushRequest{envelopes}.encode()));
    }

    ServiceResponse pull(TestDevice &d, std::int64_t since, int limit = 100)
    {
        const QByteArray target = "/v1/pull?since=" + QByteArray::number(qint64(since)) + "&limit="
                                  + QByteArray::number(limit);
        return m_service->handle(signedRequest(d, "GET", target, {}));
    }

    QByteArray issueToken(const QString &project, const char *role = protocol::kRoleMember,
                          std::int64_t validMs = 3'600'000)
    {
        const QByteArray token = crypto::randomBytes(32);
        if (!m_store->addEnrolToken(crypto::hash(token), project, QString::fromLatin1(role), m_clock.nowMs() + validMs).ok())
            return {};
        return token;
    }

    ServiceResponse enrol(const TestDevice &d, const QByteArray &token)
    {
        protocol::EnrolRequest req{token, d.sign.publicKey, d.box.publicKey, {}};
        req.proof = crypto::sign(d.sign.secretKey, protocol::enrolProofBytes(token, d.sign.publicKey, d.box.publicKey));
        req.boxProof = crypto::sign(d.sign.secretKey, protocol::boxKeyProofBytes(d.box.publicKey));
        ServiceRequest r;
        r.method = "POST";
        r.target = "/v1/enrol";
        r.body = req.encode();
        return m_service->handle(r);
    }

    bool enrolled(const TestDevice &d, const QString &project, const char *role = protocol::kRoleMember)
    {
        return enrol(d, issueToken(project, role)).status == 200;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize().ok());
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        m_service.reset();
        m_tokens.clear();
        auto opened = m_store.open(m_dir.filePath(QStringLiteral("server.db")));
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().detail));
        QVERIFY(m_store->createProject(m_projectA, m_clock.nowMs()).ok());
        QVERIFY(m_store->createProject(m_projectB, m_clock.nowMs()).ok());
        m_service = std::make_unique<SyncService>(*m_store, m_clock, m_serverId);
    }

    // A blob whose every byte arrived but whose check never finished (the
    // server stopped while hashing) is checked when its state is asked for:
    // complete if it matches, discarded (to be sent again) if not. It never
    // stays half-done, nor counts as complete unchecked.
    void aBlobLeftUncheckedIsCheckedWhenAskedFor()
    {
        AttachmentBlobs blobs(*m_store, m_clock);
        const QList<Membership> member{Membership{m_projectA, QString::fromLatin1(protocol::kRoleMember)}};
        auto stateOf = [&](const QByteArray &hash) {
            const QByteArray path = protocol::kAttachmentsPath + hash + "/status";
            ServiceRequest r{"GET", path + "?project=" + m_projectA.toLatin1(), {}, {}};
            const ServiceResponse answer = blobs.handle(r, path, member);
            return protocol::AttachmentStatus::decode(answer.body);
        };
        const QByteArray bytes = crypto::randomBytes(3000);
        const QByteArray good = crypto::hash(bytes).toHex();
        QVERIFY(m_store->appendBlob(m_projectA, QString::fromLatin1(good), 3000, 0, bytes, m_clock.nowMs()).ok());
        auto checked = stateOf(good);
        QVERIFY(checked.ok());
        QVERIFY(checked->complete);
        QCOMPARE(checked->held, qint64(3000));

        const QByteArray wrong = crypto::hash(QByteArrayLiteral("something else")).toHex();
        QVERIFY(m_store->appendBlob(m_projectA, QString::fromLatin1(wrong), 3000, 0, bytes, m_clock.nowMs()).ok());
        auto discarded = stateOf(wrong);
        QVERIFY(discarded.ok());
        QVERIFY(!discarded->complete);
        QCOMPARE(discarded->held, qint64(0));
    }

    // An admin device approves a member by sealing the project key to it;
    // every other way of getting or giving a key is refused.
    void keyGrantsOnlyFromAdminsToMembers()
    {
        TestDevice admin, member, writer, outsider, otherAdmin;
        QVERIFY(enrolled(admin, m_projectA, protocol::kRoleAdmin));
        QVERIFY(enrolled(member, m_projectA));
        QVERIFY(enrolled(writer, m_projectA, protocol::kRoleWriteOnly));
        QVERIFY(enrolled(outsider, m_projectB));
        QVERIFY(enrolled(otherAdmin, m_projectB, protocol::kRoleAdmin));

        auto members = [&](TestDevice &d, const QString &project) {
            return m_service->handle(signedRequest(d, "GET", "/v1/members?project=" + project.toLatin1(), {}));
        };
        // Only an admin of the project sees its devices.
        ServiceResponse listed = members(admin, m_projectA);
        QCOMPARE(listed.status, 200);
        auto list = protocol::MemberList::decode(listed.body);
        QVERIFY(list.ok());
        QCOMPARE(list->members.size(), 3);
        QCOMPARE(members(member, m_projectA).status, 403);
        QCOMPARE(reasonOf(members(member, m_projectA)), QStringLiteral("not-admin"));
        QCOMPARE(reasonOf(members(otherAdmin, m_projectA)), QStringLiteral("not-admin"));
        QCOMPARE(reasonOf(m_service->handle(signedRequest(admin, "GET", "/v1/members?project=x&y=1", {}))),
                 QStringLiteral("malformed"));

        auto grant = [&](const TestDevice &by, const TestDevice &to, const QString &project,
                         const crypto::SecureBytes &key) {
            protocol::KeyGrant g;
            g.projectId = project;
            g.epoch = 1;
            g.recipient = to.sign.publicKey;
            g.sealed = crypto::sealToPublicKey(to.box.publicKey, key);
            g.granter = by.sign.publicKey;
            g.signature = crypto::sign(by.sign.secretKey, g.signedBytes());
            return g;
        };
        auto post = [&](TestDevice &caller, const QList<protocol::KeyGrant> &grants) {
            return m_service->handle(signedRequest(caller, "POST", "/v1/grants", protocol::GrantList{grants}.encode()));
        };
        // Refusals: a member cannot grant, an admin of another project cannot,
        // nobody grants in another's name, a forged signature, a recipient
        // outside the project or write-only.
        ServiceResponse r = post(member, {grant(member, member, m_projectA, m_keyA)});
        QCOMPARE(r.status, 403);
        QCOMPARE(reasonOf(r), QStringLiteral("not-admin"));
        QCOMPARE(reasonOf(post(otherAdmin, {grant(otherAdmin, member, m_projectA, m_keyA)})), QStringLiteral("not-admin"));
        QCOMPARE(reasonOf(post(admin, {grant(otherAdmin, member, m_projectA, m_keyA)})), QStringLiteral("forbidden-granter"));
        protocol::KeyGrant forged = grant(admin, member, m_projectA, m_keyA);
        forged.sealed = crypto::sealToPublicKey(member.box.publicKey, m_keyB);   // swapped after signing
        QCOMPARE(reasonOf(post(admin, {forged})), QStringLiteral("tampered"));
        r = post(admin, {grant(admin, member, m_projectA, m_keyA), grant(admin, outsider, m_projectA, m_keyA)});
        QCOMPARE(r.status, 409);
        QCOMPARE(reasonOf(r), QStringLiteral("not-member"));
        // A write-only device never gets the project key, only a submission grant.
        QCOMPARE(reasonOf(post(admin, {grant(admin, writer, m_projectA, m_keyA)})), QStringLiteral("write-only"));
        // All or nothing: the member got nothing from the refused batch.
        auto mine = [&](TestDevice &d) {
            return protocol::GrantList::decode(m_service->handle(signedRequest(d, "GET", "/v1/grants", {})).body);
        };
        QVERIFY(mine(member)->grants.isEmpty());

        // The admin approves itself and the member; a retry changes nothing,
        // and a second grant for the same epoch cannot replace the first.
        QCOMPARE(post(admin, {grant(admin, admin, m_projectA, m_keyA), grant(admin, member, m_projectA, m_keyA)}).status, 200);
        QCOMPARE(post(admin, {grant(admin, member, m_projectA, m_keyB)}).status, 200);
        auto got = mine(member);
        QVERIFY(got.ok());
        QCOMPARE(got->grants.size(), 1);
        auto opened = crypto::openSealed(member.box, got->grants.first().sealed);
        QVERIFY(opened.ok());
        QVERIFY(opened->equals(m_keyA));
        QVERIFY(mine(outsider)->grants.isEmpty());
        QCOMPARE(protocol::MemberList::decode(members(admin, m_projectA).body)->members.at(1).grantedEpochs,
                 QList<std::uint32_t>{1});
        // An admin reads and writes like a member.
        QCOMPARE(pull(admin, 0).status, 200);
    }

    // A client address that floods gets 429 once its burst is spent, and is
    // served again as the bucket refills; other addresses are not affected.
    void requestRateIsLimitedPerAddress()
    {
        ServiceLimits limits;
        limits.requestsPerMinute = 60;
        limits.requestBurst = 5;
        SyncService service(*m_store, m_clock, m_serverId, limits);
        ServiceRequest r{"GET", "/v1/health", {}, {}, "10.0.0.1"};
        for (int i = 0; i < 5; ++i)
            QCOMPARE(service.handle(r).status, 200);
        const ServiceResponse refused = service.handle(r);
        QCOMPARE(refused.status, 429);
        QCOMPARE(reasonOf(refused), QStringLiteral("rate-limited"));
        ServiceRequest other = r;
        other.peer = "10.0.0.2";
        QCOMPARE(service.handle(other).status, 200);
        m_clock.advance(1'000);   // one request a second refills one token
        QCOMPARE(service.handle(r).status, 200);
        QCOMPARE(service.handle(r).status, 429);
    }

    void healthNeedsNoAuthentication()
    {
        ServiceRequest r{"GET", "/v1/health", {}, {}};
        QCOMPARE(m_service->handle(r).status, 200);
    }

    void enrolmentTokenIsOneTime()
    {
        TestDevice a, b;
        const QByteArray token = issueToken(m_projectA);
        auto first = enrol(a, token);
        QCOMPARE(first.status, 200);
        QCOMPARE(protocol::EnrolResponse::decode(first.body)->projectId, m_projectA);
        // The same device asking again (its answer was lost) is told the same.
        QCOMPARE(enrol(a, token).status, 200);
        // Anyone else with the token is refused.
        auto second = enrol(b, token);
        QCOMPARE(second.status, 403);
        QCOMPARE(reasonOf(second), QStringLiteral("bad-token"));
    }

    void enrolmentRefusals()
    {
        TestDevice a;
        QCOMPARE(enrol(a, crypto::randomBytes(32)).status, 403);   // never issued
        const QByteArray expired = issueToken(m_projectA, protocol::kRoleMember, 1000);
        m_clock.advance(2000);
        QCOMPARE(reasonOf(enrol(a, expired)), QStringLiteral("bad-token"));

        // A proof signed by another key: the enrolling party does not hold the key it enrols.
        TestDevice b;
        const QByteArray token = issueToken(m_projectA);
        protocol::EnrolRequest req{token, a.sign.publicKey, a.box.publicKey, {}};
        req.proof = crypto::sign(b.sign.secretKey, protocol::enrolProofBytes(token, a.sign.publicKey, a.box.publicKey));
        req.boxProof = crypto::sign(a.sign.secretKey, protocol::boxKeyProofBytes(a.box.publicKey));
        ServiceRequest r{"POST", "/v1/enrol", {}, req.encode()};
        auto refused = m_service->handle(r);
        QCOMPARE(refused.status, 401);
        QCOMPARE(reasonOf(refused), QStringLiteral("bad-signature"));
        // The token was not used up by the refused attempt.
        QCOMPARE(enrol(a, token).status, 200);

        ServiceRequest garbage{"POST", "/v1/enrol", {}, QByteArray("\xa1\x61", 2)};
        QCOMPARE(m_service->handle(garbage).status, 400);
    }

    void revokedDeviceCannotEnrolAgain()
    {
        TestDevice a;
        QVERIFY(enrolled(a, m_projectA));
        QVERIFY(m_store->revokeDevice(a.sign.publicKey, m_clock.nowMs()).ok());
        auto again = enrol(a, issueToken(m_projectB));
        QCOMPARE(again.status, 403);
        QCOMPARE(reasonOf(again), QStringLiteral("revoked"));
    }

    // The enrolment answer names the project's administrators, whose grants
    // the device will accept: active admin devices only.
    void enrolmentNamesTheProjectAdmins()
    {
        TestDevice admin, retired, member;
        QVERIFY(enrolled(retired, m_projectA, protocol::kRoleAdmin));
        QVERIFY(m_store->revokeDevice(retired.sign.publicKey, m_clock.nowMs()).ok());
        auto self = protocol::EnrolResponse::decode(enrol(admin, issueToken(m_projectA, protocol::kRoleAdmin)).body);
        QVERIFY(self.ok());
        QCOMPARE(self->admins, QList<QByteArray>{admin.sign.publicKey});
        auto answer = protocol::EnrolResponse::decode(enrol(member, issueToken(m_projectA)).body);
        QVERIFY(answer.ok());
        QCOMPARE(answer->role, QString::fromLatin1(protocol::kRoleMember));
        QCOMPARE(answer->admins, QList<QByteArray>{admin.sign.publicKey});
        TestDevice elsewhere;
        QVERIFY(protocol::EnrolResponse::decode(enrol(elsewhere, issueToken(m_projectB)).body)->admins.isEmpty());
    }

    // The client opens a session by itself, renews it when its own clock says
    // it is due, and once more when the server says it expired (the clocks
    // differ) - without the caller seeing any of it.
    void clientRenewsItsSessionTransparently()
    {
        TestDevice a;
        QVERIFY(enrolled(a, m_projectA));
        ManualClock deviceClock(m_clock.nowMs() - 3'600'000);   // an hour behind the server
        ServiceTransport transport([this](const ServiceRequest &r) { return m_service->handle(r); });
        sync::SyncClientOptions fast;
        fast.backoff = std::chrono::milliseconds(1);
        sync::SyncClient client(transport, deviceClock, a.sign, m_serverId, fast);
        client.setProjectKey(m_projectA, 1, m_keyA.clone());
        auto pushed = client.push({a.op(m_projectA, "first")});
        QVERIFY2(pushed.ok(), qPrintable(pushed.ok() ? QString() : pushed.error().detail));
        QCOMPARE(client.sessionsOpened(), 1);
        QCOMPARE(transport.unauthorised, 0);
        QVERIFY(client.push({a.op(m_projectA, "second")}).ok());
        QCOMPARE(client.sessionsOpened(), 1);   // the same session

        // The server's clock runs past the session; the device's does not.
        m_clock.advance(SessionTable::Limits{}.sessionTtlMs);
        auto again = client.push({a.op(m_projectA, "third")});
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().detail));
        QCOMPARE(transport.unauthorised, 1);    // told once that the token expired…
        QCOMPARE(client.sessionsOpened(), 2);   // …and renewed, and the push went through
        QCOMPARE(m_store->counts()->ops, 3);

        // When the device's own clock says the session is nearly over, it
        // renews before asking, and the server never refuses it.
        deviceClock.advance(SessionTable::Limits{}.sessionTtlMs - 30'000);
        QVERIFY(client.pull(0, [](const QList<sync::IncomingOp> &, std::int64_t) { return Status(); }).ok());
        QCOMPARE(client.sessionsOpened(), 3);
        QCOMPARE(transport.unauthorised, 1);
        for (const QByteArray &t : transport.targets)
            QVERIFY(!t.contains(a.sign.publicKey.toHex()));   // no key or token in a URL

        // A revoked device is refused, and does not keep trying.
        QVERIFY(m_store->revokeDevice(a.sign.publicKey, m_clock.nowMs()).ok());
        const qsizetype before = transport.targets.size();
        auto refused = client.push({a.op(m_projectA, "after")});
        QVERIFY(!refused.ok());
        QCOMPARE(client.lastRefusal().reason, QStringLiteral("revoked"));
        QCOMPARE(transport.targets.size() - before, 1);
    }

    // Found by tests/fuzz/fuzz_syncclient: a server (or whatever stands in
    // between) that says "more" without moving the pull cursor, or answers
    // every attachment chunk without taking it, kept the device asking for
    // ever. The device stops after a few such answers, with an error.
    void aServerThatNeverMovesOnIsLeft()
    {
        TestDevice a;
        QVERIFY(enrolled(a, m_projectA));
        QTemporaryDir files;
        const QByteArray blob = crypto::randomBytes(100);
        const QString hash = QString::fromLatin1(crypto::hash(blob).toHex());
        QFile file(files.filePath(hash));
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(blob) == blob.size());
        file.close();
        int pulls = 0;
        int chunks = 0;
        ServiceTransport transport([&](const ServiceRequest &r) {
            ServiceResponse stuck;
            if (r.target.startsWith("/v1/pull") && ++pulls <= 20) {
                stuck.body = protocol::PullResponse{{}, 0, true}.encode();
                return stuck;
            }
            if (r.method == "PUT" && r.target.startsWith(protocol::kAttachmentsPath) && ++chunks <= 20) {
                stuck.body = protocol::AttachmentStatus{blob.size(), 0, false, {}}.encode();
                return stuck;
            }
            if (pulls > 20 || chunks > 20) {   // without the limit: end the test, not the machine
                stuck.status = 503;
                return stuck;
            }
            return m_service->handle(r);
        });
        sync::SyncClientOptions fast;
        fast.backoff = std::chrono::milliseconds(1);
        sync::SyncClient client(transport, m_clock, a.sign, m_serverId, fast);
        auto pulled = client.pull(0, [](const QList<sync::IncomingOp> &, std::int64_t) { return Status(); });
        QVERIFY(!pulled.ok());
        QCOMPARE(pulled.error().code, ErrorCode::Corrupt);
        QCOMPARE(pulls, 1);

        sync::SyncProgress progress;
        sync::AttachmentSync attachments(client, files.path(), 32, progress);
        const Status sent = attachments.upload(m_projectA, hash);
        QVERIFY(!sent.ok());
        QCOMPARE(sent.code(), ErrorCode::Corrupt);
        QCOMPARE(chunks, 4);
    }

    void pushThenPullSameProject()
    {
        TestDevice a, b, c;
        QVERIFY(enrolled(a, m_projectA));
        QVERIFY(enrolled(b, m_projectA));
        QVERIFY(enrolled(c, m_projectB));
        auto op = a.op(m_projectA, "CANARY-1 the ward was quiet");
        auto pushed = pushOps(a, {sealed(a, op, m_keyA)});
        QCOMPARE(pushed.status, 200);
        auto answer = protocol::PushResponse::decode(pushed.body);
        QVERIFY(answer.ok());
        QCOMPARE(answer->receipts.size(), 1);
        QCOMPARE(answer->receipts.first().opId, op.header.opId);
        QCOMPARE(answer->high, 1);

        auto pulled = pull(b, 0);
        QCOMPARE(pulled.status, 200);
        auto page = protocol::PullResponse::decode(pulled.body);
        QVERIFY(page.ok());
        QCOMPARE(page->ops.size(), 1);
        auto envelope = protocol::decodeEnvelope(page->ops.first().envelope);
        QVERIFY(envelope.ok());
        QCOMPARE(protocol::openEnvelope(envelope.value(), m_keyA).value(), QByteArray("CANARY-1 the ward was quiet"));

        // Another project's device sees nothing, and its cursor does not move.
        auto other = protocol::PullResponse::decode(pull(c, 0).body);
        QVERIFY(other.ok());
        QVERIFY(other->ops.isEmpty());
        QCOMPARE(other->next, 0);
    }

    void retryGetsSameReceipt()
    {
        TestDevice a;
        QVERIFY(enrolled(a, m_projectA));
        const QByteArray wire = sealed(a, a.op(m_projectA, "x"), m_keyA);
        auto first = protocol::PushResponse::decode(pushOps(a, {wire}).body);
        auto second = protocol::PushResponse::decode(pushOps(a, {wire}).body);
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(second->receipts, first->receipts);
        QCOMPARE(m_store->counts()->ops, 1);
    }

    // A session needs the device's signature over a challenge this server
    // issued to it, fresh; anything else is refused and opens nothing.
    void sessionOnlyForASignatureOverAFreshChallenge()
    {
        TestDevice a, b, stranger;
        QVERIFY(enrolled(a, m_projectA));
        QVERIFY(enrolled(b, m_projectA));

        const QByteArray challenge = challengeFor(a);
        QCOMPARE(challenge.size(), protocol::kChallengeBytes);
        const ServiceResponse opened = answer(a, challenge, m_serverId);
        QCOMPARE(opened.status, 200);
        auto session = protocol::SessionResponse::decode(opened.body);
        QVERIFY(session.ok());
        QCOMPARE(session->ttlMs, SessionTable::Limits{}.sessionTtlMs);
        QCOMPARE(m_service->handle(withToken("GET", "/v1/grants", {}, session->token)).status, 200);

        // Signed by another key than the device's.
        ServiceResponse r = answer(a, challengeFor(a), m_serverId, &b);
        QCOMPARE(r.status, 401);
        QCOMPARE(reasonOf(r), QStringLiteral("bad-signature"));
        // A challenge never issued, one issued to another device, one too old.
        QCOMPARE(reasonOf(answer(a, crypto::randomBytes(32), m_serverId)), QStringLiteral("bad-challenge"));
        QCOMPARE(reasonOf(answer(a, challengeFor(b), m_serverId)), QStringLiteral("bad-challenge"));
        const QByteArray old = challengeFor(a);
        m_clock.advance(SessionTable::Limits{}.challengeTtlMs + 1);
        QCOMPARE(answer(a, old, m_serverId).status, 401);
        QCOMPARE(reasonOf(answer(a, old, m_serverId)), QStringLiteral("bad-challenge"));
        // A key that is not enrolled gets nothing to sign.
        r = postOpen("/v1/session/challenge", protocol::ChallengeRequest{stranger.sign.publicKey}.encode());
        QCOMPARE(r.status, 401);
        QCOMPARE(reasonOf(r), QStringLiteral("unknown-device"));
        QCOMPARE(postOpen("/v1/session/challenge", QByteArray("\xa0", 1)).status, 400);
        QCOMPARE(postOpen("/v1/session", QByteArray("\xa0", 1)).status, 400);
        QCOMPARE(m_service->handle(ServiceRequest{"GET", "/v1/session/challenge", {}, {}}).status, 405);
    }

    void challengeIsSingleUse()
    {
        TestDevice a;
        QVERIFY(enrolled(a, m_projectA));
        const QByteArray challenge = challengeFor(a);
        QCOMPARE(answer(a, challenge, m_serverId).status, 200);
        // The same signed answer again (a replay) opens no second session.
        const ServiceResponse replay = answer(a, challenge, m_serverId);
        QCOMPARE(replay.status, 401);
        QCOMPARE(reasonOf(replay), QStringLiteral("bad-challenge"));
        // A wrong answer uses the challenge up too: no second guess.
        const QByteArray other = challengeFor(a);
        TestDevice impostor;
        QCOMPARE(reasonOf(answer(a, other, m_serverId, &impostor)), QStringLiteral("bad-signature"));
        QCOMPARE(reasonOf(answer(a, other, m_serverId)), QStringLiteral("bad-challenge"));
    }

    // The device signs the server's id (its certificate fingerprint) into
    // the proof, so a proof relayed from another server is worthless here.
    void signatureForAnotherServerIsRefused()
    {
        TestDevice a;
        QVERIFY(enrolled(a, m_projectA));
        const ServiceResponse r = answer(a, challengeFor(a), crypto::randomBytes(32));
        QCOMPARE(r.status, 401);
        QCOMPARE(reasonOf(r), QStringLiteral("bad-signature"));
        QCOMPARE(answer(a, challengeFor(a), m_serverId).status, 200);
    }

    void expiredTokenIsRefused()
    {
        TestDevice a;
        QVERIFY(enrolled(a, m_projectA));
        const QByteArray token = openSession(a);
        QVERIFY(!token.isEmpty());
        const std::int64_t ttl = SessionTable::Limits{}.sessionTtlMs;
        m_clock.advance(ttl - 1);
        QCOMPARE(pull(a, 0).status, 200);
        m_clock.advance(1);
        ServiceResponse r = m_service->handle(withToken("GET", "/v1/pull?since=0", {}, token));
        QCOMPARE(r.status, 401);
        QCOMPARE(reasonOf(r), QStringLiteral("token-expired"));
        // Long after, the server has forgotten it altogether.
        m_clock.advance(3 * ttl);
        r = m_service->handle(withToken("GET", "/v1/pull?since=0", {}, token));
        QCOMPARE(r.status, 401);
        QCOMPARE(reasonOf(r), QStringLiteral("unknown-token"));
        // A clock set back does not bring a token back either.
        const QByteArray fresh = openSession(a);
        m_clock.advance(-60'000);
        QCOMPARE(reasonOf(m_service->handle(withToken("GET", "/v1/grants", {}, fresh))), QStringLiteral("token-expired"));
        m_clock.advance(60'000);
        QCOMPARE(m_service->handle(withToken("GET", "/v1/grants", {}, fresh)).status, 200);
    }

    // Revocation takes effect at the next request, whatever session the device holds.
    void revokedDeviceTokenStopsAtOnce()
    {
        TestDevice a, b;
        QVERIFY(enrolled(a, m_projectA));
        QVERIFY(enrolled(b, m_projectA));
        const QByteArray token = openSession(a);
        QCOMPARE(m_service->handle(withToken("GET", "/v1/pull?since=0", {}, token)).status, 200);
        QVERIFY(m_store->revokeDevice(a.sign.publicKey, m_clock.nowMs()).ok());
        ServiceResponse r = m_service->handle(withToken("GET", "/v1/pull?since=0", {}, token));
        QCOMPARE(r.status, 403);
        QCOMPARE(reasonOf(r), QStringLiteral("revoked"));
        QCOMPARE(reasonOf(m_service->handle(withToken("POST", "/v1/push", protocol::PushRequest{}.encode(), token))),
                 QStringLiteral("revoked"));
        // And it cannot open a new session.
        r = postOpen("/v1/session/challenge", protocol::ChallengeRequest{a.sign.publicKey}.encode());
        QCOMPARE(r.status, 403);
        QCOMPARE(reasonOf(r), QStringLiteral("revoked"));
        // Another device's session goes on.
        QCOMPARE(pull(b, 0).status, 200);
    }

    // Every endpoint but the four that open a session or enrol refuses a
    // request without a valid token, for every method. The list is the
    // service's own (kEndpoints: a path not in it is 404), so a new endpoint
    // is either checked here or marked open, and an open one fails below.
    void everyEndpointNeedsAToken_data()
    {
        QTest::addColumn<QByteArray>("path");
        // Every endpoint there is; an attachment path stands for all of them.
        const QList<QByteArray> all{"/v1/health", "/v1/enrol", "/v1/session/challenge", "/v1/session", "/v1/push",
                                    "/v1/pull", "/v1/grants", "/v1/members", "/v1/revoke", "/v1/attachments/"};
        QList<QByteArray> listed;
        for (const Endpoint &e : kEndpoints)
            listed << QByteArray(e.path);
        QCOMPARE(listed, all);
        for (const Endpoint &e : kEndpoints) {
            if (e.open)
                continue;
            const QByteArray path = QByteArray(e.path).endsWith('/')
                                        ? QByteArray(e.path) + QByteArray(64, 'a')
                                        : QByteArray(e.path);
            QTest::newRow(e.path) << path;
        }
    }
    void everyEndpointNeedsAToken()
    {
        QFETCH(QByteArray, path);
        const QStringList open{QStringLiteral("/v1/health"), QStringLiteral("/v1/enrol"),
                               QStringLiteral("/v1/session/challenge"), QStringLiteral("/v1/session")};
        QVERIFY(!open.contains(QString::fromLatin1(path)));
        TestDevice a;
        QVERIFY(enrolled(a, m_projectA));
        const QByteArray token = openSession(a);
        const QByteArray body = protocol::PushRequest{}.encode();
        int refusedForToken = 0;
        for (const QByteArray method : {"GET", "POST", "PUT", "HEAD", "DELETE", "PATCH"}) {
            for (const QByteArray &target : {path, path + "?since=0&project=" + m_projectA.toLatin1()}) {
                const QList<std::pair<QByteArray, const char *>> bad{
                    {QByteArray(), "unauthenticated"},
                    {"Bearer " + token.toHex().toUpper(), "unauthenticated"},   // strict hex
                    {"bearer " + token.toHex(), "unauthenticated"},
                    {"Bearer " + token.toHex() + "00", "unauthenticated"},
                    {"Samla-Device " + a.sign.publicKey.toHex(), "unauthenticated"},
                    {"Bearer " + crypto::randomBytes(32).toHex(), "unknown-token"},
                };
                for (const auto &[authorization, reason] : bad) {
                    const ServiceResponse r = m_service->handle(ServiceRequest{method, target, authorization, body});
                    const QString why = QStringLiteral(" %1 %2").arg(QString::fromLatin1(method), QString::fromLatin1(target));
                    // 405 for a method the endpoint never takes; otherwise no token, no answer.
                    QVERIFY2(r.status == 401 || r.status == 405, qPrintable(QString::number(r.status) + why));
                    if (r.status == 401) {
                        QCOMPARE(reasonOf(r), QString::fromLatin1(reason));
                        ++refusedForToken;
                    }
                }
            }
        }
        QVERIFY(refusedForToken > 0);
        QCOMPARE(m_store->counts()->ops, 0);
    }

    // Challenges are limited per device (on loopback too, where addresses are not).
    // Anyone who knows a device's public key (every project member sees it
    // in envelopes) may ask for challenges in its name, as often as they
    // like: the device's own challenge still works, and the server keeps
    // nothing for the ones asked for. A challenge issued for one device
    // does not open a session for another, nor twice.
    void challengesAskedInAnotherDevicesNameTakeNothingFromIt()
    {
        TestDevice victim, other;
        QVERIFY(enrolled(victim, m_projectA));
        QVERIFY(enrolled(other, m_projectA));
        const QByteArray own = challengeFor(victim);
        QVERIFY(!own.isEmpty());
        for (int i = 0; i < 50; ++i)
            QVERIFY(!challengeFor(victim).isEmpty());
        QCOMPARE(m_service->sessions().answeredChallengeCount(), 0);
        const ServiceResponse opened = answer(victim, own, m_serverId);
        QCOMPARE(opened.status, 200);
        // Another device's challenge, answered by that device's key in the victim's name: refused.
        const QByteArray forOther = challengeFor(other);
        QCOMPARE(answer(victim, forOther, m_serverId).status, 401);
        // A challenge that was never issued (right length, made up): refused.
        QCOMPARE(answer(victim, crypto::randomBytes(protocol::kChallengeBytes), m_serverId).status, 401);
        // Too old: refused.
        const QByteArray stale = challengeFor(victim);
        m_clock.advance(ServiceLimits{}.sessions.challengeTtlMs + 1);
        QCOMPARE(answer(victim, stale, m_serverId).status, 401);
    }

    void refusesUnknownDevice()
    {
        TestDevice stranger;
        auto res = postOpen("/v1/session/challenge", protocol::ChallengeRequest{stranger.sign.publicKey}.encode());
        QCOMPARE(res.status, 401);
        QCOMPARE(reasonOf(res), QStringLiteral("unknown-device"));
    }

    void refusesWrongProject()
    {
        TestDevice a;
        QVERIFY(enrolled(a, m_projectA));
        auto res = pushOps(a, {sealed(a, a.op(m_projectB, "not my project"), m_keyB)});
        QCOMPARE(res.status, 403);
        QCOMPARE(reasonOf(res), QStringLiteral("forbidden-project"));
        QCOMPARE(m_store->counts()->ops, 0);
    }

    void refusesOpsOfAnotherAuthor()
    {
        TestDevice a, b;
        QVERIFY(enrolled(a, m_projectA));
        QVERIFY(enrolled(b, m_projectA));
        // b relays an envelope a signed: each device pushes only its own ops.
        auto res = pushOps(b, {sealed(a, a.op(m_projectA, "x"), m_keyA)});
        QCOMPARE(res.status, 403);
        QCOMPARE(reasonOf(res), QStringLiteral("forbidden-author"));
    }

    void refusesRevokedDevice()
    {
        TestDevice a;
        QVERIFY(enrolled(a, m_projectA));
        QCOMPARE(pushOps(a, {sealed(a, a.op(m_projectA, "before"), m_keyA)}).status, 200);
        QVERIFY(m_store->revokeDevice(a.sign.publicKey, m_clock.nowMs()).ok());
        auto res = pushOps(a, {sealed(a, a.op(m_projectA, "after"), m_keyA)});
        QCOMPARE(res.status, 403);
        QCOMPARE(reasonOf(res), QStringLiteral("revoked"));
        QCOMPARE(reasonOf(pull(a, 0)), QStringLiteral("revoked"));
        QCOMPARE(m_store->counts()->ops, 1);
    }

    void refusesGapInDeviceSeq()
    {
        TestDevice a;
        QVERIFY(enrolled(a, m_projectA));
        auto op1 = a.op(m_projectA, "1");
        auto op2 = a.op(m_projectA, "2");
        a.op(m_projectA, "3 (lost)");
        auto op4 = a.op(m_projectA, "4");
        auto res = pushOps(a, {sealed(a, op1, m_keyA), sealed(a, op2, m_keyA), sealed(a, op4, m_keyA)});
        QCOMPARE(res.status, 409);
        auto answer = protocol::PushResponse::decode(res.body);
        QVERIFY(answer.ok());
        QCOMPARE(answer->error, QStringLiteral("gap"));
        // The ops before the gap are stored, and the answer says where the device stands.
        QCOMPARE(answer->receipts.size(), 2);
        QCOMPARE(answer->high, 2);
        QCOMPARE(m_store->counts()->ops, 2);
        // A first push that does not start at 1 is a gap too.
        TestDevice b;
        QVERIFY(enrolled(b, m_projectA));
        b.seq = 5;
        auto late = pushOps(b, {sealed(b, b.op(m_projectA, "6"), m_keyA)});
        QCOMPARE(reasonOf(late), QStringLiteral("gap"));
        QCOMPARE(protocol::PushResponse::decode(late.body)->high, 0);
    }

    void refusesReusedSeqOrOpId()
    {
        TestDevice a;
        QVERIFY(enrolled(a, m_projectA));
        auto op1 = a.op(m_projectA, "1");
        QCOMPARE(pushOps(a, {sealed(a, op1, m_keyA)}).status, 200);
        // Same device_seq, another op: a device that was restored from an old copy.
        auto other = op1;
        other.header.opId = crypto::randomBytes(16);
        auto res = pushOps(a, {sealed(a, other, m_keyA)});
        QCOMPARE(res.status, 409);
        QCOMPARE(reasonOf(res), QStringLiteral("seq-conflict"));
        // Same op id under another device_seq.
        auto op2 = a.op(m_projectA, "2");
        op2.header.opId = op1.header.opId;
        QCOMPARE(reasonOf(pushOps(a, {sealed(a, op2, m_keyA)})), QStringLiteral("op-conflict"));
        QCOMPARE(m_store->counts()->ops, 1);
    }

    void refusesMalformedCbor()
    {
        TestDevice a;
        QVERIFY(enrolled(a, m_projectA));
        const QByteArray valid = protocol::PushRequest{{sealed(a, a.op(m_projectA, "x"), m_keyA)}}.encode();
        const QList<QByteArray> bodies{
            QByteArray("not cbor at all"),
            valid + '\0',                                   // trailing byte
            valid.left(valid.size() - 3),                   // truncated
            QByteArray("\xbf\x61v\x01\xff", 5),             // indefinite-length map
            QByteArray("\xa1\x61v\x1b\x00\x00\x00\x00\x00\x00\x00\x01", 12),   // over-long integer
            protocol::encodeCanonical(QCborMap{{QStringLiteral("v"), 1}, {QStringLiteral("envelopes"), 7}}),
            protocol::encodeCanonical(QCborMap{{QStringLiteral("v"), 2}, {QStringLiteral("envelopes"), QCborArray{}}}),
            protocol::encodeCanonical(QCborMap{{QStringLiteral("v"), 1}, {QStringLiteral("envelopes"), QCborArray{}},
                                               {QStringLiteral("extra"), 1}}),
            protocol::PushRequest{{QByteArray("garbage envelope")}}.encode(),
        };
        for (const QByteArray &body : bodies) {
            auto res = m_service->handle(signedRequest(a, "POST", "/v1/push", body));
            QCOMPARE(res.status, 400);
            QCOMPARE(reasonOf(res), QStringLiteral("malformed"));
        }
        // Too many envelopes in one batch is malformed, not slow.
        QList<QByteArray> many(protocol::kMaxPushBatch + 1, QByteArray("e"));
        QCOMPARE(m_service->handle(signedRequest(a, "POST", "/v1/push", protocol::PushRequest{many}.encode())).status, 400);
        // Bad query strings on pull.
        for (const QByteArray &target : {QByteArray("/v1/pull?since=-1"), QByteArray("/v1/pull?since=1x"),
                                         QByteArray("/v1/pull?limit=0"), QByteArray("/v1/pull?limit=100000"),
                                         QByteArray("/v1/pull?since=99999999999999999999")})
            QCOMPARE(m_service->handle(signedRequest(a, "GET", target, {})).status, 400);
        QCOMPARE(m_store->counts()->ops, 0);
    }

    void refusesTamperedEnvelope()
    {
        TestDevice a;
        QVERIFY(enrolled(a, m_projectA));
        auto op = a.op(m_projectA, "x");
        auto envelope = protocol::sealEnvelope(op.header, op.plaintext, m_keyA, a.sign.secretKey);
        QVERIFY(envelope.ok());
        envelope->body[30] = char(envelope->body[30] ^ 1);
        auto res = pushOps(a, {envelope->encode()});
        QCOMPARE(res.status, 400);
        QCOMPARE(reasonOf(res), QStringLiteral("tampered"));
        QCOMPARE(m_store->counts()->ops, 0);
    }

    void refusesOversizedBody()
    {
        TestDevice a;
        QVERIFY(enrolled(a, m_projectA));
        auto res = m_service->handle(signedRequest(a, "POST", "/v1/push", QByteArray(protocol::kMaxMessageBytes + 1, 'x')));
        QCOMPARE(res.status, 413);
        QCOMPARE(reasonOf(res), QStringLiteral("too-large"));
    }

    // A write-only device (a participant's diary device) submits sealed to
    // the submission key and reads nothing: pull, members, grants it did not
    // get, another's attachment, a project-key envelope and a project key
    // are each refused with 403. A reader cannot submit.
    void writeOnlyDeviceCannotRead()
    {
        TestDevice admin, diary, reader;
        QVERIFY(enrolled(admin, m_projectA, protocol::kRoleAdmin));
        QVERIFY(enrolled(diary, m_projectA, protocol::kRoleWriteOnly));
        QVERIFY(enrolled(reader, m_projectA));
        const crypto::BoxKeyPair submission = protocol::submissionKeyPair(m_keyA);
        auto submitted = [&](TestDevice &d, const QByteArray &text) {
            sync::OutgoingOp op = d.op(m_projectA, text);
            op.header.submission = true;
            auto e = protocol::sealSubmission(op.header, op.plaintext, submission.publicKey, d.sign.secretKey);
            return e.ok() ? e->encode() : QByteArray();
        };
        QCOMPARE(pushOps(diary, {submitted(diary, "diary entry CANARY-DIARY")}).status, 200);
        // Sealed under the project key: a write-only device cannot have made it.
        ServiceResponse res = pushOps(diary, {sealed(diary, diary.op(m_projectA, "not mine to seal"), m_keyA)});
        QCOMPARE(res.status, 403);
        QCOMPARE(reasonOf(res), QStringLiteral("forbidden-seal"));
        res = pushOps(reader, {submitted(reader, "a reader does not submit")});
        QCOMPARE(res.status, 403);
        QCOMPARE(reasonOf(res), QStringLiteral("forbidden-seal"));

        res = pull(diary, 0);
        QCOMPARE(res.status, 403);
        QCOMPARE(reasonOf(res), QStringLiteral("write-only"));
        res = m_service->handle(signedRequest(diary, "GET", "/v1/members?project=" + m_projectA.toLatin1(), {}));
        QCOMPARE(res.status, 403);
        QCOMPARE(reasonOf(res), QStringLiteral("not-admin"));
        protocol::KeyGrant g{m_projectA, 1, diary.sign.publicKey, crypto::sealToPublicKey(diary.box.publicKey, m_keyA),
                             diary.sign.publicKey, {}};
        g.signature = crypto::sign(diary.sign.secretKey, g.submissionSignedBytes());
        res = m_service->handle(signedRequest(diary, "POST", "/v1/grants", protocol::GrantList{{g}}.encode()));
        QCOMPARE(res.status, 403);
        QCOMPARE(reasonOf(res), QStringLiteral("not-admin"));

        // An attachment another device uploaded: its state may be asked (an
        // upload resumes from it), its bytes never.
        const QByteArray bytes = crypto::randomBytes(2000);
        const QByteArray hash = crypto::hash(bytes).toHex();
        const QByteArray path = protocol::kAttachmentsPath + hash;
        const QByteArray query = "?project=" + m_projectA.toLatin1();
        QCOMPARE(m_service->handle(signedRequest(reader, "PUT", path + query + "&size=2000&offset=0", bytes)).status, 200);
        res = m_service->handle(signedRequest(diary, "GET", path + query + "&offset=0", {}));
        QCOMPARE(res.status, 403);
        QCOMPARE(reasonOf(res), QStringLiteral("write-only"));
        QCOMPARE(m_service->handle(signedRequest(reader, "GET", path + query + "&offset=0", {})).body, bytes);

        // The administrator's project-key grant to it is refused; its
        // submission grant is stored and is all it gets back.
        auto grantTo = [&](const TestDevice &to, const QByteArray &content, bool asSubmission) {
            protocol::KeyGrant k{m_projectA, 1, to.sign.publicKey, {}, admin.sign.publicKey, {}};
            crypto::SecureBytes plain(reinterpret_cast<const std::uint8_t *>(content.constData()), std::size_t(content.size()));
            k.sealed = crypto::sealToPublicKey(to.box.publicKey, plain);
            k.signature = crypto::sign(admin.sign.secretKey, asSubmission ? k.submissionSignedBytes() : k.signedBytes());
            return m_service->handle(signedRequest(admin, "POST", "/v1/grants", protocol::GrantList{{k}}.encode()));
        };
        const QByteArray content = protocol::encodeSubmissionContent({submission.publicKey, QStringLiteral("local-project")});
        res = grantTo(diary, QByteArray(m_keyA.view().toByteArray()), false);
        QCOMPARE(res.status, 403);
        QCOMPARE(reasonOf(res), QStringLiteral("write-only"));
        res = grantTo(reader, content, true);
        QCOMPARE(res.status, 403);
        QCOMPARE(reasonOf(res), QStringLiteral("not-write-only"));
        QCOMPARE(grantTo(diary, content, true).status, 200);
        auto mine = protocol::GrantList::decode(m_service->handle(signedRequest(diary, "GET", "/v1/grants", {})).body);
        QVERIFY(mine.ok());
        QCOMPARE(mine->grants.size(), 1);
        auto opened = crypto::openSealed(diary.box, mine->grants.first().sealed);
        QVERIFY(opened.ok());
        QCOMPARE(opened->view().toByteArray(), content);

        // The reader gets the submission and opens it with the key pair it
        // derives from the project key; the body on the server is not the text.
        auto page = protocol::PullResponse::decode(pull(reader, 0).body);
        QVERIFY(page.ok());
        QCOMPARE(page->ops.size(), 1);
        QVERIFY(!page->ops.first().envelope.contains("CANARY-DIARY"));
        auto envelope = protocol::decodeEnvelope(page->ops.first().envelope);
        QVERIFY(envelope.ok());
        QVERIFY(envelope->header.submission);
        QCOMPARE(protocol::openSubmission(envelope.value(), submission).value(), QByteArray("diary entry CANARY-DIARY"));
        QVERIFY(!protocol::openEnvelope(envelope.value(), m_keyA).ok());
    }

    // Erasure over the service: a reader's erasure op deletes the record's
    // envelopes and its photo on the server (the request line says how
    // many, never which); a later reader gets the tombstone only; the
    // photo is gone (410) and not taken again. A write-only device can
    // never send an erasure.
    void erasureDeletesEnvelopesAndBlobs()
    {
        TestDevice author, eraser, diary, later;
        QVERIFY(enrolled(author, m_projectA));
        QVERIFY(enrolled(eraser, m_projectA));
        QVERIFY(enrolled(diary, m_projectA, protocol::kRoleWriteOnly));
        const QByteArray bytes = crypto::randomBytes(3000);
        const QByteArray hash = crypto::hash(bytes).toHex();
        const QByteArray path = protocol::kAttachmentsPath + hash + "?project=" + m_projectA.toLatin1();
        QCOMPARE(m_service->handle(signedRequest(author, "PUT", path + "&size=3000&offset=0", bytes)).status, 200);
        sync::OutgoingOp note = author.op(m_projectA, "CANARY-ERASE-SVC note with a photo");
        QCOMPARE(pushOps(author, {sealed(author, note, m_keyA)}).status, 200);

        // The diary device: sub and era together are refused before anything is stored.
        sync::OutgoingOp forged = diary.op(m_projectA, "{}");
        forged.header.recordId = note.header.recordId;
        forged.header.submission = true;
        forged.header.erasure = true;
        const QByteArray h = protocol::encodeHeader(forged.header);
        const QByteArray body = "sealed-to-nobody";
        QCborMap wire;
        wire.insert(QStringLiteral("v"), protocol::kEnvelopeVersion);
        wire.insert(QStringLiteral("h"), h);
        wire.insert(QStringLiteral("b"), body);
        wire.insert(QStringLiteral("s"), crypto::sign(diary.sign.secretKey, "samla-envelope-v1" + h + body));
        ServiceResponse res = pushOps(diary, {protocol::encodeCanonical(wire)});
        QCOMPARE(res.status, 400);
        QCOMPARE(reasonOf(res), QStringLiteral("malformed"));

        sync::OutgoingOp tombstone = eraser.op(m_projectA, "{}");
        tombstone.header.recordId = note.header.recordId;
        tombstone.header.erasure = true;
        tombstone.header.erasedBlobs = {QByteArray::fromHex(hash)};
        res = pushOps(eraser, {sealed(eraser, tombstone, m_keyA)});
        QCOMPARE(res.status, 200);
        QVERIFY(res.reason.endsWith("erased-envelopes 1 erased-blobs 1"));
        QVERIFY(!res.reason.contains(note.header.recordId.toLatin1()));

        QVERIFY(enrolled(later, m_projectA));
        auto page = protocol::PullResponse::decode(pull(later, 0).body);
        QVERIFY(page.ok());
        QCOMPARE(page->ops.size(), 1);
        auto only = protocol::decodeEnvelope(page->ops.first().envelope);
        QVERIFY(only.ok());
        QVERIFY(only->header.erasure);
        QCOMPARE(only->header.recordId, note.header.recordId);
        const QByteArray statusPath = protocol::kAttachmentsPath + hash + "/status?project=" + m_projectA.toLatin1();
        res = m_service->handle(signedRequest(later, "GET", statusPath, {}));
        QCOMPARE(res.status, 410);
        QCOMPARE(m_service->handle(signedRequest(later, "GET", path + "&offset=0", {})).status, 410);
        res = m_service->handle(signedRequest(author, "PUT", path + "&size=3000&offset=0", bytes));
        QCOMPARE(res.status, 410);
        QCOMPARE(res.reason, QByteArray("erased"));
    }

    // An upload left unfinished is deleted two weeks on, at the first
    // request after that; the service looks at most once an hour.
    void unfinishedUploadsExpireWhileServing()
    {
        TestDevice d;
        QVERIFY(enrolled(d, m_projectA));
        const QByteArray bytes = crypto::randomBytes(4000);
        const QByteArray hash = crypto::hash(bytes).toHex();
        const QByteArray path = protocol::kAttachmentsPath + hash + "?project=" + m_projectA.toLatin1();
        QCOMPARE(m_service->handle(signedRequest(d, "PUT", path + "&size=4000&offset=0", bytes.left(1000))).status, 200);
        const QString name = QString::fromLatin1(hash);
        QCOMPARE(m_store->blobState(m_projectA, name)->held, 1000);
        m_clock.advance(13LL * 24 * 3600 * 1000);
        QCOMPARE(m_service->handle(ServiceRequest{"GET", "/v1/health", {}, {}, {}}).status, 200);
        QVERIFY(m_store->blobState(m_projectA, name)->exists);
        m_clock.advance(2LL * 24 * 3600 * 1000);
        QCOMPARE(m_service->handle(ServiceRequest{"GET", "/v1/health", {}, {}, {}}).status, 200);
        QVERIFY(!m_store->blobState(m_projectA, name)->exists);
    }

    // A device signs its box key when it enrols; the server refuses an
    // enrolment without that signature, and an administrator's device seals
    // the project key only to a box key its device signed, so a server that
    // puts its own box key next to a device's id in the member list gets
    // nothing (and nobody else is granted the key in that batch either).
    void keysAreSealedOnlyToBoxKeysTheirDevicesSigned()
    {
        TestDevice admin, member, impostor;
        QVERIFY(enrolled(admin, m_projectA, protocol::kRoleAdmin));
        // No signature of the box key, or one by another key: refused.
        for (const QByteArray &proof : {QByteArray(64, '\0'),
                                        crypto::sign(impostor.sign.secretKey, protocol::boxKeyProofBytes(member.box.publicKey))}) {
            const QByteArray token = issueToken(m_projectA);
            protocol::EnrolRequest req{token, member.sign.publicKey, member.box.publicKey, {}, proof};
            req.proof = crypto::sign(member.sign.secretKey,
                                     protocol::enrolProofBytes(token, member.sign.publicKey, member.box.publicKey));
            const ServiceResponse refused = m_service->handle(ServiceRequest{"POST", "/v1/enrol", {}, req.encode()});
            QCOMPARE(refused.status, 401);
            QCOMPARE(reasonOf(refused), QStringLiteral("bad-box-proof"));
        }
        QVERIFY(enrolled(member, m_projectA));

        bool swap = false;
        ServiceTransport transport([&](const ServiceRequest &r) {
            ServiceResponse answer = m_service->handle(r);
            if (swap && r.target.startsWith("/v1/members")) {
                auto list = protocol::MemberList::decode(answer.body);
                if (list.ok()) {
                    for (protocol::Member &m : list->members)
                        if (m.signKey == member.sign.publicKey)
                            m.boxKey = impostor.box.publicKey;   // the server's own key
                    answer.body = list->encode();
                }
            }
            return answer;
        });
        sync::SyncClient client(transport, m_clock, admin.sign, m_serverId);
        auto honest = client.members(m_projectA);
        QVERIFY(honest.ok());
        for (const protocol::Member &m : honest.value())
            QVERIFY(protocol::boxKeyProven(m.signKey, m.boxKey, m.boxProof));
        swap = true;
        auto members = client.members(m_projectA);
        QVERIFY(members.ok());
        const Status sealed = client.grantKey(m_projectA, 1, m_keyA, members.value());
        QCOMPARE(sealed.code(), ErrorCode::Tampered);
        QVERIFY(std::none_of(transport.targets.cbegin(), transport.targets.cend(),
                             [](const QByteArray &t) { return t.startsWith("/v1/grants"); }));
        QCOMPARE(client.grantSubmissionKey(m_projectA, 1, m_keyA, QStringLiteral("local"), members.value()).code(),
                 ErrorCode::Tampered);
        // The honest list seals to the member's own key, which opens it.
        QVERIFY(client.grantKey(m_projectA, 1, m_keyA, honest.value()).ok());
        auto mine = protocol::GrantList::decode(m_service->handle(signedRequest(member, "GET", "/v1/grants", {})).body);
        QVERIFY(mine.ok());
        QCOMPARE(mine->grants.size(), 1);
        QVERIFY(crypto::openSealed(member.box, mine->grants.first().sealed).ok());
    }

    // An administrator's device removes a device of its project; nobody
    // else can, nor can an administrator of one project cut off a device
    // that is also in a project it does not administer, nor itself.
    void administratorsRevokeDevicesOfTheirProjectOnly()
    {
        TestDevice adminA, adminB, member, lost, shared;
        QVERIFY(enrolled(adminA, m_projectA, protocol::kRoleAdmin));
        QVERIFY(enrolled(adminB, m_projectB, protocol::kRoleAdmin));
        QVERIFY(enrolled(member, m_projectA));
        QVERIFY(enrolled(lost, m_projectA));
        QVERIFY(enrolled(shared, m_projectA));
        QVERIFY(enrolled(shared, m_projectB));
        const auto revoke = [&](TestDevice &by, const QString &project, const TestDevice &target) {
            return m_service->handle(signedRequest(by, "POST", "/v1/revoke",
                                                   protocol::RevokeRequest{project, target.sign.publicKey}.encode()));
        };
        const auto refusedWith = [&](const ServiceResponse &r, int status, const char *reason) {
            return r.status == status && reasonOf(r) == QLatin1String(reason);
        };
        QVERIFY(refusedWith(revoke(member, m_projectA, lost), 403, "not-admin"));
        QVERIFY(refusedWith(revoke(adminB, m_projectA, lost), 403, "not-admin"));
        QVERIFY(refusedWith(revoke(adminB, m_projectB, lost), 404, "unknown-device"));
        QVERIFY(refusedWith(revoke(adminA, m_projectA, shared), 403, "other-projects"));
        QVERIFY(refusedWith(revoke(adminA, m_projectA, adminA), 400, "self"));
        TestDevice stranger;
        QVERIFY(refusedWith(revoke(adminA, m_projectA, stranger), 404, "unknown-device"));
        ServiceResponse bad = m_service->handle(signedRequest(adminA, "POST", "/v1/revoke", "\xa0"));
        QCOMPARE(bad.status, 400);
        QCOMPARE(m_service->handle(signedRequest(adminA, "GET", "/v1/revoke", {})).status, 405);
        // Nothing was revoked by the refusals.
        QCOMPARE(pull(lost, 0).status, 200);
        QCOMPARE(pull(shared, 0).status, 200);

        const ServiceResponse done = revoke(adminA, m_projectA, lost);
        QCOMPARE(done.status, 200);
        QVERIFY(done.reason.startsWith("revoked "));
        const ServiceResponse after = pull(lost, 0);
        QCOMPARE(after.status, 403);
        QCOMPARE(reasonOf(after), QStringLiteral("revoked"));
        QVERIFY(m_store->device(lost.sign.publicKey).value()->revokedMs.has_value());
        QCOMPARE(pull(member, 0).status, 200);
        auto listed = protocol::MemberList::decode(
            m_service->handle(signedRequest(adminA, "GET", "/v1/members?project=" + m_projectA.toLatin1(), {})).body);
        QVERIFY(listed.ok());
        bool shownRevoked = false;
        for (const protocol::Member &m : listed->members)
            if (m.signKey == lost.sign.publicKey)
                shownRevoked = m.revoked;
        QVERIFY(shownRevoked);
    }

    void unknownPathsAndMethods()
    {
        TestDevice a;
        QVERIFY(enrolled(a, m_projectA));
        QCOMPARE(m_service->handle(signedRequest(a, "GET", "/v1/nothing", {})).status, 404);
        QCOMPARE(m_service->handle(signedRequest(a, "GET", "/v1/push", {})).status, 405);
        QCOMPARE(m_service->handle(signedRequest(a, "POST", "/v1/pull", {})).status, 405);
    }

    void pullPagesInServerOrder()
    {
        TestDevice a, b;
        QVERIFY(enrolled(a, m_projectA));
        QVERIFY(enrolled(b, m_projectA));
        QList<QByteArray> wires;
        for (int i = 0; i < 25; ++i)
            wires << sealed(a, a.op(m_projectA, QByteArray::number(i)), m_keyA);
        QCOMPARE(pushOps(a, wires).status, 200);
        std::int64_t cursor = 0;
        QList<QByteArray> got;
        int pages = 0;
        for (;;) {
            auto page = protocol::PullResponse::decode(pull(b, cursor, 10).body);
            QVERIFY(page.ok());
            ++pages;
            for (const auto &p : page->ops)
                got << protocol::openEnvelope(protocol::decodeEnvelope(p.envelope).value(), m_keyA).value();
            cursor = page->next;
            if (!page->more)
                break;
        }
        QCOMPARE(pages, 3);
        QCOMPARE(got.size(), 25);
        for (int i = 0; i < 25; ++i)
            QCOMPARE(got.at(i), QByteArray::number(i));
    }

    // Random mutations of valid requests: none crashes the service or stores anything.
    void mutatedRequestsAreRefusedNotFatal()
    {
        TestDevice a;
        QVERIFY(enrolled(a, m_projectA));
        const QByteArray valid = protocol::PushRequest{{sealed(a, a.op(m_projectA, "x"), m_keyA)}}.encode();
        protocol::EnrolRequest enrolReq{crypto::randomBytes(32), a.sign.publicKey, a.box.publicKey, crypto::randomBytes(64),
                                        crypto::randomBytes(64)};
        const QByteArray validEnrol = enrolReq.encode();
        quint32 seed = 12345;
        auto next = [&seed] {
            seed = seed * 1664525u + 1013904223u;
            return seed >> 8;
        };
        for (int i = 0; i < 3000; ++i) {
            QByteArray body = (i % 2) ? valid : validEnrol;
            const int edits = 1 + int(next() % 4);
            for (int e = 0; e < edits; ++e) {
                switch (next() % 4) {
                case 0: body[qsizetype(next() % quint32(body.size()))] = char(next()); break;
                case 1: body.truncate(qsizetype(next() % quint32(body.size()))); break;
                case 2: body.insert(qsizetype(next() % quint32(body.size() + 1)), char(next())); break;
                default: body.remove(qsizetype(next() % quint32(body.size())), 1 + qsizetype(next() % 8)); break;
                }
                if (body.isEmpty())
                    body = "\xa0";
            }
            if (body == valid)
                continue;   // a mutation that changed nothing
            ServiceResponse res;
            if (i % 2) {
                // With a valid session, so the mutation reaches the decoders.
                res = m_service->handle(signedRequest(a, "POST", "/v1/push", body));
            } else {
                ServiceRequest r{"POST", "/v1/enrol", {}, body};
                res = m_service->handle(r);
            }
            QVERIFY2(res.status >= 400 && res.status < 500, qPrintable(QString::number(res.status)));
        }
        QCOMPARE(m_store->counts()->ops, 0);
        QCOMPARE(m_store->counts()->devices, 1);
    }
};

QTEST_GUILESS_MAIN(TestSyncService)
#include "tst_syncservice.moc"
