// The identity vault: its own file and key, opened only on a device holding the grant; every lookup audited.
#include "tst_consentfixture.h"

#include "app/domain/identityvault.h"
#include "app/domain/identityvaultinternal.h"
#include "app/domain/participantdata.h"
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

// Another device, with its own data directory, store and keys.
struct Device {
    test::ConsentFixture f;
};

// Carries the ops `from` wrote since `cursor` to `to`, as sync would.
bool transfer(store::LocalStore &from, store::LocalStore &to, std::int64_t &cursor)
{
    auto out = from.records().outbox(cursor, 100000);
    if (!out.ok())
        return false;
    QList<QByteArray> ops;
    for (const store::OutboxEntry &e : out.value()) {
        ops.append(e.body);
        cursor = e.deviceSeq;
    }
    return to.records().applyRemote(ops, "test_cursor", QByteArray::number(qint64(cursor))).ok();
}

} // namespace

class TestVault : public QObject {
    Q_OBJECT

    std::unique_ptr<test::ConsentFixture> f;
    Participant m_p;
    std::int64_t m_fromA = 0;
    std::int64_t m_fromB = 0;

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
        m_fromA = m_fromB = 0;
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

    // --- A second data-manager device, through the records sync carries ---

    void identitiesTravelOnlySealed()
    {
        auto vault = createVaultWithAsa();
        QVERIFY(vault);
        auto entry = f->store->records().get(vault::entryRecordId(m_p.id));
        QVERIFY(entry.ok());
        QCOMPARE(entry->kind, IdentityVault::kEntryKind);
        QCOMPARE(entry->participantRef, m_p.id);
        const QByteArray bytes = QCborValue(entry->body).toCbor();
        for (const QString &secret : {kAsa.name, QStringLiteral("Lindqvist"), kAsa.contact, kAsa.dateOfBirth})
            QVERIFY(!bytes.contains(secret.toUtf8()));
        // Padded: a short and a long name seal to the same size.
        const int sealedSize = int(entry->body.value(QStringLiteral("sealed")).toByteArray().size());
        QVERIFY(vault->save(m_p.id, f->project.id, {QStringLiteral("Bo"), {}, {}, {}}).ok());
        entry = f->store->records().get(vault::entryRecordId(m_p.id));
        QCOMPARE(int(entry->body.value(QStringLiteral("sealed")).toByteArray().size()), sealedSize);
        // It goes out with the project's other records.
        bool queued = false;
        const auto outbox = f->store->records().outbox(0, 1000);
        for (const store::OutboxEntry &e : outbox.value())
            queued = queued || e.recordId == entry->id;
        QVERIFY(queued);
    }

