// A second data-manager device, from the screens' controllers over two app
// instances and the real samla-server: the administrator's device, which
// holds the identity register, grants the role to an approved device; after a
// sync that device looks a name up, and the DPO's view lists both devices.
#include "synctestsupport.h"
#include "uiapp.h"

#include "app/domain/participants.h"
#include "app/store/localstore.h"
#include "app/ui/appmodes.h"
#include "app/ui/appservices.h"
#include "app/ui/appsettings.h"
#include "app/ui/identitylookup.h"
#include "app/ui/participantregister.h"
#include "app/ui/session.h"
#include "app/ui/synccontroller.h"
#include "sync/protocol/enrolcode.h"

using namespace samla;
using namespace samla::ui;
using samla::test::ServerProcess;
using samla::test::appIn;

namespace {

void syncAndWait(SyncController &s)
{
    s.syncNow();
    s.waitForWorker();
    QCoreApplication::processEvents();
}

QVariantMap deviceRow(SyncController &s, const QString &id)
{
    for (const QVariant &d : s.devices())
        if (d.toMap().value(QStringLiteral("id")).toString() == id)
            return d.toMap();
    return {};
}

} // namespace

class TestUiDataManager : public QObject {
    Q_OBJECT
    QTemporaryDir m_adminDir, m_fieldDir;

private slots:
    void initTestCase() { QVERIFY(crypto::initialize().ok()); }

    void theRoleIsGrantedFromTheSyncScreenAndTheRegisterFollows()
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
        a.setAutoSync(false);
        f.setAutoSync(false);

        // The administrator joins with the demo project, creates the register and enrols Märta.
        a.join(server.enrolCode(project, "admin").encode());
        a.waitForWorker();
        QVERIFY2(a.errorString().isEmpty(), qPrintable(a.errorString()));
        ParticipantRegister &register_ = admin->participants();
        QVERIFY(register_.canCreateVault());
        QVERIFY(register_.createVault());
        QVERIFY(register_.vaultAvailable());
        QVERIFY(register_.enrol(QStringLiteral("patient"), QStringLiteral("65+"), QString(), false, QString(),
                                QStringLiteral("Märta Öberg"), QStringLiteral("070-111 22 33"), QString(), QString()));
        syncAndWait(a);
        QVERIFY2(a.errorString().isEmpty(), qPrintable(a.errorString()));

        // The fieldworker joins and is approved.
        f.join(server.enrolCode(project, "member").encode());
        f.waitForWorker();
        a.refreshDevices();
        a.waitForWorker();
        const QString fieldId = QString::fromLatin1(field->session().store()->deviceSigningKey().publicKey.toHex());
        QVERIFY(!deviceRow(a, fieldId).isEmpty());
        a.approve(fieldId);
        a.waitForWorker();
        QCoreApplication::processEvents();
        a.waitForWorker();
        syncAndWait(f);
        QVERIFY2(f.errorString().isEmpty(), qPrintable(f.errorString()));
        QCOMPARE(field->session().projectId(), admin->session().projectId());

        // Before the grant: the fieldworker's device explains why it cannot show names.
        ParticipantRegister &fieldRegister = field->participants();
        fieldRegister.reloadVault();
        QVERIFY(!fieldRegister.vaultAvailable());
        QVERIFY(!f.holdsRegister());

        // The administrator's device holds the register and offers the role for approved devices only.
        a.refreshDevices();
        a.waitForWorker();
        QVERIFY(a.holdsRegister());
        QCOMPARE(deviceRow(a, fieldId).value(QStringLiteral("dataManager")).toBool(), false);
        QVERIFY(!a.grantDataManager(QStringLiteral("00ff")));   // not a device of the list
        // A server that lists the device with a box key of its own (unsigned
        // by the device) gets nothing: the register is not sealed to it.
        {
            protocol::Member forged{field->session().store()->deviceSigningKey().publicKey,
                                    crypto::generateBoxKeyPair().publicKey, QString::fromLatin1(protocol::kRoleMember),
                                    false, {1}, {}};
            a.showDevicesForScreenshots({forged});
            QVERIFY(!a.grantDataManager(fieldId));
            QVERIFY2(a.errorString().contains(QStringLiteral("did not sign")), qPrintable(a.errorString()));
            QCOMPARE(deviceRow(a, fieldId).value(QStringLiteral("dataManager")).toBool(), false);
            a.clearError();
            a.refreshDevices();
            a.waitForWorker();
        }
        QVERIFY(a.grantDataManager(fieldId));
        QCOMPARE(a.resultText(), QStringLiteral("The device is granted the data-manager role. It receives the "
                                                "identity register at its next sync."));
        QCOMPARE(deviceRow(a, fieldId).value(QStringLiteral("dataManager")).toBool(), true);

        // Both sync: the fieldworker's device now opens the register and finds Märta.
        syncAndWait(a);
        syncAndWait(f);
        QVERIFY2(f.errorString().isEmpty(), qPrintable(f.errorString()));
        QVERIFY(fieldRegister.vaultAvailable());
        QVERIFY(fieldRegister.dataManager());
        const QString marta = register_.lastEnrolledId();
        QVERIFY(!marta.isEmpty());
        IdentityLookup &lookup = field->identityLookup();
        QVERIFY(lookup.open(marta));
        QVERIFY(lookup.available());
        lookup.setPurpose(QStringLiteral("contact"));
        QVERIFY(lookup.lookUp());
        QCOMPARE(lookup.name(), QStringLiteral("Märta Öberg"));
        QCOMPARE(lookup.contact(), QStringLiteral("070-111 22 33"));

        // The DPO's view on either device names both data-manager devices.
        const QString adminTag = domain::Participants::deviceTag(admin->session().store()->deviceSigningKey().publicKey);
        const QString fieldTag = domain::Participants::deviceTag(field->session().store()->deviceSigningKey().publicKey);
        lookup.refreshLookups();
        QVERIFY2(lookup.dataManagersText().contains(fieldTag + QStringLiteral(" (this device) granted by ") + adminTag),
                 qPrintable(lookup.dataManagersText()));
        admin->identityLookup().refreshLookups();
        QVERIFY2(admin->identityLookup().dataManagersText().contains(adminTag + QStringLiteral(" (this device)")),
                 qPrintable(admin->identityLookup().dataManagersText()));
        field->settings().setLanguage(QStringLiteral("sv"));
        QVERIFY2(lookup.dataManagersText().startsWith(QStringLiteral("Enheter med rollen som dataansvarig")),
                 qPrintable(lookup.dataManagersText()));
        field->settings().setLanguage(QStringLiteral("en"));

        // Names never reached the server.
        for (const char *secret : {"Märta", "Öberg", "070-111"})
            QVERIFY(test::filesContaining(server.dataDir(), QByteArray(secret)).isEmpty());
    }
};

QTEST_MAIN(TestUiDataManager)
#include "tst_ui_datamanager.moc"
