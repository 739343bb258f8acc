// The identity vault as a user meets it: the device's role, the audited look-up
// (refused without the grant, cleared on leaving or locking), the DPO's list of
// look-ups without names, and participant codes that show a collision.
#include "app/domain/auditlog.h"
#include "app/domain/identityvault.h"
#include "app/domain/participants.h"
#include "app/store/localstore.h"
#include "app/store/recordstore.h"
#include "app/ui/appmodes.h"
#include "app/ui/appservices.h"
#include "app/ui/appsettings.h"
#include "app/ui/consentmodels.h"
#include "app/ui/identitylookup.h"
#include "app/ui/navigator.h"
#include "app/ui/participantconsent.h"
#include "app/ui/participantregister.h"
#include "app/ui/session.h"
#include "platform/crypto/crypto.h"
#include "platform/db/database.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace samla;
using namespace samla::ui;

namespace {

const QString kPassphrase = QStringLiteral("blue tractor umbrella 42");
const QString kName = QStringLiteral("Ingrid Wästberg");
const QString kContact = QStringLiteral("ingrid.wastberg@example.se");

// Every decrypted byte of the research database: bodies, versions, outbox, meta.
QByteArray researchDatabaseBytes(store::LocalStore &store)
{
    QByteArray all;
    for (const char *sql : { "SELECT body FROM records", "SELECT body FROM record_versions",
             "SELECT body FROM outbox", "SELECT value FROM meta" }) {
        auto s = store.database().prepare(sql);
        if (!s.ok())
            return {};
        const bool storedBody = QByteArray(sql).startsWith("SELECT body FROM record");
        for (auto row = s->step(); row.ok() && row.value(); row = s->step())
            all += storedBody ? store::storedBodyToCbor(s->columnBlob(0)) : s->columnBlob(0);
    }
    return all;
}

} // namespace

class TestUiIdentity : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppServices> m_services;

    AppServices &services() { return *m_services; }
    store::LocalStore &store() { return *services().session().store(); }

    QString enrolWithIdentity()
    {
        ParticipantRegister &reg = services().participants();
        if (!reg.enrol(QStringLiteral("patient"), QStringLiteral("65+"), {}, true, {}, kName, kContact,
                QStringLiteral("1951-11-30"), {}))
            return {};
        return reg.lastEnrolledId();
    }

    int lookupEntries()
    {
        int n = 0;
        const auto entries = domain::AuditLog(store(), services().clock()).entries();
        for (const domain::AuditEntry &e : entries.value())
            n += e.action == QLatin1String("identity_lookup") ? 1 : 0;
        return n;
    }

