// Write-only devices (a participant's own diary device) through the real samla-server over TLS:
// approval with the submission key only, entries sealed so the device cannot read them back,
// refusals of every read, readers refusing kinds a participant may not submit, revocation,
// and the device forgetting what the server holds.
#include "synctestsupport.h"
#include "appdevice.h"

#include "app/domain/notes.h"
#include "app/domain/projects.h"
#include "app/store/localstore.h"
#include "app/sync/devicesync.h"
#include "platform/db/database.h"
#include "sync/protocol/attachmentmessages.h"

#include <QCborMap>

using namespace samla;
using samla::test::AppDevice;
using samla::test::filesContaining;
using samla::test::ServerProcess;

namespace {

// Changes one byte of each envelope's sealed body on its way to the server
// (as a broken or hostile network would); everything else passes through.
class TamperingTransport final : public sync::Transport {
public:
    explicit TamperingTransport(std::unique_ptr<sync::Transport> inner) : m_inner(std::move(inner)) {}
    Result<sync::HttpResponse> send(const QByteArray &method, const QByteArray &target,
                                    const sync::HeaderList &headers, const QByteArray &body) override
    {
        if (!tamper || target != "/v1/push")
            return m_inner->send(method, target, headers, body);
        auto push = protocol::PushRequest::decode(body);
        if (!push.ok())
            return m_inner->send(method, target, headers, body);
        for (QByteArray &wire : push->envelopes) {
            auto e = protocol::decodeEnvelope(wire);
            if (!e.ok())
                continue;
            e->body[e->body.size() / 2] = char(e->body.at(e->body.size() / 2) ^ 0x01);
            wire = e->encode();
        }
        return m_inner->send(method, target, headers, push->encode());
    }
    bool tamper = true;

private:
    std::unique_ptr<sync::Transport> m_inner;
};

std::unique_ptr<sync::Transport> pinnedTransport(const appsync::ServerInfo &info)
{
    sync::BeastTransportOptions o;
    o.pinnedCertificateSha256 = info.fingerprint;
    return std::make_unique<sync::BeastTransport>(info.host, info.port, o);
}

template <typename T>
QString detail(const Result<T> &r)
{
    return r.ok() ? QString() : r.error().detail;
}

std::int64_t count(AppDevice &d, const char *sql)
{
    auto s = d.store->database().prepare(sql);
    if (!s.ok() || !s->step().ok())
        return -1;
    return s->columnInt(0);
}

} // namespace

class TestAppSyncWriteOnly : public QObject {
    Q_OBJECT
    SystemClock m_clock;

    // The administrator's device makes the project, joins as admin and
    // sends it; returns the local project id.
    QString setUpAdmin(ServerProcess &server, AppDevice &admin, const QString &serverProject)
    {
        auto project = admin.projects->create(QStringLiteral("Sleep diary study"), false);
        if (!project.ok())
            return {};
        if (!admin.sync->join(server.enrolCode(serverProject, "admin"), project->id).ok())
            return {};
        if (!admin.sync->syncNow().ok())
            return {};
        return project->id;
    }

    // The administrator approves the devices with these ids, as the Sync screen does.
    bool approve(AppDevice &admin, const QString &serverProject, const QList<QByteArray> &deviceIds)
    {
        auto members = admin.sync->members(serverProject);
        if (!members.ok())
            return false;
        QList<protocol::Member> chosen;
        for (const protocol::Member &m : members.value())
            if (deviceIds.contains(m.signKey.toHex()))
                chosen.append(m);
        return chosen.size() == deviceIds.size() && admin.sync->approve(serverProject, chosen).ok();
    }

private slots:
    void initTestCase() { QVERIFY(crypto::initialize().ok()); }

    // A participant's tablet enrols write-only, is approved with the
    // submission key alone, sends diary entries the research team reads,
    // and keeps none of them once the server has them. It can read nothing:
    // pulling, listing the devices and downloading a file are refused (403).
    // Neither the server's files nor its PostgreSQL database hold the words.
    void diaryEntriesGoToTheTeamAndLeaveTheDevice()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString serverProject = server.createProject();
        QVERIFY(server.start(0, {}, ServerProcess::Tls::On));
        AppDevice admin, researcher, diary;
        QVERIFY(admin.open(m_clock));
        QVERIFY(researcher.open(m_clock));
        QVERIFY(diary.open(m_clock));
        const QString projectId = setUpAdmin(server, admin, serverProject);
        QVERIFY(!projectId.isEmpty());
        QVERIFY(admin.notes->create(projectId, QStringLiteral("Protocol"), QStringLiteral("CANARY-TEAM only for readers")).ok());
        QVERIFY(admin.sync->syncNow().ok());

