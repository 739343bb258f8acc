// The identity vault: its own file and key, opened only on a device holding the grant; every lookup audited.
#include "tst_consentfixture.h"

#include "app/domain/identityvault.h"
#include "app/store/keyfile.h"
#include "platform/db/database.h"

#include <QTest>

using namespace samla;
using namespace samla::domain;

namespace {

const IdentityDetails kAsa{QStringLiteral("Åsa Lindqvist"), QStringLiteral("asa.lindqvist@example.se"),
                           QStringLiteral("1948-03-02"), QString()};

QList<store::Record> auditRecords(store::LocalStore &store, const QString &participantId)
{
    auto rows = store.records().listForParticipant(IdentityVault::kAuditKind, participantId, 100);
    return rows.ok() ? rows.value() : QList<store::Record>();
}

QByteArray metaGrant(store::LocalStore &store)
{
    auto s = store.database().prepare("SELECT value FROM meta WHERE key = 'identity_vault_grant'");
    auto row = s->step();
    return row.ok() && row.value() ? s->columnBlob(0) : QByteArray();
}

} // namespace

class TestVault : public QObject {
    Q_OBJECT

    std::unique_ptr<test::ConsentFixture> f;
    Participant m_p;

    std::unique_ptr<IdentityVault> createVaultWithAsa()
    {
        auto vault = IdentityVault::create(*f->store, f->clock);
        if (!vault.ok())
            return nullptr;
        auto p = Participants(f->store->records()).enrol(f->project.id, {}, kAsa, *vault.value());
        if (!p.ok())
            return nullptr;
        m_p = p.value();
        return std::move(vault.value());
    }

private slots:
    void initTestCase() { QVERIFY(crypto::initialize().ok()); }

    void init()
    {
        f = std::make_unique<test::ConsentFixture>();
        QVERIFY(f->setUp());
    }

    void cleanup() { f.reset(); }