private slots:
    void initTestCase() { QVERIFY(crypto::initialize().ok()); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        AppServicesOptions options;
        options.dataDir = m_dir->path();
        options.systemLocale = QLocale(QLocale::English, QLocale::UnitedKingdom);
        options.fixedKdf = AppServices::cheapKdfForTests();
        options.application = qApp;
        m_services = std::make_unique<AppServices>(options);
        QString error;
        QVERIFY2(createUnlockedDemoStore(*m_services, kPassphrase, &error), qPrintable(error));
    }

    void cleanup()
    {
        m_services.reset();
        m_dir.reset();
    }

    void withoutTheGrantTheLookUpIsRefusedWithTheReason()
    {
        ParticipantRegister &reg = services().participants();
        QVERIFY(reg.enrol(QStringLiteral("patient"), QStringLiteral("65+"), {}, true, {}, {}, {}, {}, {}));
        IdentityLookup &lookup = services().identityLookup();
        QVERIFY(lookup.open(reg.lastEnrolledId()));
        QCOMPARE(lookup.participantCode(), reg.lastEnrolledCode());
        QVERIFY(!lookup.available());
        QCOMPARE(lookup.refusalText(), domain::vaultRefusalText(domain::VaultRefusal::NotCreated));
        lookup.setPurpose(QStringLiteral("contact"));
        QVERIFY(!lookup.lookUp());
        QVERIFY(!lookup.shown());
        QCOMPARE(lookup.errorString(), lookup.refusalText());
        QCOMPARE(lookupEntries(), 0);
        QVERIFY(reg.deviceRoleText().contains(QStringLiteral("researcher's device")));

        // A vault made here, then the grant taken away: the reason changes, and still nothing is shown.
        QVERIFY(reg.createVault());
        const QString named = enrolWithIdentity();
        QVERIFY(!named.isEmpty());
        QVERIFY(domain::IdentityVault::revokeGrant(store()).ok());
        services().session().lock();
        services().session().unlock(kPassphrase);
        services().session().waitForWorker();
        QCOMPARE(services().session().state(), Session::Unlocked);
        QVERIFY(!reg.dataManager());
        QVERIFY(lookup.open(named));
        QCOMPARE(lookup.refusalText(), domain::vaultRefusalText(domain::VaultRefusal::NotGranted));
        lookup.setPurpose(QStringLiteral("contact"));
        QVERIFY(!lookup.lookUp());
        QCOMPARE(lookup.name(), QString());
        QCOMPARE(lookupEntries(), 0);
    }

    void aLookUpAsksWhyIsAuditedAndIsClearedOnLeavingAndLocking()
    {
        ParticipantRegister &reg = services().participants();
        QVERIFY(reg.createVault());
        QVERIFY(reg.dataManager());
        QVERIFY(reg.deviceRoleText().contains(QStringLiteral("data manager")));
        const QString id = enrolWithIdentity();
        QVERIFY(!id.isEmpty());
        const QString code = reg.lastEnrolledCode();

        IdentityLookup &lookup = services().identityLookup();
        QAbstractItemModelTester tester(lookup.lookups(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(lookup.open(id));
        QVERIFY(lookup.available());
        // No reason, no look-up.
        QVERIFY(!lookup.lookUp());
        QVERIFY(lookup.errorString().contains(QStringLiteral("Choose why")));
        QCOMPARE(lookupEntries(), 0);

        lookup.setPurpose(QStringLiteral("reconsent"));
        QVERIFY(lookup.lookUp());
        QVERIFY(lookup.shown());
        QCOMPARE(lookup.name(), kName);
        QCOMPARE(lookup.contact(), kContact);
        QCOMPARE(lookup.dateOfBirth(), QStringLiteral("1951-11-30"));
        QVERIFY(lookup.shownNotice().contains(QStringLiteral("recorded in the audit log")));
        QVERIFY(lookup.shownNotice().contains(code));

        // The audit entry: this device, the participant, the purpose; no name.
        const auto entries = domain::AuditLog(store(), services().clock()).entries().value();
        QCOMPARE(lookupEntries(), 1);
        const domain::AuditEntry &entry = entries.last();
        QCOMPARE(entry.action, QStringLiteral("identity_lookup"));
        QCOMPARE(entry.participantId, id);
        QCOMPARE(entry.details.value(QStringLiteral("purpose")).toString(), QStringLiteral("reconsent"));

        // The DPO's list: code, purpose, device and time; never the name.
        lookup.refreshLookups();
        QCOMPARE(lookup.lookupCount(), 1);
        const QModelIndex row = lookup.lookups()->index(0);
        QCOMPARE(row.data(IdentityAuditModel::CodeRole).toString(), code);
        QCOMPARE(row.data(IdentityAuditModel::PurposeRole).toString(), QStringLiteral("To ask for consent again"));
        const QString tag = domain::Participants::deviceTag(store().deviceSigningKey().publicKey);
        QCOMPARE(row.data(IdentityAuditModel::DeviceRole).toString(), QStringLiteral("%1 (this device)").arg(tag));
        QVERIFY(!row.data(IdentityAuditModel::WhenRole).toString().isEmpty());
        for (int role : lookup.lookups()->roleNames().keys())
            QVERIFY(!row.data(role).toString().contains(QStringLiteral("Ingrid")));

        // Leaving the identity screen forgets the details.
        Navigator &nav = services().navigator();
        QVERIFY(nav.push(QStringLiteral("identity")));
        QVERIFY(lookup.shown());
        QVERIFY(nav.push(QStringLiteral("identityAudit")));
        QVERIFY(!lookup.shown());
        QCOMPARE(lookup.name(), QString());
        QCOMPARE(lookup.contact(), QString());

        // So does locking; each look-up is recorded again.
        QVERIFY(nav.push(QStringLiteral("identity")));
        lookup.setPurpose(QStringLiteral("contact"));
        QVERIFY(lookup.lookUp());
        QCOMPARE(lookupEntries(), 2);
        QCOMPARE(lookup.name(), kName);
        services().session().lock();
        QVERIFY(!lookup.shown());
        QCOMPARE(lookup.name(), QString());
        QCOMPARE(lookup.lookupCount(), 0);
    }

    void identitiesNeverReachTheResearchDatabase()
    {
        ParticipantRegister &reg = services().participants();
        QVERIFY(reg.createVault());
        const QString id = enrolWithIdentity();
        IdentityLookup &lookup = services().identityLookup();
        QVERIFY(lookup.open(id));
        lookup.setPurpose(QStringLiteral("subject_access"));
        QVERIFY(lookup.lookUp());
        const QByteArray research = researchDatabaseBytes(store());
        QVERIFY(research.contains(reg.lastEnrolledCode().toUtf8()));
        for (const QString &secret : { QStringLiteral("Ingrid"), QStringLiteral("Wästberg"),
                 QStringLiteral("example.se"), QStringLiteral("1951-11-30") })
            QVERIFY2(!research.contains(secret.toUtf8()), qPrintable(secret));
        // Nor any list: the participants model shows codes only.
        ParticipantsModel *model = reg.participants();
        for (int r = 0; r < model->rowCount(); ++r) {
            for (int role : model->roleNames().keys())
                QVERIFY(!model->index(r).data(role).toString().contains(QStringLiteral("Ingrid")));
        }
    }

    void aMemberDeviceCannotBecomeTheDataManager()
    {
        ParticipantRegister &reg = services().participants();
        QVERIFY(reg.canCreateVault());
        // This device joined the project's sync server as a member.
        auto link = store().database().prepare(
            "INSERT INTO sync_projects(project_id, server_project, role, joined_ms) VALUES(?1, ?1, 'member', 0)");
        QVERIFY(link.ok());
        link->bind(1, services().session().projectId());
        QVERIFY(link->run().ok());
        reg.refresh();
        QVERIFY(!reg.canCreateVault());
        QVERIFY(!reg.createVault());
        QVERIFY(!domain::IdentityVault::exists(store()));
        QVERIFY(reg.vaultStatusText().contains(QStringLiteral("joined the project as a member")));
        QVERIFY(reg.deviceRoleText().contains(QStringLiteral("researcher's device")));
        // Names are refused; the code-only enrolment still works, and the code names this device.
        QVERIFY(!reg.enrol(QStringLiteral("patient"), QStringLiteral("65+"), {}, true, {}, kName, {}, {}, {}));
        QVERIFY(reg.enrol(QStringLiteral("patient"), QStringLiteral("65+"), {}, true, {}, {}, {}, {}, {}));
        const QString tag = domain::Participants::deviceTag(store().deviceSigningKey().publicKey);
        QVERIFY2(reg.lastEnrolledCode().startsWith(QStringLiteral("LC-%1-").arg(tag)), qPrintable(reg.lastEnrolledCode()));
        QVERIFY(reg.codeFormatText().contains(tag));
    }

    void twoParticipantsUnderOneCodeAreShownNotMerged()
    {
        ParticipantRegister &reg = services().participants();
        QVERIFY(reg.enrol(QStringLiteral("patient"), QStringLiteral("65+"), {}, true, {}, {}, {}, {}, {}));
        const QString code = reg.lastEnrolledCode();
        const QString first = reg.lastEnrolledId();
        const int before = reg.count();
        QCOMPARE(reg.duplicateCodesText(), QString());

        // A participant another device enrolled offline under the same code
        // (an older build without device tags), as sync delivers it.
        store::RecordChange change;
        change.id = QStringLiteral("0190f0c2-dddd-7000-8000-000000000001");
        change.kind = domain::Participants::kKind;
        change.projectId = services().session().projectId();
        change.participantRef = change.id;
        change.body.insert(QStringLiteral("code"), code);
        change.body.insert(QStringLiteral("number"), 1);
        change.body.insert(QStringLiteral("category"), QStringLiteral("citizen"));
        change.body.insert(QStringLiteral("age_band"), QStringLiteral("18-64"));
        QVERIFY(store().records().put(change).ok());

        reg.refresh();
        QCOMPARE(reg.count(), before + 1);   // both kept
        QVERIFY(reg.duplicateCodesText().contains(code));
        QVERIFY(reg.duplicateCodesText().contains(QStringLiteral("nothing was merged")));
        ParticipantsModel *model = reg.participants();
        int marked = 0;
        for (int r = 0; r < model->rowCount(); ++r)
            marked += model->index(r).data(ParticipantsModel::DuplicateCodeRole).toBool() ? 1 : 0;
        QCOMPARE(marked, 2);

        ParticipantConsent &consent = services().participantConsent();
        QVERIFY(consent.open(first));
        QVERIFY(consent.duplicateCodeText().contains(code));

        // The user gives this one a new code: the next free number, the old code kept with the record.
        QVERIFY(consent.giveNewCode());
        const QString newCode = consent.code();
        QVERIFY(newCode != code);
        QVERIFY2(consent.message().contains(newCode) && consent.message().contains(code), qPrintable(consent.message()));
        QCOMPARE(consent.duplicateCodeText(), QString());
        auto record = store().records().get(first);
        QCOMPARE(domain::Participants::previousCodes(record.value()), QStringList{code});
        reg.refresh();
        QCOMPARE(reg.duplicateCodesText(), QString());
        QCOMPARE(reg.count(), before + 1);
        // A code held by one participant only is not changed.
        QVERIFY(!consent.giveNewCode());
        QCOMPARE(consent.code(), newCode);
    }
};

QTEST_MAIN(TestUiIdentity)
#include "tst_ui_identity.moc"