        QVERIFY(researcher.sync->join(server.enrolCode(serverProject, "member")).ok());
        auto joined = diary.sync->join(server.enrolCode(serverProject, "writeonly"));
        QVERIFY2(joined.ok(), qPrintable(detail(joined)));
        QCOMPARE(joined->role, QString::fromLatin1(protocol::kRoleWriteOnly));
        QVERIFY(diary.sync->submitsOnly().value());
        auto waiting = diary.sync->syncNow();
        QVERIFY2(waiting.ok(), qPrintable(detail(waiting)));
        QVERIFY(waiting->waitingForApproval);
        QVERIFY(waiting->submitsOnly);

        QVERIFY(approve(admin, serverProject, {researcher.sync->deviceId(), diary.sync->deviceId()}));
        // The administrator's list shows the diary device approved (it holds
        // epoch 1's submission grant) with its role.
        auto members = admin.sync->members(serverProject);
        QVERIFY(members.ok());
        bool listed = false;
        for (const protocol::Member &m : members.value())
            if (m.signKey.toHex() == diary.sync->deviceId()) {
                listed = true;
                QCOMPARE(m.role, QString::fromLatin1(protocol::kRoleWriteOnly));
                QCOMPARE(m.grantedEpochs, QList<std::uint32_t>{1});
            }
        QVERIFY(listed);

        auto approved = diary.sync->syncNow();
        QVERIFY2(approved.ok(), qPrintable(detail(approved)));
        QVERIFY(!approved->waitingForApproval);
        QCOMPARE(approved->keysReceived, 1);
        QCOMPARE(approved->pulled, 0);
        // It holds no project key, and nothing of the project arrived.
        QCOMPARE(count(diary, "SELECT count(*) FROM sync_keys"), 0);
        QCOMPARE(count(diary, "SELECT count(*) FROM records"), 0);
        auto projects = diary.sync->projects();
        QVERIFY(projects.ok());
        QCOMPARE(projects->size(), 1);
        QVERIFY(projects->first().hasKey);
        QCOMPARE(projects->first().localProjectId, projectId);

        // The participant writes (an entry edited before it went, another,
        // and a consent event, which a participant's device may not submit).
        auto monday = diary.notes->create(projectId, QStringLiteral("Monday"), QStringLiteral("CANARY-DIARY slept four hours"));
        QVERIFY(monday.ok());
        QVERIFY(diary.notes->update(monday->id, QStringLiteral("Monday"), QStringLiteral("CANARY-DIARY slept five hours")).ok());
        auto tuesday = diary.notes->create(projectId, QStringLiteral("Tuesday"), QStringLiteral("CANARY-DIARY walked to the shop"));
        QVERIFY(tuesday.ok());
        store::RecordChange consent;
        consent.kind = QStringLiteral("consent_event");
        consent.projectId = projectId;
        consent.body.insert(QStringLiteral("event"), QStringLiteral("withdrawn"));
        auto forged = diary.store->records().put(consent);
        QVERIFY(forged.ok());
        QCOMPARE(diary.sync->pendingCount().value(), 4);

        auto sent = diary.sync->syncNow();
        QVERIFY2(sent.ok(), qPrintable(detail(sent)));
        QCOMPARE(sent->pushed, 4);
        QCOMPARE(sent->pulled, 0);
        QCOMPARE(sent->forgotten, 3);
        QCOMPARE(diary.sync->pendingCount().value(), 0);
        // Gone from the device: no list, search, version or outbox body keeps them.
        QVERIFY(diary.notes->list(projectId, 10)->isEmpty());
        QVERIFY(diary.notes->search(projectId, QStringLiteral("CANARY"), 10)->isEmpty());
        QCOMPARE(count(diary, "SELECT count(*) FROM record_versions"), 0);
        QCOMPARE(count(diary, "SELECT count(*) FROM records WHERE deleted = 0"), 0);
        {
            auto s = diary.store->database().prepare("SELECT body FROM outbox");
            QVERIFY(s.ok());
            int bodies = 0;
            QVERIFY(s->forEachRow([&] {
                         ++bodies;
                         QVERIFY(!qUncompress(s->columnBlob(0)).contains("CANARY") && !s->columnBlob(0).contains("CANARY"));
                     }).ok());
            QCOMPARE(bodies, 4);
        }

        // The research team reads the entries, the latest version current;
        // the consent event is refused and counted, never applied.
        auto read = researcher.sync->syncNow();
        QVERIFY2(read.ok(), qPrintable(detail(read)));
        QCOMPARE(read->refusedSubmissions, 1);
        auto entry = researcher.notes->get(monday->id);
        QVERIFY(entry.ok());
        QCOMPARE(entry->text, QStringLiteral("CANARY-DIARY slept five hours"));
        QCOMPARE(researcher.notes->versions(monday->id)->size(), 2);
        QVERIFY(researcher.notes->get(tuesday->id).ok());
        QVERIFY(!researcher.store->records().get(forged->id).ok());
        auto adminRead = admin.sync->syncNow();
        QVERIFY(adminRead.ok());
        QCOMPARE(adminRead->refusedSubmissions, 1);
        QCOMPARE(admin.notes->get(tuesday->id)->text, QStringLiteral("CANARY-DIARY walked to the shop"));