    void noVaultYet()
    {
        QVERIFY(!IdentityVault::exists(*f->store));
        auto opened = IdentityVault::open(*f->store, f->clock);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.refusal, VaultRefusal::NotCreated);
        QVERIFY(!vaultRefusalText(opened.refusal).isEmpty());
    }

    void theCreatingDeviceHoldsTheGrant()
    {
        QVERIFY(createVaultWithAsa());
        QVERIFY(IdentityVault::exists(*f->store));
        QVERIFY(IdentityVault::hasGrant(*f->store));
        QVERIFY(QFileInfo(f->dataDir() + QStringLiteral("/vault.db")).exists());
        // Owner-only, like the device database.
        QCOMPARE(QFileInfo(f->dataDir() + QStringLiteral("/vault.db")).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
        // A second create is refused rather than replacing the vault and losing its key.
        QCOMPARE(IdentityVault::create(*f->store, f->clock).code(), ErrorCode::AlreadyExists);

        // Reopened after the device store was closed and unlocked again.
        f->store.reset();
        auto reopened = store::LocalStore::unlock(f->dataDir(), test::secure(test::kFixturePass), f->clock);
        QVERIFY(reopened.ok());
        f->store = std::move(reopened.value());
        auto opened = IdentityVault::open(*f->store, f->clock);
        QVERIFY(opened.ok());
        QCOMPARE(opened.vault->lookup(m_p.id, LookupPurpose::Contact).value(), kAsa);
    }

    void withoutTheGrantTheVaultDoesNotOpen()
    {
        auto vault = createVaultWithAsa();
        QVERIFY(vault);
        vault.reset();
        QVERIFY(IdentityVault::revokeGrant(*f->store).ok());
        QVERIFY(!IdentityVault::hasGrant(*f->store));
        auto opened = IdentityVault::open(*f->store, f->clock);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.refusal, VaultRefusal::NotGranted);
        QVERIFY(vaultRefusalText(opened.refusal).contains(QLatin1String("has not been granted the data-manager role")));
    }

    void theDeviceDatabaseKeyDoesNotOpenIt()
    {
        QVERIFY(createVaultWithAsa());
        auto keyFile = store::KeyFile::load(f->dataDir() + QStringLiteral("/samla.keys"));
        QVERIFY(keyFile.ok());
        auto databaseKey = keyFile->unlockWithPassphrase(test::secure(test::kFixturePass));
        QVERIFY(databaseKey.ok());
        // The same key does open the device database: the attempt below is a fair one.
        QVERIFY(db::Database::open(f->dataDir() + QStringLiteral("/samla.db"), databaseKey.value(), {}).ok());
        auto vaultDb = db::Database::open(f->dataDir() + QStringLiteral("/vault.db"), databaseKey.value(), {});
        QVERIFY(!vaultDb.ok());
        QCOMPARE(vaultDb.code(), ErrorCode::WrongKey);
    }

    void anotherDevicesGrantDoesNotOpenIt()
    {
        QVERIFY(createVaultWithAsa());
        // A second device with its own vault; its grant copied over ours.
        test::ConsentFixture other;
        QVERIFY(other.setUp());
        QVERIFY(IdentityVault::create(*other.store, other.clock).ok());
        auto s = f->store->database().prepare("UPDATE meta SET value = ?1 WHERE key = 'identity_vault_grant'");
        s->bindBlob(1, metaGrant(*other.store));
        QVERIFY(s->run().ok());
        auto opened = IdentityVault::open(*f->store, f->clock);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.refusal, VaultRefusal::GrantInvalid);
    }

    void namesAreNotInClearInAnyFile()
    {
        auto vault = createVaultWithAsa();
        QVERIFY(vault);
        QVERIFY(vault->lookup(m_p.id, LookupPurpose::Contact).ok());
        vault.reset();
        for (const QString &secret : {kAsa.name, QStringLiteral("Lindqvist"), kAsa.contact, kAsa.dateOfBirth})
            QCOMPARE(test::filesContaining(f->dataDir(), secret.toUtf8()), QStringList());
        QVERIFY(!m_p.code.contains(QLatin1String("Lindqvist")));
    }

    void everyLookupIsAuditedWithoutTheName()
    {
        auto vault = createVaultWithAsa();
        QVERIFY(vault);
        const int before = int(auditRecords(*f->store, m_p.id).size());   // the save is audited too
        f->clock.advance(5000);
        auto identity = vault->lookup(m_p.id, LookupPurpose::Reconsent);
        QVERIFY(identity.ok());
        const QList<store::Record> audit = auditRecords(*f->store, m_p.id);
        QCOMPARE(audit.size(), before + 1);
        const store::Record &entry = audit.last();
        QCOMPARE(entry.projectId, f->project.id);
        QCOMPARE(entry.body.value(QStringLiteral("action")).toString(), QStringLiteral("identity_lookup"));
        QCOMPARE(entry.body.value(QStringLiteral("participant")).toString(), m_p.id);
        QCOMPARE(entry.body.value(QStringLiteral("at_ms")).toInteger(), f->clock.nowMs());
        QCOMPARE(entry.body.value(QStringLiteral("details")).toMap().value(QStringLiteral("purpose")).toString(),
                 QStringLiteral("reconsent"));
        const QByteArray bytes = QCborValue(entry.body).toCbor();
        QVERIFY(!bytes.contains(kAsa.name.toUtf8()));
        QVERIFY(!bytes.contains(QByteArrayLiteral("Lindqvist")));
        // It is an outgoing record like any other: the audit trail syncs.
        auto outbox = f->store->records().outbox(0, 1000);
        QCOMPARE(outbox->last().recordId, entry.id);
    }

    void noIdentityWithoutItsAuditEntry()
    {
        auto vault = createVaultWithAsa();
        QVERIFY(vault);
        const int before = int(auditRecords(*f->store, m_p.id).size());
        f->store->database().failAfter(0);
        auto identity = vault->lookup(m_p.id, LookupPurpose::Contact);
        f->store->database().failAfter(-1);
        QVERIFY(!identity.ok());
        QCOMPARE(int(auditRecords(*f->store, m_p.id).size()), before);
    }

    void theGrantCanBeHandedToAnotherDataManagerDevice()
    {
        auto vault = createVaultWithAsa();
        QVERIFY(vault);
        const crypto::BoxKeyPair device = crypto::generateBoxKeyPair();
        const QByteArray sealed = vault->sealGrantFor(device.publicKey);
        QVERIFY(!sealed.isEmpty());
        vault.reset();
        QVERIFY(IdentityVault::revokeGrant(*f->store).ok());
        QCOMPARE(IdentityVault::open(*f->store, f->clock).refusal, VaultRefusal::NotGranted);

        // Only the device the grant was sealed to can accept it.
        const crypto::BoxKeyPair stranger = crypto::generateBoxKeyPair();
        QVERIFY(!IdentityVault::acceptGrant(*f->store, stranger, sealed).ok());
        QVERIFY(!IdentityVault::hasGrant(*f->store));
        QVERIFY(IdentityVault::acceptGrant(*f->store, device, sealed).ok());
        auto opened = IdentityVault::open(*f->store, f->clock);
        QVERIFY(opened.ok());
        QCOMPARE(opened.vault->lookup(m_p.id, LookupPurpose::DataManagement).value(), kAsa);
    }

    void erasureRemovesTheIdentity()
    {
        auto vault = createVaultWithAsa();
        QVERIFY(vault);
        QCOMPARE(vault->count().value(), 1);
        QVERIFY(vault->erase(m_p.id).ok());
        QCOMPARE(vault->count().value(), 0);
        QCOMPARE(vault->lookup(m_p.id, LookupPurpose::Erasure).code(), ErrorCode::NotFound);
        QCOMPARE(auditRecords(*f->store, m_p.id).last().body.value(QStringLiteral("action")).toString(),
                 QStringLiteral("identity_erased"));
    }
};

QTEST_MAIN(TestVault)
#include "tst_vault.moc"
