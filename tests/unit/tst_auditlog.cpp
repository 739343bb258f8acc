// The audit trail: signed, hash-chained entries; any change, gap or cut is found.
#include "testsupport.h"

#include "app/domain/auditlog.h"
#include "app/domain/identityvault.h"
#include "app/store/localstore.h"
#include "app/store/recordstore.h"
#include "platform/db/database.h"
#include "sync/protocol/canonicalcbor.h"

#include <QCborValue>
#include <QTemporaryDir>
#include <QTest>

using namespace samla;
using namespace samla::domain;

namespace {

const char *kPass = "a test passphrase";
const QString kProject = QStringLiteral("p-1");

// Rewrites an audit record's stored body, as someone with the database key could.
bool rewriteBody(store::LocalStore &store, const QString &recordId, const QCborMap &body)
{
    auto s = store.database().prepare("UPDATE records SET body = ?1 WHERE id = ?2");
    if (!s.ok())
        return false;
    s->bindBlob(1, protocol::encodeCanonical(body)).bind(2, recordId);
    return s->run().ok();
}

// Deletes an audit record and its outbox op, as someone with the database key could.
bool deleteRecord(store::LocalStore &store, const QString &recordId)
{
    for (const char *sql : {"DELETE FROM outbox WHERE rid = (SELECT rid FROM records WHERE id = ?1)",
                            "DELETE FROM records WHERE id = ?1"}) {
        auto s = store.database().prepare(sql);
        if (!s.ok())
            return false;
        s->bind(1, recordId);
        if (!s->run().ok())
            return false;
    }
    return true;
}

} // namespace

class TestAuditLog : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::LocalStore> m_store;
    ManualClock m_clock{1'750'000'000'000};

    QList<AuditEntry> appendFive()
    {
        AuditLog log(*m_store, m_clock);
        QList<AuditEntry> out;
        for (int i = 0; i < 5; ++i) {
            m_clock.advance(1000);
            auto e = log.append(QStringLiteral("identity_lookup"), kProject, QStringLiteral("participant-%1").arg(i),
                                {{QStringLiteral("purpose"), QStringLiteral("re_consent_contact")}});
            if (e.ok())
                out.append(e.value());
        }
        return out;
    }