        // Every read from the diary device is refused by the server.
        auto info = diary.sync->server();
        QVERIFY(info.ok() && info->has_value());
        auto transport = pinnedTransport(info->value());
        const crypto::SignKeyPair key = diary.store->deviceSigningKey();
        sync::SyncClient client(*transport, m_clock, key, info->value().fingerprint);
        auto pulled = client.pull(0, [](const QList<sync::IncomingOp> &, std::int64_t) { return Status(); });
        QVERIFY(!pulled.ok());
        QCOMPARE(client.lastRefusal().status, 403);
        QCOMPARE(client.lastRefusal().reason, QStringLiteral("write-only"));
        QVERIFY(!diary.sync->members(serverProject).ok());
        QCOMPARE(client.members(serverProject).error().detail, QStringLiteral("server refused (403): not-admin"));
        const QByteArray blob = crypto::randomBytes(1000);
        const QByteArray hash = crypto::hash(blob).toHex();
        auto reader = pinnedTransport(info->value());
        const crypto::SignKeyPair researcherKey = researcher.store->deviceSigningKey();
        sync::SyncClient researcherClient(*reader, m_clock, researcherKey, info->value().fingerprint);
        const QByteArray blobPath = protocol::kAttachmentsPath + hash + "?project=" + serverProject.toLatin1();
        QCOMPARE(researcherClient.signedRequest("PUT", blobPath + "&size=1000&offset=0", blob)->status, 200);
        QCOMPARE(researcherClient.signedRequest("GET", blobPath + "&offset=0", {})->body, blob);
        auto download = client.signedRequest("GET", blobPath + "&offset=0", {});
        QVERIFY(download.ok());
        QCOMPARE(download->status, 403);

