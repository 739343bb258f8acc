// Two devices' encrypted stores syncing notes through the real samla-server over TLS:
// joining with enrolment codes, approval, edits, concurrent edits, erasure, restarts.
#include "synctestsupport.h"
#include "appdevice.h"

#include <QCborMap>
#include <QImage>
#include <QTemporaryDir>
#include <QFileInfo>
#include <QDir>

#include "app/domain/notes.h"
#include "app/domain/projects.h"
#include "app/store/localstore.h"
#include "app/sync/admintrust.h"
#include "app/sync/devicesync.h"
#include "app/sync/qrimage.h"
#include "platform/db/database.h"
#include "sync/protocol/canonicalcbor.h"

using namespace samla;
using samla::test::ServerProcess;
using samla::test::AppDevice;
using samla::test::filesContaining;

class TestAppSync : public QObject {
    Q_OBJECT
    SystemClock m_clock;

private slots:
    void initTestCase() { QVERIFY(crypto::initialize().ok()); }

    void twoDevicesShareAProject()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString serverProject = server.createProject();
        QVERIFY(server.start(0, {}, ServerProcess::Tls::On));

        AppDevice admin, field;
        QVERIFY(admin.open(m_clock));
        QVERIFY(field.open(m_clock));

        // The administrator's device: a project of its own, and a note kept
        // in another project that does not sync.
        auto project = admin.projects->create(QStringLiteral("Ward study"), false);
        QVERIFY(project.ok());
        auto local = admin.projects->create(QStringLiteral("Private"), false);
        QVERIFY(local.ok());
        QVERIFY(admin.notes->create(local->id, QStringLiteral("Private"), QStringLiteral("CANARY-LOCAL stays here")).ok());
        auto n1 = admin.notes->create(project->id, QStringLiteral("Handover"),
                                      QStringLiteral("CANARY-SYNC Nurses met at the window, sjuksköterskor och anhöriga"));
        QVERIFY(n1.ok());
        auto joined = admin.sync->join(server.enrolCode(serverProject, "admin"), project->id);
        QVERIFY2(joined.ok(), qPrintable(joined.ok() ? QString() : joined.error().detail));
        QVERIFY(joined->hasKey);
        QCOMPARE(admin.sync->pendingCount().value(), 2);   // the project and its note, not the private ones
        auto pushed = admin.sync->syncNow();
        QVERIFY2(pushed.ok(), qPrintable(pushed.ok() ? QString() : pushed.error().detail));
        QCOMPARE(pushed->pushed, 2);
        QCOMPARE(admin.sync->pendingCount().value(), 0);

        // The fieldworker joins, and waits until the administrator approves.
        auto member = field.sync->join(server.enrolCode(serverProject, "member"));
        QVERIFY(member.ok());
        QVERIFY(!member->hasKey);
        auto waiting = field.sync->syncNow();
        QVERIFY(waiting.ok());
        QVERIFY(waiting->waitingForApproval);
        auto members = admin.sync->members(serverProject);
        QVERIFY(members.ok());
        QList<protocol::Member> toApprove;
        for (const protocol::Member &m : members.value())
            if (m.signKey.toHex() == field.sync->deviceId())
                toApprove.append(m);
        QCOMPARE(toApprove.size(), 1);
        QVERIFY(admin.sync->approve(serverProject, toApprove).ok());

        auto pulled = field.sync->syncNow();
        QVERIFY2(pulled.ok(), qPrintable(pulled.ok() ? QString() : pulled.error().detail));
        QCOMPARE(pulled->keysReceived, 1);
        QCOMPARE(pulled->applied.applied, 2);
        auto fieldProject = field.projects->get(project->id);
        QVERIFY(fieldProject.ok());
        QCOMPARE(fieldProject->name, QStringLiteral("Ward study"));
        auto seen = field.notes->list(project->id, 10);
        QCOMPARE(seen->size(), 1);
        QVERIFY(seen->first().text.startsWith(QStringLiteral("CANARY-SYNC")));
        QCOMPARE(field.notes->search(project->id, QStringLiteral("sjukskö"), 10)->size(), 1);
        QVERIFY(field.notes->list(local->id, 10)->isEmpty());

