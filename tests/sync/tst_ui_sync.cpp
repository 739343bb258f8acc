// The Sync screen's controller over two app instances and the real samla-server:
// join from a pasted code, wait for approval, approve, sync notes, refusals in words, lock.
#include "synctestsupport.h"
#include "uiapp.h"

#include "app/domain/notes.h"
#include "app/domain/participants.h"
#include "app/store/localstore.h"
#include "platform/db/database.h"
#include "app/ui/appmodes.h"
#include "app/ui/appservices.h"
#include "app/ui/appsettings.h"
#include "app/ui/session.h"
#include "app/ui/synccontroller.h"
#include "sync/protocol/canonicalcbor.h"
#include "sync/protocol/enrolcode.h"
#include "sync/protocol/hlc.h"

#include <QCborMap>
#include <QDateTime>
#include <QSet>
#include <QUuid>
#include <QSignalSpy>
#include <QUrl>

using namespace samla;
using namespace samla::ui;
using samla::test::ServerProcess;
using samla::test::appIn;

class TestUiSync : public QObject {
    Q_OBJECT
    QTemporaryDir m_adminDir, m_fieldDir;

private slots:
    void initTestCase() { QVERIFY(crypto::initialize().ok()); }

    void joinApproveAndSyncFromTheScreen()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString project = server.createProject();
        QVERIFY(server.start(0, {}, ServerProcess::Tls::On));

        auto admin = appIn(m_adminDir.path());
        auto field = appIn(m_fieldDir.path());
        QString error;
        QVERIFY2(createUnlockedDemoStore(*admin, QStringLiteral("blue tractor umbrella 42"), &error), qPrintable(error));
        QVERIFY2(createUnlockedDemoStore(*field, QStringLiteral("green tractor umbrella 43"), &error), qPrintable(error));
        SyncController &a = admin->sync();
        SyncController &f = field->sync();
        // Every sync here is asked for; automatic sync has its own test.
        a.setAutoSync(false);
        f.setAutoSync(false);
        QVERIFY(!a.joined());
        QCOMPARE(a.lastSyncText(), QStringLiteral("Not synced yet"));

        // A pasted line that is not a code: refused in words, nothing sent.
        f.join(QStringLiteral("samla-enrol:v1;host=127.0.0.1"));
        QVERIFY(!f.busy());
        QVERIFY(f.errorString().contains(QStringLiteral("not a Samla enrolment code")));
        f.clearError();
        f.joinFromImage(QStringLiteral("/nonexistent/code.png"));
        QVERIFY(f.errorString().contains(QStringLiteral("could not be opened as an image")));
        f.clearError();

        // The administrator joins with the demo project open; it is linked.
        QSignalSpy busy(&a, &SyncController::busyChanged);
        const QString png = m_adminDir.filePath(QStringLiteral("admin-code.png"));
        server.admin({QStringLiteral("enrol"), QStringLiteral("--project"), project, QStringLiteral("--role"),
                      QStringLiteral("admin"), QStringLiteral("--server"),
                      QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("--png"), png});
        a.joinFromImage(QUrl::fromLocalFile(png).toString());
        QVERIFY(a.busy());
        a.waitForWorker();
        QVERIFY2(a.errorString().isEmpty(), qPrintable(a.errorString()));
        QVERIFY(a.joined());
        QVERIFY(a.admin());
        QVERIFY(!a.waitingForApproval());
        QVERIFY(a.pendingCount() > 0);   // the demo project and its notes
        QCOMPARE(a.serverText(), QStringLiteral("127.0.0.1:%1").arg(server.port()));
        a.syncNow();
        a.waitForWorker();
        QVERIFY2(a.errorString().isEmpty(), qPrintable(a.errorString()));
        QCOMPARE(a.pendingCount(), 0);
        QVERIFY(a.resultText().startsWith(QStringLiteral("Sent ")));
        QVERIFY(a.lastSyncText().startsWith(QStringLiteral("Last synced")));

        // The fieldworker joins and waits; the screen says so in Swedish too.
        f.join(server.enrolCode(project, "member").encode());
        f.waitForWorker();
        QVERIFY(f.joined());
        QVERIFY(f.waitingForApproval());
        f.syncNow();
        f.waitForWorker();
        QCOMPARE(f.resultText(), QStringLiteral("Waiting for an administrator to approve this device."));
        field->settings().setLanguage(QStringLiteral("sv"));
        QCOMPARE(f.resultText(), QStringLiteral("Väntar på att en administratör godkänner den här enheten."));
        field->settings().setLanguage(QStringLiteral("en"));