    void aSecondDataManagerReceivesTheRegisterAndBothStayLevel()
    {
        auto vault = createVaultWithAsa();
        QVERIFY(vault);
        Device b;
        QVERIFY(b.f.setUp());
        const QByteArray aKey = f->store->deviceSigningKey().publicKey;
        auto trustA = [aKey](const QString &, QByteArrayView granter) { return granter == QByteArrayView(aKey); };

        // Before a grant, B carries the sealed records and cannot read them.
        QVERIFY(transfer(*f->store, *b.f.store, m_fromA));
        QCOMPARE(IdentityVault::acceptGrants(*b.f.store, b.f.clock, trustA).value(), 0);
        QVERIFY(!IdentityVault::exists(*b.f.store));
        QCOMPARE(test::filesContaining(b.f.dataDir(), QByteArrayLiteral("Lindqvist")), QStringList());

        QVERIFY(vault->grantTo(f->project.id, b.f.store->deviceSigningKey().publicKey,
                               b.f.store->deviceBoxKey().publicKey).ok());
        auto granted = IdentityVault::grants(*f->store, f->project.id);
        QCOMPARE(granted->size(), 1);
        QCOMPARE(granted->first().recipient, b.f.store->deviceSigningKey().publicKey);
        QCOMPARE(granted->first().granter, aKey);
        QVERIFY(transfer(*f->store, *b.f.store, m_fromA));
        QCOMPARE(IdentityVault::acceptGrants(*b.f.store, b.f.clock, trustA).value(), 1);
        QVERIFY(IdentityVault::hasGrant(*b.f.store));
        {
            auto opened = IdentityVault::open(*b.f.store, b.f.clock);
            QVERIFY(opened.ok());
            QCOMPARE(opened.vault->lookup(m_p.id, LookupPurpose::DataManagement).value(), kAsa);
            // B corrects the contact details; A sees the correction.
            IdentityDetails moved = kAsa;
            moved.contact = QStringLiteral("0701-234567");
            b.f.clock.advance(60'000);
            QVERIFY(opened.vault->save(m_p.id, f->project.id, moved).ok());
        }
        // The register is its own file under its own key on B too.
        QCOMPARE(test::filesContaining(b.f.dataDir(), QByteArrayLiteral("Lindqvist")), QStringList());
        QVERIFY(transfer(*b.f.store, *f->store, m_fromB));
        vault.reset();
        auto reopened = IdentityVault::open(*f->store, f->clock);
        QVERIFY(reopened.ok());
        QCOMPARE(reopened.vault->lookup(m_p.id, LookupPurpose::Contact)->contact, QStringLiteral("0701-234567"));

        // An erasure on A reaches B's register.
        QVERIFY(reopened.vault->erase(m_p.id).ok());
        QVERIFY(transfer(*f->store, *b.f.store, m_fromA));
        auto onB = IdentityVault::open(*b.f.store, b.f.clock);
        QVERIFY(onB.ok());
        QCOMPARE(onB.vault->lookup(m_p.id, LookupPurpose::Erasure).code(), ErrorCode::NotFound);
        QCOMPARE(onB.vault->count().value(), 0);
    }

    void aGrantFromAnUntrustedDeviceOrForAnotherDeviceIsNotTaken()
    {
        auto vault = createVaultWithAsa();
        QVERIFY(vault);
        Device b, c;
        QVERIFY(b.f.setUp());
        QVERIFY(c.f.setUp());
        // For C, not B.
        QVERIFY(vault->grantTo(f->project.id, c.f.store->deviceSigningKey().publicKey,
                               c.f.store->deviceBoxKey().publicKey).ok());
        QVERIFY(transfer(*f->store, *b.f.store, m_fromA));
        auto trustAll = [](const QString &, QByteArrayView) { return true; };
        QCOMPARE(IdentityVault::acceptGrants(*b.f.store, b.f.clock, trustAll).value(), 0);
        QVERIFY(!IdentityVault::exists(*b.f.store));
        // For C, but C does not trust the device that signed it.
        std::int64_t cursor = 0;
        QVERIFY(transfer(*f->store, *c.f.store, cursor));
        auto trustNone = [](const QString &, QByteArrayView) { return false; };
        QCOMPARE(IdentityVault::acceptGrants(*c.f.store, c.f.clock, trustNone).value(), 0);
        QVERIFY(!IdentityVault::exists(*c.f.store));
        QVERIFY(!IdentityVault::hasGrant(*c.f.store));
        // A grant for B with D written in as the recipient: the signature no longer holds.
        Device d;
        QVERIFY(d.f.setUp());
        QVERIFY(vault->grantTo(f->project.id, b.f.store->deviceSigningKey().publicKey,
                               d.f.store->deviceBoxKey().publicKey).ok());
        store::Record forB;
        const auto grantRecords = f->store->records().listKind(IdentityVault::kGrantKind, 10);
        for (const store::Record &r : grantRecords.value())
            if (r.body.value(QStringLiteral("recipient")).toByteArray() == b.f.store->deviceSigningKey().publicKey)
                forB = r;
        QVERIFY(!forB.id.isEmpty());
        store::RecordChange forged;
        forged.id = forB.id;
        forged.kind = forB.kind;
        forged.projectId = forB.projectId;
        forged.body = forB.body;
        forged.body.insert(QStringLiteral("recipient"), QCborValue(d.f.store->deviceSigningKey().publicKey));
        QVERIFY(f->store->records().put(forged).ok());
        std::int64_t toD = 0;
        QVERIFY(transfer(*f->store, *d.f.store, toD));
        QCOMPARE(IdentityVault::acceptGrants(*d.f.store, d.f.clock, trustAll).value(), 0);
        QVERIFY(!IdentityVault::exists(*d.f.store));
        // Only the honest grants are listed for the DPO.
        QCOMPARE(IdentityVault::grants(*f->store, f->project.id)->size(), 1);
    }

    void erasingResearchDataLeavesTheIdentityToTheDataManager()
    {
        auto vault = createVaultWithAsa();
        QVERIFY(vault);
        vault.reset();
        QVERIFY(ParticipantData(*f->store, f->clock).erase(m_p.id).ok());
        // Re-opening reconciles the register with the records: the identity stays.
        auto opened = IdentityVault::open(*f->store, f->clock);
        QVERIFY(opened.ok());
        QCOMPARE(opened.vault->lookup(m_p.id, LookupPurpose::Erasure).value(), kAsa);
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