        // The fieldworker edits; the administrator gets the new version and keeps the old.
        QVERIFY(field.notes->update(n1->id, QStringLiteral("Handover"), QStringLiteral("Edited on the ward tablet")).ok());
        QVERIFY(field.sync->syncNow().ok());
        auto back = admin.sync->syncNow();
        QVERIFY(back.ok());
        QCOMPARE(back->applied.applied, 1);
        QCOMPARE(admin.notes->get(n1->id)->text, QStringLiteral("Edited on the ward tablet"));
        QCOMPARE(admin.notes->versions(n1->id)->size(), 2);
        QVERIFY(admin.store->records().openConflicts()->isEmpty());

        // Both edit the same note before syncing: both versions survive on
        // both devices, the same one is current on both, and each lists the conflict.
        QVERIFY(admin.notes->update(n1->id, QStringLiteral("Handover"), QStringLiteral("Admin's reading")).ok());
        QVERIFY(field.notes->update(n1->id, QStringLiteral("Handover"), QStringLiteral("Fieldworker's reading")).ok());
        QVERIFY(admin.sync->syncNow().ok());
        QVERIFY(field.sync->syncNow().ok());
        QVERIFY(admin.sync->syncNow().ok());
        const QString onAdmin = admin.notes->get(n1->id)->text;
        QCOMPARE(field.notes->get(n1->id)->text, onAdmin);
        for (AppDevice *d : {&admin, &field}) {
            QStringList texts;
            const auto versions = d->notes->versions(n1->id);
            QVERIFY(versions.ok());
            for (const auto &v : versions.value())
                texts << v.text;
            QVERIFY2(texts.contains(QStringLiteral("Admin's reading")) && texts.contains(QStringLiteral("Fieldworker's reading")),
                     qPrintable(texts.join(QLatin1String(" | "))));
            auto conflicts = d->store->records().openConflicts();
            QCOMPARE(conflicts->size(), 1);
            QCOMPARE(conflicts->first().recordId, n1->id);
        }

