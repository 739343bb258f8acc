// Erasure: a withdrawal with "also remove existing data" removes the participant's data from the device.
#include "tst_consentfixture.h"

#include "app/domain/auditlog.h"
#include "app/domain/notes.h"
#include "app/domain/participantdata.h"
#include "app/store/attachmentstore.h"
#include "app/store/recordstore.h"
#include "platform/db/database.h"

#include <QBuffer>
#include <QCborArray>
#include <QDir>
#include <QFileInfo>
#include <QTest>

using namespace samla;
using namespace samla::domain;

namespace {

// A word no other text in the store shares a prefix with, so FTS3's
// prefix-compressed term lists store it whole.
const QByteArray kCanary = "xylofonkanarie";

QByteArray allBlobs(db::Database &db, const char *sql, bool storedBodies = false)
{
    QByteArray all;
    auto s = db.prepare(sql);
    if (!s.ok())
        return "query failed";
    for (auto row = s->step(); row.ok() && row.value(); row = s->step())
        all += storedBodies ? store::storedBodyToCbor(s->columnBlob(0)) : s->columnBlob(0);
    return all;
}

ConsentEvent withdrawal(const QString &participantId, WithdrawalScope scope)
{
    ConsentEvent e;
    e.participantId = participantId;
    e.type = ConsentEventType::Withdrawal;
    e.scope = scope;
    e.obtainedBy = QStringLiteral("R1");
    return e;
}

} // namespace

class TestErasure : public QObject {
    Q_OBJECT

    std::unique_ptr<test::ConsentFixture> f;

    // A note about the participant (with an edit, so it has history) and an
    // attachment its body refers to. Returns the note's id.
    QString noteAbout(const QString &participantId, const QString &text, QString *attachmentHash = nullptr)
    {
        Notes notes(f->store->records());
        auto note = notes.create(f->project.id, QStringLiteral("Samtal"), text + QStringLiteral(" första"));
        if (!note.ok())
            return {};
        auto record = f->store->records().get(note->id);
        store::RecordChange change;
        change.id = note->id;
        change.kind = record->kind;
        change.projectId = record->projectId;
        change.participantRef = participantId;
        change.body = record->body;
        change.body.insert(QStringLiteral("text"), text);
        if (attachmentHash) {
            QBuffer photo;
            photo.setData(QByteArray("photo of ") + text.toUtf8());
            photo.open(QIODevice::ReadOnly);
            auto ref = f->store->attachments().write(photo, f->store->attachmentKeyFor(note->id));
            if (!ref.ok())
                return {};
            *attachmentHash = ref->hash;
            change.body.insert(QStringLiteral("attachments"),
                               QCborArray{QCborMap{{QStringLiteral("hash"), ref->hash},
                                                   {QStringLiteral("size"), qint64(ref->plainSize)}}});
        }
        return f->store->records().put(change).ok() ? note->id : QString();
    }

private slots:
    void initTestCase() { QVERIFY(crypto::initialize().ok()); }

    void init()
    {
        f = std::make_unique<test::ConsentFixture>();
        ProjectSettings settings = test::cafeSettings();
        settings.withdrawalPolicy = WithdrawalPolicy::StopAndErase;
        QVERIFY(f->setUp(settings));
    }

    void cleanup() { f.reset(); }

