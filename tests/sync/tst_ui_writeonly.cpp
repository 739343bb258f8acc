// The Sync screen's controller for write-only devices over two app instances and the real samla-server:
// the administrator's list marks a participant's device and approves it; the device says it submits only,
// sends its entries, counts what waits, and keeps none once sent.
#include "synctestsupport.h"
#include "uiapp.h"

#include "app/domain/notes.h"
#include "app/store/localstore.h"
#include "app/ui/appmodes.h"
#include "app/ui/appservices.h"
#include "app/ui/appsettings.h"
#include "app/ui/session.h"
#include "app/ui/synccontroller.h"

using namespace samla;
using namespace samla::ui;
using samla::test::appIn;
using samla::test::ServerProcess;

class TestUiWriteOnly : public QObject {
    Q_OBJECT
    QTemporaryDir m_adminDir, m_diaryDir;

private slots:
    void initTestCase() { QVERIFY(crypto::initialize().ok()); }

    void participantsDeviceSubmitsOnly()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString project = server.createProject();
        QVERIFY(server.start(0, {}, ServerProcess::Tls::On));
        auto admin = appIn(m_adminDir.path());
        auto diary = appIn(m_diaryDir.path());
        QString error;
        QVERIFY2(createUnlockedDemoStore(*admin, QStringLiteral("blue tractor umbrella 42"), &error), qPrintable(error));
        QVERIFY2(createUnlockedDemoStore(*diary, QStringLiteral("green tractor umbrella 43"), &error), qPrintable(error));
        SyncController &a = admin->sync();
        SyncController &d = diary->sync();
        a.setAutoSync(false);
        d.setAutoSync(false);

        a.join(server.enrolCode(project, "admin").encode());
        a.waitForWorker();
        QVERIFY2(a.errorString().isEmpty(), qPrintable(a.errorString()));
        QVERIFY(!a.submitsOnly());
        a.syncNow();
        a.waitForWorker();

        // The participant's tablet joins with a write-only code: the screen
        // says what it is, and that it waits for approval.
        d.join(server.enrolCode(project, "writeonly").encode());
        d.waitForWorker();
        QVERIFY2(d.errorString().isEmpty(), qPrintable(d.errorString()));
        QVERIFY(d.joined());
        QVERIFY(d.submitsOnly());
        QVERIFY(d.waitingForApproval());
        QVERIFY(!d.admin());

        // The administrator's list shows it, marked as a participant's device, waiting.
        a.refreshDevices();
        a.waitForWorker();
        QVariantMap participant;
        for (const QVariant &v : a.devices())
            if (v.toMap().value(QStringLiteral("writeOnly")).toBool())
                participant = v.toMap();
        QCOMPARE(participant.value(QStringLiteral("shortId")).toString(), d.deviceIdText());
        QVERIFY(!participant.value(QStringLiteral("approved")).toBool());
        a.approve(participant.value(QStringLiteral("id")).toString());
        a.waitForWorker();
        QVERIFY2(a.errorString().isEmpty(), qPrintable(a.errorString()));
        QVERIFY2(a.resultText().startsWith(QStringLiteral("The participant's device is approved.")), qPrintable(a.resultText()));
        QCoreApplication::processEvents();
        a.waitForWorker();
        bool approved = false;
        for (const QVariant &v : a.devices())
            if (v.toMap().value(QStringLiteral("id")) == participant.value(QStringLiteral("id")))
                approved = v.toMap().value(QStringLiteral("approved")).toBool();
        QVERIFY(approved);
        // It can never be made a data manager.
        QVERIFY(!a.grantDataManager(participant.value(QStringLiteral("id")).toString()));

        d.syncNow();
        d.waitForWorker();
        QVERIFY2(d.errorString().isEmpty(), qPrintable(d.errorString()));
        QVERIFY(!d.waitingForApproval());
        QVERIFY(d.submitsOnly());

        // Entries written on the tablet wait, counted, and go; then they are gone from it.
        store::LocalStore *store = diary->session().store();
        QVERIFY(store);
        domain::Notes notes(store->records());
        const QString projectId = admin->session().projectId();
        QVERIFY(notes.create(projectId, QStringLiteral("Friday"), QStringLiteral("Slept well, no pain")).ok());
        QVERIFY(notes.create(projectId, QStringLiteral("Saturday"), QStringLiteral("Tired after the visit")).ok());
        d.refresh();
        QCOMPARE(d.pendingCount(), 2);
        d.syncNow();
        d.waitForWorker();
        QVERIFY2(d.errorString().isEmpty(), qPrintable(d.errorString()));
        QCOMPARE(d.pendingCount(), 0);
        QCOMPARE(d.resultText(),
                 QStringLiteral("Sent 2 entries to the research team. They are no longer kept on this device."));
        QVERIFY(d.lastSyncText().startsWith(QStringLiteral("Last synced")));
        QVERIFY(notes.list(projectId, 10)->isEmpty());
        diary->settings().setLanguage(QStringLiteral("sv"));
        QCOMPARE(d.resultText(), QStringLiteral("Skickade 2 anteckningar till forskargruppen. De finns inte längre kvar "
                                                "på den här enheten."));
        diary->settings().setLanguage(QStringLiteral("en"));

        a.syncNow();
        a.waitForWorker();
        auto received = admin->session().notes()->search(projectId, QStringLiteral("visit"), 10);
        QVERIFY(received.ok());
        QCOMPARE(received->size(), 1);
    }
};

QTEST_MAIN(TestUiWriteOnly)
#include "tst_ui_writeonly.moc"