        // Editing on after the conflict: the devices number versions
        // differently now, and neither may trip over the other's numbers.
        QVERIFY(admin.notes->update(n1->id, QStringLiteral("Handover"), QStringLiteral("Agreed reading")).ok());
        QVERIFY(admin.sync->syncNow().ok());
        QVERIFY(field.sync->syncNow().ok());
        auto again = field.notes->update(n1->id, QStringLiteral("Handover"), QStringLiteral("Agreed, with a detail"));
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().detail));
        QVERIFY(field.sync->syncNow().ok());
        QVERIFY(admin.sync->syncNow().ok());
        QCOMPARE(admin.notes->get(n1->id)->text, QStringLiteral("Agreed, with a detail"));

        // Erasure on one device erases on the other, and a later edit from
        // a device that had not heard of it does not bring the content back.
        auto n2 = field.notes->create(project->id, QStringLiteral("Quote"), QStringLiteral("CANARY-ERASE words of P7"));
        QVERIFY(n2.ok());
        QVERIFY(field.sync->syncNow().ok());
        QVERIFY(admin.sync->syncNow().ok());
        QCOMPARE(admin.notes->search(project->id, QStringLiteral("CANARY"), 10)->size(), 1);
        QVERIFY(admin.store->records().erase({n2->id}).ok());
        QVERIFY(field.notes->update(n2->id, QStringLiteral("Quote"), QStringLiteral("CANARY-ERASE edited meanwhile")).ok());
        const auto erasureSent = admin.sync->syncNow();
        QVERIFY2(erasureSent.ok(), qPrintable(erasureSent.ok() ? QString() : erasureSent.error().detail));
        QVERIFY(field.sync->syncNow().ok());
        QVERIFY(admin.sync->syncNow().ok());
        // The fieldworker's own ops for the erased note lost their words too.
        auto fieldOps = field.store->records().outbox(0, 10000);
        QVERIFY(fieldOps.ok());
        for (const store::OutboxEntry &e : fieldOps.value())
            QVERIFY2(!e.body.contains("CANARY-ERASE"), "erased words left in the outbox");
        for (AppDevice *d : {&admin, &field}) {
            QVERIFY(d->notes->search(project->id, QStringLiteral("CANARY"), 10)->isEmpty());
            auto erased = d->store->records().get(n2->id);
            QVERIFY(erased.ok());
            QVERIFY(erased->deleted);
            QVERIFY(erased->body.isEmpty());
        }

        // The server holds none of it in clear.
        QVERIFY(server.terminate() == 0);
        QVERIFY(filesContaining(server.dataDir(), "CANARY").isEmpty());
        QVERIFY(filesContaining(server.dataDir(), "Ward study").isEmpty());
        if (server.onPostgres()) {
            // Nor its PostgreSQL database, as text or as pg_dump's hex for bytea.
            const QByteArray dump = server.database().dump();
            QVERIFY(dump.contains("COPY public.ops"));
            QVERIFY(!test::dumpContains(dump, "CANARY"));
            QVERIFY(!test::dumpContains(dump, "Ward study"));
        }
    }

    // Revoking a device moves the others to a new key: the admin device
    // notices at its next sync, seals epoch 2 to the devices still approved,
    // and what is written from then on is sealed with it.
    void revocationMovesToANewKeyEpoch()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString serverProject = server.createProject();
        QVERIFY(server.start(0, {}, ServerProcess::Tls::On));
        AppDevice admin, lost, kept;
        QVERIFY(admin.open(m_clock));
        QVERIFY(lost.open(m_clock));
        QVERIFY(kept.open(m_clock));
        auto project = admin.projects->create(QStringLiteral("Care network"), false);
        QVERIFY(project.ok());
        QVERIFY(admin.sync->join(server.enrolCode(serverProject, "admin"), project->id).ok());
        QVERIFY(lost.sync->join(server.enrolCode(serverProject, "member")).ok());
        QVERIFY(kept.sync->join(server.enrolCode(serverProject, "member")).ok());
        auto members = admin.sync->members(serverProject);
        QVERIFY(members.ok());
        QList<protocol::Member> others;
        for (const protocol::Member &m : members.value())
            if (m.signKey.toHex() != admin.sync->deviceId())
                others.append(m);
        QVERIFY(admin.sync->approve(serverProject, others).ok());
        QVERIFY(admin.notes->create(project->id, QStringLiteral("Before"), QStringLiteral("written under epoch 1")).ok());
        QVERIFY(admin.sync->syncNow().ok());
        QVERIFY(lost.sync->syncNow().ok());
        QVERIFY(kept.sync->syncNow().ok());
        QCOMPARE(kept.notes->list(project->id, 10)->size(), 1);

        // The tablet is lost: the administrator revokes it on the server.
        QCOMPARE(server.admin({QStringLiteral("devices"), QStringLiteral("revoke"), lost.sync->deviceId()}),
                 QByteArray("revoked"));
        auto rotated = admin.sync->syncNow();
        QVERIFY2(rotated.ok(), qPrintable(rotated.ok() ? QString() : rotated.error().detail));
        QCOMPARE(rotated->keysRotated, 1);
        QVERIFY(admin.notes->create(project->id, QStringLiteral("After"), QStringLiteral("written under epoch 2")).ok());
        appsync::StoreJournal journal(*admin.store);
        auto waiting = journal.pending(10);
        QVERIFY(waiting.ok());
        QCOMPARE(waiting->size(), 1);
        QCOMPARE(waiting->first().header.keyEpoch, 2u);
        QVERIFY(admin.sync->syncNow().ok());
        auto keptSync = kept.sync->syncNow();
        QVERIFY(keptSync.ok());
        QCOMPARE(keptSync->keysReceived, 1);
        QCOMPARE(kept.notes->list(project->id, 10)->size(), 2);
        auto maxEpoch = [](AppDevice &d) {
            auto s = d.store->database().prepare("SELECT max(epoch) FROM sync_keys");
            return s.ok() && s->step().ok() ? s->columnInt(0) : -1;
        };
        QCOMPARE(maxEpoch(kept), 2);
        QCOMPARE(maxEpoch(lost), 1);
        auto refused = lost.sync->syncNow();
        QVERIFY(!refused.ok());
        // A second sync finds nothing more to rotate.
        QCOMPARE(admin.sync->syncNow()->keysRotated, 0);

        // A device approved after the rotation gets every epoch's key and
        // reads what was written before and after it.
        AppDevice late;
        QVERIFY(late.open(m_clock));
        QVERIFY(late.sync->join(server.enrolCode(serverProject, "member")).ok());
        auto all = admin.sync->members(serverProject);
        QVERIFY(all.ok());
        QList<protocol::Member> newcomer;
        for (const protocol::Member &m : all.value())
            if (m.signKey.toHex() == late.sync->deviceId())
                newcomer.append(m);
        QVERIFY(admin.sync->approve(serverProject, newcomer).ok());
        auto lateSync = late.sync->syncNow();
        QVERIFY2(lateSync.ok(), qPrintable(lateSync.ok() ? QString() : lateSync.error().detail));
        QVERIFY(!lateSync->waitingForApproval);
        QCOMPARE(late.notes->list(project->id, 10)->size(), 2);
    }

    // The QR image samla-server writes is read back (by zxing, a decoder we
    // did not write) into the very code it printed, and a device joins with it.
    // A second administrator's device, enrolled after the members joined:
    // the members pinned only the first. Once the first approves it, its
    // endorsement (a signed record) teaches the members to take its keys,
    // so when the first is lost and revoked, the second moves everyone to a
    // new epoch and nothing stops. An endorsement from a member is no
    // endorsement.
    void anAdministratorApprovedByAPinnedOneIsTrusted()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString serverProject = server.createProject();
        QVERIFY(server.start(0, {}, ServerProcess::Tls::On));
        AppDevice first, member, second, stranger;
        for (AppDevice *d : {&first, &member, &second, &stranger})
            QVERIFY(d->open(m_clock));
        auto project = first.projects->create(QStringLiteral("Care network"), false);
        QVERIFY(project.ok());
        QVERIFY(first.sync->join(server.enrolCode(serverProject, "admin"), project->id).ok());
        QVERIFY(member.sync->join(server.enrolCode(serverProject, "member")).ok());
        const auto approveAll = [&](AppDevice &by) {
            auto members = by.sync->members(serverProject);
            QList<protocol::Member> others;
            for (const protocol::Member &m : members.value())
                if (m.signKey.toHex() != by.sync->deviceId() && !m.revoked)
                    others.append(m);
            return by.sync->approve(serverProject, others).ok();
        };
        QVERIFY(approveAll(first));
        QVERIFY(first.notes->create(project->id, QStringLiteral("Before"), QStringLiteral("epoch 1")).ok());
        QVERIFY(first.sync->syncNow().ok());
        QVERIFY(member.sync->syncNow().ok());
        QCOMPARE(member.notes->list(project->id, 10)->size(), 1);

        // The second administrator joins later, from the project open on its
        // own device, which stays there; the first approves it, and it
        // learns the shared project from what it receives.
        auto own = second.projects->create(QStringLiteral("Second's own"), false);
        QVERIFY(own.ok());
        QVERIFY(second.notes->create(own->id, QStringLiteral("Private"), QStringLiteral("stays here")).ok());
        auto secondJoined = second.sync->join(server.enrolCode(serverProject, "admin"), own->id);
        QVERIFY(secondJoined.ok());
        QVERIFY(secondJoined->localProjectId.isEmpty());
        QVERIFY(approveAll(first));
        QVERIFY(first.sync->syncNow().ok());
        QVERIFY(second.sync->syncNow().ok());
        QVERIFY(member.sync->syncNow().ok());
        const QByteArray secondKey = QByteArray::fromHex(second.sync->deviceId());
        QVERIFY(appsync::isPinnedAdministrator(*member.store, project->id, secondKey));
        QVERIFY(second.sync->syncNow().ok());
        QCOMPARE(second.notes->list(project->id, 10)->size(), 1);   // the shared project, learnt
        QCOMPARE(second.notes->list(own->id, 10)->size(), 1);       // its own, still here…
        QVERIFY(member.sync->syncNow().ok());
        QVERIFY(member.notes->list(own->id, 10)->isEmpty());         // …and only here

        // The first administrator's tablet is lost and revoked. The second
        // rotates the key; the member takes the new epoch from it.
        QCOMPARE(server.admin({QStringLiteral("devices"), QStringLiteral("revoke"), first.sync->deviceId()}),
                 QByteArray("revoked"));
        auto rotated = second.sync->syncNow();
        QVERIFY2(rotated.ok(), qPrintable(rotated.ok() ? QString() : rotated.error().detail));
        QCOMPARE(rotated->keysRotated, 1);
        QVERIFY(second.notes->create(project->id, QStringLiteral("After"), QStringLiteral("epoch 2")).ok());
        QVERIFY(second.sync->syncNow().ok());
        auto taken = member.sync->syncNow();
        QVERIFY2(taken.ok(), qPrintable(taken.ok() ? QString() : taken.error().detail));
        QCOMPARE(taken->untrustedGrants, 0);
        QCOMPARE(taken->keysReceived, 1);
        QCOMPARE(member.notes->list(project->id, 10)->size(), 2);

        // A member's "endorsement" of a stranger administrator: pinned by nobody.
        QVERIFY(stranger.sync->join(server.enrolCode(serverProject, "admin"), project->id).ok());
        const QByteArray strangerKey = QByteArray::fromHex(stranger.sync->deviceId());
        QVERIFY(member.store->records().put(appsync::adminEndorsement(project->id, strangerKey)).ok());
        QVERIFY(member.sync->syncNow().ok());
        QVERIFY(second.sync->syncNow().ok());
        QVERIFY(!appsync::isPinnedAdministrator(*second.store, project->id, strangerKey));
        QVERIFY(!appsync::isPinnedAdministrator(*member.store, project->id, strangerKey));
    }

    void joinsFromTheQrImage()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString serverProject = server.createProject();
        QVERIFY(server.start(0, {}, ServerProcess::Tls::On));
        const QString png = QDir(server.dataDir()).filePath(QStringLiteral("code.png"));
        const QByteArray printed = server.admin({QStringLiteral("enrol"), QStringLiteral("--project"), serverProject,
                                                 QStringLiteral("--server"),
                                                 QStringLiteral("127.0.0.1:%1").arg(server.port()),
                                                 QStringLiteral("--png"), png});
        auto text = appsync::qrTextFromImage(png);
        QVERIFY2(text.ok(), qPrintable(text.ok() ? QString() : text.error().detail));
        QCOMPARE(text.value(), QString::fromLatin1(printed.left(printed.indexOf('\n'))));
        auto code = protocol::EnrolCode::decode(text.value());
        QVERIFY(code.ok());
        AppDevice device;
        QVERIFY(device.open(m_clock));
        QVERIFY(device.sync->join(code.value()).ok());

        // An image without a QR code, and a file that is not an image.
        QImage blank(300, 300, QImage::Format_RGB32);
        blank.fill(Qt::white);
        const QString blankPath = QDir(server.dataDir()).filePath(QStringLiteral("blank.png"));
        QVERIFY(blank.save(blankPath));
        QCOMPARE(appsync::qrTextFromImage(blankPath).error().code, ErrorCode::NotFound);
        QCOMPARE(appsync::qrTextFromImage(QDir(server.dataDir()).filePath(QStringLiteral("server.key"))).error().code,
                 ErrorCode::Io);
    }

    // What other devices send is checked before it is applied: an op that
    // names a project its server project does not carry is skipped (no member
    // can write into, or link, another project on this device), and a
    // malformed op or one stamped days ahead is skipped without stopping the rest.
    void hostileOpsAreSkipped()
    {
        AppDevice d;
        QVERIFY(d.open(m_clock));
        auto mine = d.projects->create(QStringLiteral("Local only"), false);
        QVERIFY(mine.ok());
        const QString server = QStringLiteral("0190f0c2-5e5e-7000-8000-000000000001");
        {
            auto link = d.store->database().prepare(
                "INSERT INTO sync_projects(project_id, server_project, role, joined_ms) VALUES(?1, ?1, 'member', 0)");
            QVERIFY(link.ok());
            link->bind(1, server);
            QVERIFY(link->run().ok());
        }
        auto opFor = [&](const QString &project, const QString &id, std::int64_t ms, const QString &text) {
            QCborMap body;
            body.insert(QStringLiteral("title"), QStringLiteral("t"));
            body.insert(QStringLiteral("text"), text);
            QCborMap op;
            op.insert(QStringLiteral("id"), id);
            op.insert(QStringLiteral("kind"), QStringLiteral("note"));
            op.insert(QStringLiteral("project"), project);
            op.insert(QStringLiteral("version"), 1);
            op.insert(QStringLiteral("hlc"), protocol::HlcStamp{ms, 0, QByteArray(16, 'r')}.toBytes());
            op.insert(QStringLiteral("deleted"), false);
            op.insert(QStringLiteral("body"), body);
            sync::IncomingOp in;
            in.header.projectId = server;
            in.plaintext = protocol::encodeCanonical(op);
            return in;
        };
        const std::int64_t now = m_clock.nowMs();
        const QString theirs = QStringLiteral("0190f0c2-7777-7000-8000-000000000001");
        appsync::StoreJournal journal(*d.store);
        QList<sync::IncomingOp> page;
        page << opFor(mine->id, QStringLiteral("0190f0c2-0000-7000-8000-0000000000a1"), now, QStringLiteral("into mine"))
             << opFor(theirs, QStringLiteral("0190f0c2-0000-7000-8000-0000000000a2"), now, QStringLiteral("theirs"))
             << opFor(QStringLiteral("0190f0c2-9999-7000-8000-000000000001"),
                      QStringLiteral("0190f0c2-0000-7000-8000-0000000000a3"), now, QStringLiteral("a third"))
             << opFor(theirs, QStringLiteral("0190f0c2-0000-7000-8000-0000000000a4"), now + 3LL * 24 * 3600 * 1000,
                      QStringLiteral("from the future"));
        sync::IncomingOp garbage;
        garbage.header.projectId = server;
        garbage.plaintext = QByteArray("\xa1\x63key\x01", 6);
        page << garbage << opFor(theirs, QStringLiteral("0190f0c2-0000-7000-8000-0000000000a5"), now + 1, QStringLiteral("fine"));
        QVERIFY(journal.apply(page, 6).ok());
        QCOMPARE(journal.applied().applied, 2);
        QCOMPARE(journal.applied().ignored, 3);
        // The one from the future is held back until this clock catches up, not dropped.
        QCOMPARE(d.store->records().heldRemoteOps().value(), 1);
        QCOMPARE(journal.cursor().value(), 6);   // the page is behind it: nothing blocks the next one
        QVERIFY(d.notes->list(mine->id, 10)->isEmpty());
        QCOMPARE(d.notes->list(theirs, 10)->size(), 2);
        // The local project did not become one that syncs.
        appsync::StoreJournal outgoing(*d.store);
        QVERIFY(d.notes->create(mine->id, QStringLiteral("x"), QStringLiteral("stays here")).ok());
        QCOMPARE(outgoing.pendingCount().value(), 0);
    }

    // A tablet put back from last week's backup: the server holds changes
    // of it that its store lost. Its new work is numbered after them and
    // sent, and the lost changes come back with the pull; nothing is lost
    // on either device and the server's sequence for it has no gap.
    void aStoreRestoredFromABackupLosesNothing()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString serverProject = server.createProject();
        QVERIFY(server.start(0, {}, ServerProcess::Tls::On));
        AppDevice tablet, laptop;
        QVERIFY(tablet.open(m_clock));
        QVERIFY(laptop.open(m_clock));
        auto project = tablet.projects->create(QStringLiteral("Ward study"), false);
        QVERIFY(project.ok());
        QVERIFY(tablet.sync->join(server.enrolCode(serverProject, "admin"), project->id).ok());
        QVERIFY(laptop.sync->join(server.enrolCode(serverProject, "member")).ok());
        auto members = tablet.sync->members(serverProject);
        QList<protocol::Member> others;
        for (const protocol::Member &m : members.value())
            if (m.signKey.toHex() != tablet.sync->deviceId())
                others.append(m);
        QVERIFY(tablet.sync->approve(serverProject, others).ok());
        QVERIFY(tablet.notes->create(project->id, QStringLiteral("Monday"), QStringLiteral("before the backup")).ok());
        QVERIFY(tablet.sync->syncNow().ok());

        // The backup: the store's files, copied while it is closed.
        QTemporaryDir backup;
        const auto closeStore = [](AppDevice &d) {
            d.sync.reset();
            d.notes.reset();
            d.projects.reset();
            d.store.reset();
        };
        const auto copyDir = [](const QString &from, const QString &to) {
            QDir().mkpath(to);
            for (const QFileInfo &f : QDir(from).entryInfoList(QDir::Files | QDir::Hidden)) {
                QFile::remove(to + QLatin1Char('/') + f.fileName());
                if (!QFile::copy(f.filePath(), to + QLatin1Char('/') + f.fileName()))
                    return false;
            }
            return true;
        };
        const auto reopen = [this](AppDevice &d) {
            QByteArray pass("correct horse battery staple");
            auto store = store::LocalStore::unlock(d.dir.path(), crypto::SecureBytes::fromUtf8AndWipe(pass), m_clock);
            if (!store.ok())
                return false;
            d.store = std::move(store.value());
            d.notes = std::make_unique<domain::Notes>(d.store->records());
            d.projects = std::make_unique<domain::Projects>(d.store->records());
            d.sync = std::make_unique<appsync::DeviceSync>(*d.store, m_clock);
            return true;
        };
        closeStore(tablet);
        QVERIFY(copyDir(tablet.dir.path(), backup.path()));
        QVERIFY(reopen(tablet));

        // Work synced after the backup, then the tablet is put back from it.
        auto lost = tablet.notes->create(project->id, QStringLiteral("Tuesday"), QStringLiteral("after the backup"));
        QVERIFY(lost.ok());
        QVERIFY(tablet.sync->syncNow().ok());
        closeStore(tablet);
        QVERIFY(copyDir(backup.path(), tablet.dir.path()));
        QVERIFY(reopen(tablet));
        QVERIFY(!tablet.notes->get(lost->id).ok());

        // New work on the restored tablet: its number is taken on the server.
        auto fresh = tablet.notes->create(project->id, QStringLiteral("Wednesday"), QStringLiteral("after the restore"));
        QVERIFY(fresh.ok());
        auto synced = tablet.sync->syncNow();
        QVERIFY2(synced.ok(), qPrintable(synced.ok() ? QString() : synced.error().detail));
        QCOMPARE(tablet.sync->pendingCount().value(), 0);
        QCOMPARE(tablet.notes->get(lost->id)->text, QStringLiteral("after the backup"));   // back from the server
        QVERIFY(laptop.sync->syncNow().ok());
        for (AppDevice *d : {&tablet, &laptop}) {
            QStringList titles;
            const auto notes = d->notes->list(project->id, 10);
            QVERIFY(notes.ok());
            for (const domain::Note &n : notes.value())
                titles << n.title;
            titles.sort();
            QCOMPARE(titles, (QStringList{QStringLiteral("Monday"), QStringLiteral("Tuesday"), QStringLiteral("Wednesday")}));
        }
        const QList<QByteArray> status = server.admin({QStringLiteral("status")}).split('\n');
        QCOMPARE(status.value(5), QByteArray("device sequences with gaps 0"));
    }

    // The sync state lives in the store: a new DeviceSync (the app
    // restarted) has nothing to resend and continues from its cursor.
    void stateSurvivesARestart()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString serverProject = server.createProject();
        QVERIFY(server.start(0, {}, ServerProcess::Tls::On));
        AppDevice admin;
        QVERIFY(admin.open(m_clock));
        auto project = admin.projects->create(QStringLiteral("Café"), false);
        QVERIFY(project.ok());
        QVERIFY(admin.sync->join(server.enrolCode(serverProject, "admin"), project->id).ok());
        for (int i = 0; i < 30; ++i)
            QVERIFY(admin.notes->create(project->id, QStringLiteral("n%1").arg(i), QStringLiteral("text")).ok());
        QVERIFY(admin.sync->syncNow().ok());
        admin.sync = std::make_unique<appsync::DeviceSync>(*admin.store, m_clock);
        QCOMPARE(admin.sync->pendingCount().value(), 0);
        auto again = admin.sync->syncNow();
        QVERIFY(again.ok());
        QCOMPARE(again->pushed, 0);
        QCOMPARE(again->applied.applied, 0);
        QCOMPARE(server.admin({QStringLiteral("status")}).split('\n').value(2), QByteArray("ops 31"));
        // Joining again (another project on the same server) rescans the
        // outbox: what was numbered keeps its number, nothing is sent twice.
        const QString secondProject = server.createProject();
        auto local2 = admin.projects->create(QStringLiteral("Second"), false);
        QVERIFY(local2.ok());
        QVERIFY(admin.sync->join(server.enrolCode(secondProject, "admin"), local2->id).ok());
        auto pendingAfter = admin.sync->pendingCount();
        QVERIFY2(pendingAfter.ok(), qPrintable(pendingAfter.ok() ? QString() : pendingAfter.error().detail));
        QCOMPARE(pendingAfter.value(), 1);   // the second project's own record, nothing of the first
        QVERIFY(admin.sync->syncNow().ok());
        QCOMPARE(server.admin({QStringLiteral("status")}).split('\n').value(2), QByteArray("ops 32"));
        // Another server's code is refused: one device, one server.
        ServerProcess other;
        QVERIFY(other.init());
        const QString otherProject = other.createProject();
        QVERIFY(other.start(0, {}, ServerProcess::Tls::On));
        auto refused = admin.sync->join(other.enrolCode(otherProject, "member"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::AlreadyExists);
    }

    // A device takes project keys only from the administrators it learnt
    // when it joined. Another admin device, enrolled later, is refused; a
    // server that offers a second key for an epoch the device holds is
    // reported and the first key kept. Either way the sync itself goes on.
    void keyGrantsOnlyFromPinnedAdministrators()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString serverProject = server.createProject();
        QVERIFY(server.start(0, {}, ServerProcess::Tls::On));
        AppDevice admin, field;
        QVERIFY(admin.open(m_clock));
        QVERIFY(field.open(m_clock));
        auto project = admin.projects->create(QStringLiteral("Ward study"), false);
        QVERIFY(project.ok());
        QVERIFY(admin.notes->create(project->id, QStringLiteral("Handover"), QStringLiteral("Quiet night")).ok());
        QVERIFY(admin.sync->join(server.enrolCode(serverProject, "admin"), project->id).ok());
        QVERIFY(admin.sync->syncNow().ok());
        QVERIFY(field.sync->join(server.enrolCode(serverProject, "member")).ok());

        // An administrator's device the fieldworker's device never heard of
        // offers it a key of its own making.
        test::TestDevice later;
        sync::BeastTransportOptions t;
        t.pinnedCertificateSha256 = server.fingerprint();
        sync::BeastTransport transport(QStringLiteral("127.0.0.1"), server.port(), t);
        sync::SyncClient laterClient(transport, m_clock, later.sign, server.fingerprint());
        QVERIFY(laterClient.enrol(server.enrolToken(serverProject, "admin"), later.box.publicKey).ok());
        auto members = admin.sync->members(serverProject);
        QVERIFY(members.ok());
        QList<protocol::Member> fieldDevice;
        for (const protocol::Member &m : members.value())
            if (m.signKey.toHex() == field.sync->deviceId())
                fieldDevice.append(m);
        QCOMPARE(fieldDevice.size(), 1);
        QVERIFY(laterClient.grantKey(serverProject, 2, crypto::SecureBytes::random(32), fieldDevice).ok());
        QVERIFY(admin.sync->approve(serverProject, fieldDevice).ok());

        auto synced = field.sync->syncNow();
        QVERIFY2(synced.ok(), qPrintable(synced.ok() ? QString() : synced.error().detail));
        QCOMPARE(synced->untrustedGrants, 1);
        QCOMPARE(synced->conflictingGrants, 0);
        QCOMPARE(synced->keysReceived, 1);      // epoch 1, from the administrator it pinned
        QCOMPARE(synced->applied.applied, 2);   // the sync went on
        auto epochs = field.store->database().prepare("SELECT group_concat(epoch) FROM sync_keys");
        QVERIFY(epochs.ok() && epochs->step().value());
        QCOMPARE(epochs->columnText(0), QStringLiteral("1"));
        // Its own administrator's grants were never in doubt.
        auto adminSync = admin.sync->syncNow();
        QVERIFY(adminSync.ok());
        QCOMPARE(adminSync->untrustedGrants + adminSync->conflictingGrants, 0);

        // The same device through a server that offers a second key for
        // epoch 1, signed by the administrator it pinned (the server cannot
        // forge that; a copy of an old grant could be): reported, key kept.
        const crypto::SignKeyPair adminKey = admin.store->deviceSigningKey();
        const crypto::BoxKeyPair fieldBox = field.store->deviceBoxKey();
        const protocol::KeyGrant second = test::signedGrant(adminKey, fieldDevice.first().signKey, fieldBox.publicKey,
                                                            serverProject, 1, crypto::SecureBytes::random(32));
        appsync::DeviceSync misled(*field.store, m_clock);
        misled.setTransportFactory([second](const appsync::ServerInfo &info) {
            sync::BeastTransportOptions o;
            o.pinnedCertificateSha256 = info.fingerprint;
            auto lying = std::make_unique<test::LyingGrantsTransport>(
                std::make_unique<sync::BeastTransport>(info.host, info.port, o));
            lying->extra = {second};
            return std::unique_ptr<sync::Transport>(std::move(lying));
        });
        QVERIFY(admin.notes->create(project->id, QStringLiteral("Morning"), QStringLiteral("Busy morning")).ok());
        QVERIFY(admin.sync->syncNow().ok());
        auto reported = misled.syncNow();
        QVERIFY2(reported.ok(), qPrintable(reported.ok() ? QString() : reported.error().detail));
        QCOMPARE(reported->conflictingGrants, 1);
        QCOMPARE(reported->untrustedGrants, 1);
        QCOMPARE(reported->applied.applied, 1);   // read with the key it kept
        QCOMPARE(field.notes->list(project->id, 10)->size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestAppSync)
#include "tst_appsync.moc"