    void withdrawalWithRemoveErasesEverythingButTheConsentRecord()
    {
        const Participant p = f->enrol();
        const Participant q = f->enrol();
        auto log = f->log();
        QVERIFY(log.takeConsent(f->capture(p.id)).ok());
        QVERIFY(log.takeConsent(f->capture(q.id)).ok());
        QString hash;
        const QString pNote = noteAbout(p.id, QString::fromLatin1(kCanary) + QStringLiteral(" i dagrummet"), &hash);
        const QString qNote = noteAbout(q.id, QStringLiteral("Q talar om kaffe"));
        QVERIFY(!pNote.isEmpty() && !qNote.isEmpty());
        QVERIFY(QFileInfo::exists(f->dataDir() + QStringLiteral("/attachments/") + hash));
        Notes notes(f->store->records());
        QCOMPARE(notes.search(f->project.id, QString::fromLatin1(kCanary), 10)->size(), 1);
        // An audit entry about the participant (as an identity lookup writes).
        AuditLog audit(*f->store, f->clock);
        auto auditEntry = audit.append(QStringLiteral("identity_lookup"), f->project.id, p.id);
        QVERIFY(auditEntry.ok());
        const std::int64_t seqBefore = f->store->records().lastDeviceSeq().value();
        const int consentEventsBefore = int(log.events(p.id)->size());

        QVERIFY(log.record(withdrawal(p.id, WithdrawalScope::RemoveExistingData)).ok());

        // The note is a deleted, empty tombstone with no history.
        auto gone = f->store->records().get(pNote);
        QVERIFY(gone.ok());
        QVERIFY(gone->deleted);
        QVERIFY(gone->body.isEmpty());
        QCOMPARE(f->store->records().versions(pNote)->size(), 1);
        QCOMPARE(notes.search(f->project.id, QString::fromLatin1(kCanary), 10)->size(), 0);
        QVERIFY(!QFileInfo::exists(f->dataDir() + QStringLiteral("/attachments/") + hash));

        // No table holds the words any more: bodies, history, unsent ops, and
        // the full-text index's content, segments and segment roots.
        db::Database &db = f->store->database();
        QVERIFY(!allBlobs(db, "SELECT body FROM records", true).contains(kCanary));
        QVERIFY(!allBlobs(db, "SELECT body FROM record_versions", true).contains(kCanary));
        QVERIFY(!allBlobs(db, "SELECT body FROM outbox").contains(kCanary));
        QVERIFY(!allBlobs(db, "SELECT c1text FROM search_index_content").contains(kCanary));
        QVERIFY(!allBlobs(db, "SELECT block FROM search_index_segments").contains(kCanary));
        QVERIFY(!allBlobs(db, "SELECT root FROM search_index_segdir").contains(kCanary));
        // The WAL, which held the pages as they were, is emptied.
        QCOMPARE(QFileInfo(f->dataDir() + QStringLiteral("/samla.db-wal")).size(), 0);

        // The outbox stays gapless: the withdrawal, the erase op, the audit entry.
        auto ops = f->store->records().outbox(seqBefore, 100);
        QVERIFY(ops.ok());
        QCOMPARE(ops->size(), 3);
        QCOMPARE(ops->at(0).deviceSeq, seqBefore + 1);
        QCOMPARE(ops->at(1).deviceSeq, seqBefore + 2);
        const QCborMap eraseOp = QCborValue::fromCbor(ops->at(1).body).toMap();
        QCOMPARE(eraseOp.value(QStringLiteral("id")).toString(), pNote);
        QVERIFY(eraseOp.value(QStringLiteral("erased")).toBool());
        QVERIFY(eraseOp.value(QStringLiteral("deleted")).toBool());
        // Earlier ops of the note keep their place in the sequence, not their content.
        auto all = f->store->records().outbox(0, 1000);
        int strippedOps = 0;
        for (const store::OutboxEntry &e : *all) {
            const QCborMap op = QCborValue::fromCbor(e.body).toMap();
            if (op.value(QStringLiteral("id")).toString() == pNote && op.value(QStringLiteral("erased")).toBool())
                ++strippedOps;
        }
        QCOMPARE(strippedOps, 3); // create, link to the participant, erase

        // The consent record (with the withdrawal) and the other participant's note stay.
        QCOMPARE(int(log.events(p.id)->size()), consentEventsBefore + 1);
        QCOMPARE(notes.search(f->project.id, QStringLiteral("kaffe"), 10)->size(), 1);
        QVERIFY(!f->store->records().get(qNote)->deleted);
        QVERIFY(!f->store->records().get(auditEntry->recordId)->deleted);
        // The audit trail keeps a pseudonymous tombstone of the erasure.
        auto trail = audit.entries();
        QVERIFY(trail.ok());
        const AuditEntry &tombstone = trail->last();
        QCOMPARE(tombstone.action, QStringLiteral("participant_data_erased"));
        QCOMPARE(tombstone.participantId, p.id);
        QCOMPARE(tombstone.details.value(QStringLiteral("records")).toInteger(), 1);
        QCOMPARE(tombstone.details.value(QStringLiteral("attachments")).toInteger(), 1);
        QVERIFY(audit.verify()->ok);
        QCOMPARE(f->gate().mayCollect(p.id, Activity::Observation).reason, Reason::Withdrawn);

        // Running it again finds nothing more to erase.
        auto again = ParticipantData(*f->store, f->clock).erase(p.id);
        QVERIFY(again.ok());
        QCOMPARE(again->records, 0);
    }

    void withdrawalThatKeepsDataErasesNothing()
    {
        const Participant p = f->enrol();
        auto log = f->log();
        QVERIFY(log.takeConsent(f->capture(p.id)).ok());
        const QString note = noteAbout(p.id, QString::fromLatin1(kCanary));
        QVERIFY(log.record(withdrawal(p.id, WithdrawalScope::NoNewData)).ok());
        auto kept = f->store->records().get(note);
        QVERIFY(kept.ok());
        QVERIFY(!kept->deleted);
        QCOMPARE(Notes(f->store->records()).search(f->project.id, QString::fromLatin1(kCanary), 10)->size(), 1);
    }
};

QTEST_MAIN(TestErasure)
#include "tst_erasure.moc"