        // The administrator sees the device, compares its id, approves it.
        a.refreshDevices();
        a.waitForWorker();
        QVariantMap waiting;
        for (const QVariant &d : a.devices())
            if (!d.toMap().value(QStringLiteral("approved")).toBool())
                waiting = d.toMap();
        QCOMPARE(waiting.value(QStringLiteral("shortId")).toString(), f.deviceIdText());
        a.approve(waiting.value(QStringLiteral("id")).toString());
        a.waitForWorker();
        QVERIFY2(a.errorString().isEmpty(), qPrintable(a.errorString()));
        a.waitForWorker();   // the list refresh queued after approving
        QCoreApplication::processEvents();
        a.waitForWorker();

        // The fieldworker's next sync brings the administrator's project and notes.
        const int adminNotes = int(admin->session().notes()->list(admin->session().projectId(), 100)->size());
        // An automatic sync brings the project but never switches to it under someone at work.
        SyncController::AutoTimings fast;
        fast.firstMs = 50;
        fast.pendingMs = fast.idleMs = fast.retryMs = 200;
        fast.maxRetryMs = 400;
        f.setAutoTimings(fast);
        f.setAutoSync(true);
        QTRY_VERIFY_WITH_TIMEOUT(
            int(field->session().notes()->list(admin->session().projectId(), 100).value().size()) == adminNotes, 20'000);
        f.setAutoSync(false);
        f.waitForWorker();
        QVERIFY(field->session().projectId() != admin->session().projectId());
        f.syncNow();
        f.waitForWorker();
        QVERIFY2(f.errorString().isEmpty(), qPrintable(f.errorString()));
        QVERIFY(!f.waitingForApproval());
        auto received = field->session().notes()->list(admin->session().projectId(), 100);
        QVERIFY(received.ok());
        QCOMPARE(int(received->size()), adminNotes);
        // The device showed only its demo project, so it now shows the synced one.
        QCOMPARE(field->session().projectId(), admin->session().projectId());

        // Both edit the same note before syncing: each screen lists the
        // conflict with both texts, and the fieldworker takes the other one.
        const QString noteId = received->first().id;
        QVERIFY(admin->session().notes()->update(noteId, QStringLiteral("Kväll"), QStringLiteral("Admin's words")).ok());
        QVERIFY(field->session().notes()->update(noteId, QStringLiteral("Kväll"), QStringLiteral("Fieldworker's words")).ok());
        a.syncNow();
        a.waitForWorker();
        f.syncNow();
        f.waitForWorker();
        QCOMPARE(f.conflictCount(), 1);
        const QVariantMap conflict = f.conflicts().first().toMap();
        const QString shown = conflict.value(QStringLiteral("currentText")).toString();
        const QString other = conflict.value(QStringLiteral("otherText")).toString();
        QCOMPARE(QSet<QString>({shown, other}), QSet<QString>({QStringLiteral("Admin's words"),
                                                               QStringLiteral("Fieldworker's words")}));
        QVERIFY(f.useOther(conflict.value(QStringLiteral("id")).toLongLong()));
        QCOMPARE(f.conflictCount(), 0);
        QCOMPARE(field->session().notes()->get(noteId)->text, other);
        f.syncNow();
        f.waitForWorker();
        a.syncNow();
        a.waitForWorker();
        QCOMPARE(admin->session().notes()->get(noteId)->text, other);   // the choice reached the other device
        QCOMPARE(a.conflictCount(), 0);   // and closed the conflict there too

        // A participant changed on both: the screen says which field both
        // changed and shows the two values side by side, in both languages;
        // keeping one closes it on both devices.
        {
            store::RecordStore &adminRecords = admin->session().store()->records();
            store::RecordStore &fieldRecords = field->session().store()->records();
            const QString projectId = admin->session().projectId();
            auto participant = domain::Participants(adminRecords).enrol(projectId, {});
            QVERIFY(participant.ok());
            a.syncNow();
            a.waitForWorker();
            f.syncNow();
            f.waitForWorker();
            domain::ParticipantProfile onAdmin = participant->profile;
            onAdmin.capacityNotes = QStringLiteral("Prefers mornings");
            QVERIFY(domain::Participants(adminRecords).updateProfile(participant->id, onAdmin).ok());
            QTest::qWait(5);
            domain::ParticipantProfile onField = participant->profile;
            onField.capacityNotes = QStringLiteral("Prefers afternoons");
            QVERIFY(domain::Participants(fieldRecords).updateProfile(participant->id, onField).ok());
            a.syncNow();
            a.waitForWorker();
            f.syncNow();
            f.waitForWorker();
            QCOMPARE(f.conflictCount(), 1);
            QVariantMap shownConflict = f.conflicts().first().toMap();
            QVERIFY(shownConflict.value(QStringLiteral("fieldConflict")).toBool());
            QCOMPARE(shownConflict.value(QStringLiteral("summary")).toString(),
                     QStringLiteral("Both changed the participant's notes on capacity; the later change is in force. "
                                    "Other changes were merged."));
            QCOMPARE(shownConflict.value(QStringLiteral("currentDevice")).toString(), QStringLiteral("this device"));
            QCOMPARE(shownConflict.value(QStringLiteral("otherDevice")).toString(), QStringLiteral("another device"));
            const QVariantList fields = shownConflict.value(QStringLiteral("fields")).toList();
            QCOMPARE(fields.size(), 1);
            QCOMPARE(fields.first().toMap().value(QStringLiteral("label")).toString(), QStringLiteral("Notes on capacity"));
            QCOMPARE(fields.first().toMap().value(QStringLiteral("current")).toString(), QStringLiteral("Prefers afternoons"));
            QCOMPARE(fields.first().toMap().value(QStringLiteral("other")).toString(), QStringLiteral("Prefers mornings"));
            QVERIFY(shownConflict.value(QStringLiteral("canUseOther")).toBool());
            field->settings().setLanguage(QStringLiteral("sv"));
            shownConflict = f.conflicts().first().toMap();
            QVERIFY2(shownConflict.value(QStringLiteral("summary")).toString().startsWith(QStringLiteral("Båda ändrade")),
                     qPrintable(shownConflict.value(QStringLiteral("summary")).toString()));
            QCOMPARE(shownConflict.value(QStringLiteral("currentDevice")).toString(), QStringLiteral("den här enheten"));
            field->settings().setLanguage(QStringLiteral("en"));
            a.syncNow();
            a.waitForWorker();
            QCOMPARE(a.conflictCount(), 1);
            QVERIFY(a.keepCurrent(a.conflicts().first().toMap().value(QStringLiteral("id")).toLongLong()));
            QCOMPARE(a.conflictCount(), 0);
            a.syncNow();
            a.waitForWorker();
            f.syncNow();
            f.waitForWorker();
            QCOMPARE(f.conflictCount(), 0);
            QCOMPARE(domain::Participants(fieldRecords).get(participant->id)->profile.capacityNotes,
                     QStringLiteral("Prefers afternoons"));

            // A note from a device whose clock runs three days ahead is held
            // back, and the screen counts it until this clock catches up.
            QCOMPARE(f.heldCount(), 0);
            protocol::HlcStamp ahead;
            ahead.physicalMs = QDateTime::currentMSecsSinceEpoch() + 3LL * 24 * 3600 * 1000;
            ahead.deviceId = QByteArray(16, '\x44');
            QCborMap body;
            body.insert(QStringLiteral("title"), QStringLiteral("From the future"));
            body.insert(QStringLiteral("text"), QStringLiteral("held"));
            QCborMap op;
            op.insert(QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
            op.insert(QStringLiteral("kind"), domain::Notes::kKind);
            op.insert(QStringLiteral("project"), field->session().projectId());
            op.insert(QStringLiteral("version"), 1);
            op.insert(QStringLiteral("hlc"), QCborValue(ahead.toBytes()));
            op.insert(QStringLiteral("deleted"), false);
            op.insert(QStringLiteral("body"), body);
            auto held = fieldRecords.applyRemote({protocol::encodeCanonical(op)}, nullptr, {});
            QVERIFY(held.ok());
            QCOMPARE(held->deferred, 1);
            f.refresh();
            QCOMPARE(f.heldCount(), 1);
            f.syncNow();   // still ahead: still held, still shown
            f.waitForWorker();
            QCOMPARE(f.heldCount(), 1);
        }

        // An administrator's device enrolled after this one joined offers it
        // a key of its own: refused, and said so in both languages; what the
        // device holds and syncs is untouched.
        {
            SystemClock clock;
            test::TestDevice later;
            sync::BeastTransportOptions t;
            t.pinnedCertificateSha256 = server.fingerprint();
            sync::BeastTransport transport(QStringLiteral("127.0.0.1"), server.port(), t);
            sync::SyncClient laterClient(transport, clock, later.sign, server.fingerprint());
            QVERIFY(laterClient.enrol(server.enrolToken(project, "admin"), later.box.publicKey).ok());
            auto members = laterClient.members(project);
            QVERIFY(members.ok());
            QList<protocol::Member> fieldDevice;
            for (const protocol::Member &m : members.value())
                if (QString::fromLatin1(m.signKey.toHex()) == waiting.value(QStringLiteral("id")).toString())
                    fieldDevice.append(m);
            QCOMPARE(fieldDevice.size(), 1);
            QVERIFY(laterClient.grantKey(project, 7, crypto::SecureBytes::random(32), fieldDevice).ok());
        }
        f.syncNow();
        f.waitForWorker();
        QVERIFY2(f.errorString().contains(QStringLiteral("not this project's administrator, so Samla refused it")),
                 qPrintable(f.errorString()));
        field->settings().setLanguage(QStringLiteral("sv"));
        QVERIFY2(f.errorString().contains(QStringLiteral("inte är projektets administratör")), qPrintable(f.errorString()));
        field->settings().setLanguage(QStringLiteral("en"));
        QVERIFY(f.resultText().startsWith(QStringLiteral("Sent ")));   // the sync itself went through
        QCOMPARE(f.pendingCount(), 0);

        // Locking while a sync runs waits for it; nothing is left half done.
        f.syncNow();
        field->session().lock();
        QVERIFY(!f.busy());
        QVERIFY(!f.joined());   // nothing shown while locked

        // The administrator removes the device from the Sync screen (a lost
        // tablet): the server refuses it from then on, the administrator's
        // device moves to a new key at once, and the device is told why it
        // cannot sync.
        QVERIFY(field->session().state() == Session::Locked);
        field->session().unlock(QStringLiteral("green tractor umbrella 43"));
        field->session().waitForWorker();
        QVERIFY(f.joined());
        a.refreshDevices();
        a.waitForWorker();
        a.revoke(waiting.value(QStringLiteral("id")).toString());
        a.waitForWorker();
        QVERIFY2(a.errorString().isEmpty(), qPrintable(a.errorString()));
        QVERIFY2(a.resultText().startsWith(QStringLiteral("The device is removed.")), qPrintable(a.resultText()));
        admin->settings().setLanguage(QStringLiteral("sv"));
        QVERIFY2(a.resultText().startsWith(QStringLiteral("Enheten är borttagen.")), qPrintable(a.resultText()));
        admin->settings().setLanguage(QStringLiteral("en"));
        QCoreApplication::processEvents();
        a.waitForWorker();   // the list refresh queued after removing
        bool shownRemoved = false;
        for (const QVariant &d : a.devices())
            if (d.toMap().value(QStringLiteral("id")) == waiting.value(QStringLiteral("id")))
                shownRemoved = d.toMap().value(QStringLiteral("revoked")).toBool();
        QVERIFY(shownRemoved);
        {
            auto epoch = admin->session().store()->database().prepare("SELECT max(epoch) FROM sync_keys");
            QVERIFY(epoch.ok() && epoch->step().ok());
            QCOMPARE(epoch->columnInt(0), 2);
        }
        f.syncNow();
        f.waitForWorker();
        QVERIFY2(f.errorString().contains(QStringLiteral("removed this device")), qPrintable(f.errorString()));
    }

    // Joined devices sync by themselves; the app keeps working while they do;
    // an unreachable server is retried later, each time after a longer wait,
    // and the screen says when; the choice to turn it off survives a restart.
    void automaticSyncInTheBackground()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString project = server.createProject();
        QVERIFY(server.start(0, {}, ServerProcess::Tls::On));
        QTemporaryDir dir;
        auto app = appIn(dir.path());
        QString error;
        QVERIFY2(createUnlockedDemoStore(*app, QStringLiteral("blue tractor umbrella 42"), &error), qPrintable(error));
        SyncController &c = app->sync();
        QVERIFY(c.autoSync());
        SyncController::AutoTimings fast;
        fast.firstMs = 50;
        fast.pendingMs = 300;
        fast.idleMs = 300;
        fast.retryMs = 200;
        fast.maxRetryMs = 800;
        c.setAutoTimings(fast);
        QCOMPARE(c.msUntilAutoSync(), -1);   // not joined: nothing to do

        c.join(server.enrolCode(project, "admin").encode());
        c.waitForWorker();
        QVERIFY2(c.errorString().isEmpty(), qPrintable(c.errorString()));
        QVERIFY(c.pendingCount() > 0);
        QVERIFY(c.msUntilAutoSync() >= 0);
        QVERIFY(c.scheduleText().startsWith(QStringLiteral("Next automatic sync at")));

        // Nobody presses Sync now: the demo notes go up by themselves.
        domain::Notes &notes = *app->session().notes();
        const QString projectId = app->session().projectId();
        QSignalSpy progress(&c, &SyncController::progressChanged);
        QTRY_COMPARE_WITH_TIMEOUT(c.pendingCount(), 0, 20'000);
        QVERIFY(c.lastSyncText().startsWith(QStringLiteral("Last synced")));
        QVERIFY(!progress.isEmpty());
        QVERIFY(c.progressSent() > 0);   // the last report of that sync

        // Many changes: while they go up, notes are written on this thread,
        // through the app's own connection, and every save succeeds.
        for (int i = 0; i < 1500; ++i)
            QVERIFY(notes.create(projectId, QStringLiteral("Batch %1").arg(i), QStringLiteral("Ward round")).ok());
        c.refresh();
        QCOMPARE(c.pendingCount(), 1500);
        c.syncNow();
        QVERIFY(c.busy());
        QVERIFY(c.syncing());
        QCOMPARE(c.progressToSend(), 1500);
        int writtenDuring = 0;
        while (c.busy() && writtenDuring < 200) {
            auto saved = notes.create(projectId, QStringLiteral("During %1").arg(writtenDuring), QStringLiteral("Typed on"));
            if (!saved.ok())
                QFAIL(qPrintable(saved.error().detail));
            ++writtenDuring;
            QCoreApplication::processEvents();
        }
        QVERIFY(writtenDuring > 0);
        c.waitForWorker();
        QVERIFY2(c.errorString().isEmpty(), qPrintable(c.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(c.pendingCount(), 0, 30'000);   // what was written during it goes next
        auto all = notes.list(projectId, 5000);
        QVERIFY(all.ok());
        QVERIFY(int(all->size()) >= 1500 + writtenDuring);

        // The server goes away: automatic attempts fail quietly, say when the
        // next one is, and wait longer each time.
        server.kill();
        QVERIFY(notes.create(projectId, QStringLiteral("Offline"), QStringLiteral("Written while the server was down")).ok());
        c.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(c.scheduleText().contains(QStringLiteral("could not be reached")), 20'000);
        QVERIFY(c.errorString().isEmpty());
        const int firstWait = c.msUntilAutoSync();
        QVERIFY2(firstWait > 0 && firstWait <= fast.retryMs, qPrintable(QString::number(firstWait)));
        QSignalSpy attempts(&c, &SyncController::busyChanged);   // two per attempt
        QTRY_VERIFY_WITH_TIMEOUT(attempts.size() >= 2 && !c.busy(), 20'000);
        const int secondWait = c.msUntilAutoSync();
        QVERIFY2(secondWait > fast.retryMs && secondWait <= 2 * fast.retryMs, qPrintable(QString::number(secondWait)));
        QCOMPARE(c.pendingCount(), 1);   // still waiting safely

        // Back again (same port, same store): the next attempt sends it.
        QVERIFY(server.start(server.port(), {}, ServerProcess::Tls::On));
        QTRY_COMPARE_WITH_TIMEOUT(c.pendingCount(), 0, 20'000);
        QVERIFY(c.scheduleText().startsWith(QStringLiteral("Next automatic sync at")));

        // While an observation session is coded live it waits (a tap is never held up by a sync's writes).
        c.setHoldAutoSync(true);
        QVERIFY(notes.create(projectId, QStringLiteral("During a session"), QStringLiteral("Coded live")).ok());
        QTest::qWait(3 * fast.pendingMs);
        QVERIFY(!c.busy());
        c.refresh();
        QCOMPARE(c.pendingCount(), 1);
        QCOMPARE(c.scheduleText(), QStringLiteral("Automatic sync waits until the observation session is stopped."));
        c.setHoldAutoSync(false);
        QTRY_COMPARE_WITH_TIMEOUT(c.pendingCount(), 0, 20'000);

        // Turned off: nothing scheduled, the screen says so, and it stays off after locking.
        c.setAutoSync(false);
        QCOMPARE(c.msUntilAutoSync(), -1);
        QCOMPARE(c.scheduleText(), QStringLiteral("Automatic sync is off. Use Sync now."));
        app->session().lock();
        app->session().unlock(QStringLiteral("blue tractor umbrella 42"));
        app->session().waitForWorker();
        QVERIFY(c.joined());
        QVERIFY(!c.autoSync());
        QCOMPARE(c.msUntilAutoSync(), -1);
        app->settings().setLanguage(QStringLiteral("sv"));
        QCOMPARE(c.scheduleText(), QStringLiteral("Automatisk synkronisering är av. Använd Synkronisera nu."));
    }
};

QTEST_MAIN(TestUiSync)
#include "tst_ui_sync.moc"