        // The server holds none of it in clear.
        QVERIFY(server.terminate() == 0);
        QVERIFY(filesContaining(server.dataDir(), "CANARY").isEmpty());
        if (server.onPostgres()) {
            const QByteArray dump = server.database().dump();
            QVERIFY(dump.contains("COPY public.ops"));
            QVERIFY(!test::dumpContains(dump, "CANARY"));
        }
    }

    // A submission changed on its way is refused by the server and stays on
    // the device, which sends it intact next time. A submission grant signed
    // by a device that is not the pinned administrator is refused.
    void tamperedOrUnpinnedIsRefused()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString serverProject = server.createProject();
        QVERIFY(server.start(0, {}, ServerProcess::Tls::On));
        AppDevice admin, diary;
        QVERIFY(admin.open(m_clock));
        QVERIFY(diary.open(m_clock));
        const QString projectId = setUpAdmin(server, admin, serverProject);
        QVERIFY(!projectId.isEmpty());
        QVERIFY(diary.sync->join(server.enrolCode(serverProject, "writeonly")).ok());

        // A stranger's submission grant (its own key pair, so whatever the
        // device sealed would be the stranger's to read): refused.
        const crypto::SignKeyPair stranger = crypto::generateSignKeyPair();
        const crypto::BoxKeyPair strangerBox = crypto::generateBoxKeyPair();
        const crypto::BoxKeyPair diaryBox = diary.store->deviceBoxKey();
        protocol::KeyGrant fake{serverProject, 1, QByteArray::fromHex(diary.sync->deviceId()), {}, stranger.publicKey, {}};
        const QByteArray content = protocol::encodeSubmissionContent({strangerBox.publicKey, projectId});
        fake.sealed = crypto::sealToPublicKey(diaryBox.publicKey, crypto::SecureBytes(
            reinterpret_cast<const std::uint8_t *>(content.constData()), std::size_t(content.size())));
        fake.signature = crypto::sign(stranger.secretKey, fake.submissionSignedBytes());
        TamperingTransport *tampering = nullptr;
        diary.sync->setTransportFactory([fake, &tampering](const appsync::ServerInfo &info) {
            auto lying = std::make_unique<test::LyingGrantsTransport>(pinnedTransport(info));
            lying->extra = {fake};
            auto t = std::make_unique<TamperingTransport>(std::move(lying));
            tampering = t.get();
            return std::unique_ptr<sync::Transport>(std::move(t));
        });
        auto misled = diary.sync->syncNow();
        QVERIFY2(misled.ok(), qPrintable(detail(misled)));
        QCOMPARE(misled->untrustedGrants, 1);
        QVERIFY(misled->waitingForApproval);

        // Approved for real: the administrator's grant is taken, the stranger's still not.
        QVERIFY(approve(admin, serverProject, {diary.sync->deviceId()}));
        auto approved = diary.sync->syncNow();
        QVERIFY2(approved.ok(), qPrintable(detail(approved)));
        QCOMPARE(approved->keysReceived, 1);
        QCOMPARE(approved->untrustedGrants, 1);
        auto note = diary.notes->create(projectId, QStringLiteral("Wednesday"), QStringLiteral("CANARY-DIARY headache"));
        QVERIFY(note.ok());
        QVERIFY(tampering);
        auto refused = diary.sync->syncNow();
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().detail.contains(QLatin1String("tampered")), qPrintable(refused.error().detail));
        QCOMPARE(diary.sync->pendingCount().value(), 1);
        QCOMPARE(diary.notes->get(note->id)->text, QStringLiteral("CANARY-DIARY headache"));
        tampering->tamper = false;
        auto sent = diary.sync->syncNow();
        QVERIFY2(sent.ok(), qPrintable(detail(sent)));
        QCOMPARE(sent->pushed, 1);
        QCOMPARE(sent->forgotten, 1);
        QVERIFY(admin.sync->syncNow().ok());
        QCOMPARE(admin.notes->get(note->id)->text, QStringLiteral("CANARY-DIARY headache"));
    }

    // Removing a diary device stops it at once and exposes nothing (no new
    // epoch). Removing a reader moves the project to a new epoch, and the
    // diary devices still approved to that epoch's submission key.
    void revocation()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString serverProject = server.createProject();
        QVERIFY(server.start(0, {}, ServerProcess::Tls::On));
        AppDevice admin, researcher, lostDiary, diary;
        for (AppDevice *d : {&admin, &researcher, &lostDiary, &diary})
            QVERIFY(d->open(m_clock));
        const QString projectId = setUpAdmin(server, admin, serverProject);
        QVERIFY(!projectId.isEmpty());
        QVERIFY(researcher.sync->join(server.enrolCode(serverProject, "member")).ok());
        QVERIFY(lostDiary.sync->join(server.enrolCode(serverProject, "writeonly")).ok());
        QVERIFY(diary.sync->join(server.enrolCode(serverProject, "writeonly")).ok());
        QVERIFY(approve(admin, serverProject,
                        {researcher.sync->deviceId(), lostDiary.sync->deviceId(), diary.sync->deviceId()}));
        for (AppDevice *d : {&researcher, &lostDiary, &diary})
            QVERIFY(d->sync->syncNow().ok());

        QCOMPARE(server.admin({QStringLiteral("devices"), QStringLiteral("revoke"), lostDiary.sync->deviceId()}),
                 QByteArray("revoked"));
        QVERIFY(lostDiary.notes->create(projectId, QStringLiteral("Late"), QStringLiteral("written after removal")).ok());
        auto stopped = lostDiary.sync->syncNow();
        QVERIFY(!stopped.ok());
        QVERIFY(stopped.error().detail.contains(QLatin1String("revoked")));
        QCOMPARE(lostDiary.sync->pendingCount().value(), 1);   // kept on the device, not lost
        auto noRotation = admin.sync->syncNow();
        QVERIFY(noRotation.ok());
        QCOMPARE(noRotation->keysRotated, 0);

        QCOMPARE(server.admin({QStringLiteral("devices"), QStringLiteral("revoke"), researcher.sync->deviceId()}),
                 QByteArray("revoked"));
        auto rotated = admin.sync->syncNow();
        QVERIFY2(rotated.ok(), qPrintable(detail(rotated)));
        QCOMPARE(rotated->keysRotated, 1);
        auto moved = diary.sync->syncNow();
        QVERIFY2(moved.ok(), qPrintable(detail(moved)));
        QCOMPARE(moved->keysReceived, 1);
        auto held = diary.store->records().meta("sync_submission_keys");
        QVERIFY(held.ok());
        QCOMPARE(QCborValue::fromCbor(held.value()).toArray().size(), 2);
        QCOMPARE(QCborValue::fromCbor(held.value()).toArray().last().toArray().at(1).toInteger(), 2);
        auto note = diary.notes->create(projectId, QStringLiteral("Thursday"), QStringLiteral("under epoch 2"));
        QVERIFY(note.ok());
        QVERIFY(diary.sync->syncNow().ok());
        QVERIFY(admin.sync->syncNow().ok());
        QCOMPARE(admin.notes->get(note->id)->text, QStringLiteral("under epoch 2"));
    }
};

QTEST_GUILESS_MAIN(TestAppSyncWriteOnly)
#include "tst_appsync_writeonly.moc"