private slots:
    void initTestCase() { QVERIFY(crypto::initialize().ok()); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        auto created = store::LocalStore::create(m_dir->path(), test::secure(kPass), test::cheapKdf(), m_clock);
        QVERIFY(created.ok());
        m_store = std::move(created->store);
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void entriesAreChainedSignedAndVerify()
    {
        const QList<AuditEntry> written = appendFive();
        QCOMPARE(written.size(), 5);
        QCOMPARE(written[0].seq, 1);
        QCOMPARE(written[0].prev, QByteArray(32, '\0'));
        for (int i = 1; i < 5; ++i) {
            QCOMPARE(written[i].seq, i + 1);
            QCOMPARE(written[i].prev, AuditLog::entryHash(written[i - 1]));
            QVERIFY(crypto::verify(written[i].device, AuditLog::signedBytes(written[i]), written[i].signature));
        }
        auto check = AuditLog(*m_store, m_clock).verify();
        QVERIFY(check.ok());
        QVERIFY2(check->ok, qPrintable(check->problem));
        QCOMPARE(check->entries, 5);
        // Entries go out like any record (one outbox op each).
        QCOMPARE(m_store->records().lastDeviceSeq().value(), 5);
    }

    void theChainGoesOnAfterLockingAndUnlocking()
    {
        const QList<AuditEntry> before = appendFive();
        const QByteArray device = before.last().device;
        m_store.reset();
        auto unlocked = store::LocalStore::unlock(m_dir->path(), test::secure(kPass), m_clock);
        QVERIFY(unlocked.ok());
        m_store = std::move(unlocked.value());
        AuditLog log(*m_store, m_clock);
        auto next = log.append(QStringLiteral("participant_data_erased"), kProject, QStringLiteral("participant-1"));
        QVERIFY(next.ok());
        QCOMPARE(next->seq, 6);
        QCOMPARE(next->device, device);
        QCOMPARE(next->prev, AuditLog::entryHash(before.last()));
        QVERIFY(log.verify()->ok);
    }

    void aChangedEntryIsFound()
    {
        const QList<AuditEntry> written = appendFive();
        auto record = m_store->records().get(written[2].recordId);
        QVERIFY(record.ok());
        QCborMap body = record->body;
        body.insert(QStringLiteral("action"), QStringLiteral("nothing_happened"));
        QVERIFY(rewriteBody(*m_store, written[2].recordId, body));
        auto check = AuditLog(*m_store, m_clock).verify();
        QVERIFY(!check->ok);
        QCOMPARE(check->firstBadSeq, 3);
        QCOMPARE(check->problem, QStringLiteral("signature"));
    }

    void aResignedEntryWithAnotherKeyIsFound()
    {
        // Someone re-signs a changed entry with a key of their own: the
        // entry no longer belongs to this device, which leaves a gap.
        const QList<AuditEntry> written = appendFive();
        AuditEntry forged = written[1];
        forged.action = QStringLiteral("nothing_happened");
        const crypto::SignKeyPair other = crypto::generateSignKeyPair();
        forged.device = other.publicKey;
        forged.signature = crypto::sign(other.secretKey, AuditLog::signedBytes(forged));
        auto record = m_store->records().get(written[1].recordId);
        QCborMap body = record->body;
        body.insert(QStringLiteral("action"), forged.action);
        body.insert(QStringLiteral("device"), forged.device);
        body.insert(QStringLiteral("sig"), forged.signature);
        QVERIFY(rewriteBody(*m_store, written[1].recordId, body));
        auto check = AuditLog(*m_store, m_clock).verify();
        QVERIFY(!check->ok);
        QCOMPARE(check->firstBadSeq, 3);
        QCOMPARE(check->problem, QStringLiteral("gap"));
    }

    void aRemovedEntryIsFound()
    {
        const QList<AuditEntry> written = appendFive();
        QVERIFY(deleteRecord(*m_store, written[1].recordId));
        auto check = AuditLog(*m_store, m_clock).verify();
        QVERIFY(!check->ok);
        QCOMPARE(check->firstBadSeq, 3);
        QCOMPARE(check->problem, QStringLiteral("gap"));
    }

    void removingTheNewestEntriesIsFound()
    {
        const QList<AuditEntry> written = appendFive();
        QVERIFY(deleteRecord(*m_store, written[4].recordId));
        QVERIFY(deleteRecord(*m_store, written[3].recordId));
        auto check = AuditLog(*m_store, m_clock).verify();
        QVERIFY(!check->ok);
        QCOMPARE(check->firstBadSeq, 4);
        QCOMPARE(check->problem, QStringLiteral("missing newest"));
    }

    void identityLookupsAreAuditedInTheChain()
    {
        auto vault = IdentityVault::create(*m_store, m_clock);
        QVERIFY2(vault.ok(), qPrintable(vault.ok() ? QString() : vault.error().detail));
        const QString participant = QStringLiteral("0192aaaa-0000-7000-8000-000000000001");
        QVERIFY(vault.value()
                    ->save(participant, kProject,
                           IdentityDetails{QStringLiteral("Åsa Lindqvist"), QStringLiteral("070-123 45 67"),
                                           QStringLiteral("1948-03-02"), QString()})
                    .ok());
        QVERIFY(vault.value()->lookup(participant, LookupPurpose::Reconsent).ok());
        auto trail = AuditLog(*m_store, m_clock).entries();
        QVERIFY(trail.ok());
        QVERIFY(!trail->isEmpty());
        const AuditEntry &last = trail->last();
        QCOMPARE(last.participantId, participant);
        QVERIFY(last.action.contains(QLatin1String("lookup")));
        // Pseudonymous only: nothing of the identity is in the entry.
        const QByteArray signedBytes = AuditLog::signedBytes(last);
        QVERIFY(!signedBytes.contains("Lindqvist"));
        QVERIFY(!signedBytes.contains("070-123"));
        QVERIFY(AuditLog(*m_store, m_clock).verify()->ok);
    }
};

QTEST_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
