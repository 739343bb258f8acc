// RecordStore: one transaction per write, a gapless outbox, versions, search, HLC stamps.
#include "testsupport.h"

#include "app/domain/notes.h"
#include "app/store/localstore.h"
#include "app/store/migrations.h"
#include "app/store/recordstore.h"
#include "platform/crypto/crypto.h"
#include "platform/db/database.h"
#include "sync/protocol/canonicalcbor.h"
#include "sync/protocol/hlc.h"

#include <QCborMap>
#include <QCborValue>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace samla;
using namespace samla::store;

namespace {

const char *kPass = "a test passphrase";

std::int64_t countRows(db::Database &db, const char *sql)
{
    auto s = db.prepare(sql);
    if (!s.ok() || !s->step().ok())
        return -1;
    return s->columnInt(0);
}

struct Counts {
    std::int64_t records, versions, outbox, search, lastSeq;
    bool operator==(const Counts &) const = default;
};

Counts counts(LocalStore &store)
{
    db::Database &db = store.database();
    return {countRows(db, "SELECT count(*) FROM records"), countRows(db, "SELECT count(*) FROM record_versions"),
            countRows(db, "SELECT count(*) FROM outbox"), countRows(db, "SELECT count(*) FROM search_index"),
            store.records().lastDeviceSeq().ok() ? store.records().lastDeviceSeq().value() : -1};
}

} // namespace

class TestRecordStore : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
    ManualClock m_clock{1'750'000'000'000};
    QString m_project = QStringLiteral("p-1");

private slots:
    void initTestCase() { QVERIFY(crypto::initialize().ok()); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        auto created = LocalStore::create(m_dir->path(), test::secure(kPass), test::cheapKdf(), m_clock);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().detail));
        m_store = std::move(created->store);
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void everyWriteAddsExactlyOneOutboxEntryWithTheNextSeq()
    {
        domain::Notes notes(m_store->records());
        QStringList ids;
        for (int i = 0; i < 20; ++i)
            ids << notes.create(m_project, QStringLiteral("Note %1").arg(i), QStringLiteral("text"))->id;
        for (int i = 0; i < 30; ++i)
            QVERIFY(notes.update(ids[i % ids.size()], QStringLiteral("Edited %1").arg(i), QStringLiteral("t")).ok());

        auto outbox = m_store->records().outbox(0, 1000);
        QVERIFY(outbox.ok());
        QCOMPARE(outbox->size(), 50);
        QSet<QByteArray> opIds;
        for (int i = 0; i < outbox->size(); ++i) {
            const OutboxEntry &e = outbox->at(i);
            QCOMPARE(e.deviceSeq, std::int64_t(i + 1));
            QCOMPARE(e.opId.size(), 16);
            opIds.insert(e.opId);
            const QCborMap op = QCborValue::fromCbor(e.body).toMap();
            QCOMPARE(op.value(QStringLiteral("seq")).toInteger(), std::int64_t(i + 1));
            QCOMPARE(op.value(QStringLiteral("id")).toString(), e.recordId);
            QCOMPARE(op.value(QStringLiteral("version")).toInteger(), std::int64_t(e.version));
            QCOMPARE(op.value(QStringLiteral("op")).toByteArray(), e.opId);
            if (i > 0)
                QVERIFY(e.hlc > outbox->at(i - 1).hlc);
        }
        QCOMPARE(opIds.size(), 50);
        QCOMPARE(m_store->records().lastDeviceSeq().value(), 50);
    }

    void failureAtAnyStatementLeavesNoPartialWrite()
    {
        domain::Notes notes(m_store->records());
        auto note = notes.create(m_project, QStringLiteral("Original"), QStringLiteral("original words"));
        QVERIFY(note.ok());
        int failures = 0;
        for (int k = 0; k < 50; ++k) {
            const Counts before = counts(*m_store);
            m_store->database().failAfter(k);
            auto r = notes.update(note->id, QStringLiteral("Changed %1").arg(k), QStringLiteral("changed words"));
            m_store->database().failAfter(-1);
            if (r.ok()) {
                QVERIFY2(failures >= 5, "a write should span several statements");
                const Counts after = counts(*m_store);
                QCOMPARE(after.versions, before.versions + 1);
                QCOMPARE(after.outbox, before.outbox + 1);
                QCOMPARE(after.lastSeq, before.lastSeq + 1);
                return;
            }
            ++failures;
            QCOMPARE(counts(*m_store), before);
            QVERIFY(!m_store->database().inTransaction());
            auto current = notes.get(note->id);
            QCOMPARE(current->title, QStringLiteral("Original"));
            QCOMPARE(current->version, 1);
            QCOMPARE(notes.search(m_project, QStringLiteral("changed"), 10)->size(), 0);
        }
        QFAIL("the write never succeeded");
    }

    void everySaveKeepsThePreviousVersion()
    {
        domain::Notes notes(m_store->records());
        auto note = notes.create(m_project, QStringLiteral("v1"), QStringLiteral("first"));
        for (int v = 2; v <= 5; ++v) {
            m_clock.advance(1000);
            QCOMPARE(notes.update(note->id, QStringLiteral("v%1").arg(v), QStringLiteral("text %1").arg(v))->version, v);
        }
        auto versions = notes.versions(note->id);
        QVERIFY(versions.ok());
        QCOMPARE(versions->size(), 5);
        QCOMPARE(versions->first().version, 5);
        QCOMPARE(versions->last().version, 1);
        QCOMPARE(versions->last().text, QStringLiteral("first"));
        QCOMPARE(versions->at(1).title, QStringLiteral("v4"));
        QCOMPARE(notes.get(note->id)->title, QStringLiteral("v5"));
    }

    // Found by tests/fuzz/fuzz_applyremote: an op cut short (by a broken
    // device or in transit) was read as the fields before the cut, and
    // applied as a version that lost the rest. It is skipped and counted.
    void aRemoteOpCutShortIsSkipped()
    {
        const QString id = QStringLiteral("0190f0c2-0000-7000-8000-000000000042");
        QCborMap body;
        body.insert(QStringLiteral("title"), QStringLiteral("from another device"));
        QCborMap op;
        op.insert(QStringLiteral("id"), id);
        op.insert(QStringLiteral("kind"), QStringLiteral("note"));
        op.insert(QStringLiteral("project"), m_project);
        op.insert(QStringLiteral("version"), 1);
        op.insert(QStringLiteral("hlc"), protocol::HlcStamp{m_clock.nowMs(), 0, QByteArray(16, 'r')}.toBytes());
        op.insert(QStringLiteral("body"), body);
        // Sorts last in the canonical encoding, so the cut loses only this field.
        op.insert(QStringLiteral("participant"), QStringLiteral("a participant reference"));
        const QByteArray whole = protocol::encodeCanonical(op);

        auto report = m_store->records().applyRemote({whole.chopped(5)}, nullptr, {});
        QVERIFY(report.ok());
        QCOMPARE(report->applied, 0);
        QCOMPARE(report->ignored, 1);
        QVERIFY(!m_store->records().get(id).ok());

        report = m_store->records().applyRemote({whole}, nullptr, {});
        QVERIFY(report.ok());
        QCOMPARE(report->applied, 1);
        QCOMPARE(m_store->records().get(id)->participantRef, QStringLiteral("a participant reference"));
    }

    void hlcStaysMonotonicAcrossRestartAndClockJumpBack()
    {
        domain::Notes notes(m_store->records());
        QVERIFY(notes.create(m_project, QStringLiteral("a"), QString()).ok());
        const auto before = m_store->records().outbox(0, 10)->last().hlc;
        m_store.reset();

        m_clock.set(m_clock.nowMs() - 3'600'000); // the device clock was set back an hour
        auto reopened = LocalStore::unlock(m_dir->path(), test::secure(kPass), m_clock);
        QVERIFY(reopened.ok());
        m_store = std::move(reopened.value());
        domain::Notes again(m_store->records());
        QVERIFY(again.create(m_project, QStringLiteral("b"), QString()).ok());
        const auto after = m_store->records().outbox(0, 10)->last().hlc;
        QVERIFY2(after > before, qPrintable(after.toString() + QStringLiteral(" <= ") + before.toString()));
        QCOMPARE(m_store->records().lastDeviceSeq().value(), 2);
    }

    void searchMatchesPrefixesCaseAndSwedishLetters()
    {
        domain::Notes notes(m_store->records());
        QVERIFY(notes.create(m_project, QStringLiteral("Överlämning på avdelningen"),
                             QStringLiteral("Sjuksköterskan förklarar läkemedlen för patienten.")).ok());
        QVERIFY(notes.create(m_project, QStringLiteral("Overview"), QStringLiteral("Nothing about medicine.")).ok());
        QVERIFY(notes.create(QStringLiteral("other-project"), QStringLiteral("Överlämning"), QString()).ok());

        auto hits = notes.search(m_project, QStringLiteral("överl"), 10);
        QVERIFY(hits.ok());
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->first().titleHighlighted, QStringLiteral("\x02Överlämning\x03 på avdelningen"));

        QCOMPARE(notes.search(m_project, QStringLiteral("LÄKEMEDLEN"), 10)->size(), 1);
        QVERIFY(notes.search(m_project, QStringLiteral("läkemedlen"), 10)->first().snippetHighlighted.contains(
            QStringLiteral("\x02läkemedlen\x03")));
        // å, ä and ö are letters, not accents: "over" must not find "Över".
        auto over = notes.search(m_project, QStringLiteral("over"), 10);
        QCOMPARE(over->size(), 1);
        QCOMPARE(over->first().note.title, QStringLiteral("Overview"));
        // Every word must match.
        QCOMPARE(notes.search(m_project, QStringLiteral("sjuksköterskan overview"), 10)->size(), 0);
        // Query syntax in user input is treated as words, never as FTS operators.
        QVERIFY(notes.search(m_project, QStringLiteral("\"NEAR* OR -( "), 10).ok());
    }

    // Several words: the longest drives the index and the others are checked
    // on its newest candidates; when those run out without filling the page,
    // the index evaluates every word. Either way the answer is every note
    // with all the words, newest first.
    void severalWordsFindExactlyTheNotesWithAllOfThem()
    {
        domain::Notes notes(m_store->records());
        QStringList withBoth;
        for (int i = 0; i < 260; ++i) {
            m_clock.advance(10);
            // The rare short word only in a few of the oldest notes.
            const bool rare = i == 3 || i == 7 || i == 11;
            const QString text = QStringLiteral("Observationer på dagrummet %1 %2").arg(i).arg(rare ? "Åsa" : "");
            auto n = notes.create(m_project, QStringLiteral("Note %1").arg(i), text);
            QVERIFY(n.ok());
            if (rare)
                withBoth.prepend(n->id);
        }
        auto hits = notes.search(m_project, QStringLiteral("observationer ås"), 10);
        QVERIFY(hits.ok());
        QStringList found;
        for (const auto &h : hits.value())
            found << h.note.id;
        QCOMPARE(found, withBoth);
        QVERIFY(hits->first().snippetHighlighted.contains(QStringLiteral("\x02Åsa\x03")));

        // Most notes have both words: the candidates fill the page, newest first.
        auto many = notes.search(m_project, QStringLiteral("dagr observationer"), 10);
        QCOMPARE(many->size(), 10);
        QCOMPARE(many->first().note.title, QStringLiteral("Note 259"));
        QCOMPARE(many->last().note.title, QStringLiteral("Note 250"));
        // A word no note has: nothing, whichever word drives.
        QVERIFY(notes.search(m_project, QStringLiteral("observationer zebra"), 10)->isEmpty());
        QVERIFY(notes.search(m_project, QStringLiteral("zebrafinkarna dagr"), 10)->isEmpty());
    }

    void snippetIsAWindowAroundTheFirstMatch()
    {
        domain::Notes notes(m_store->records());
        QStringList words;
        for (int i = 0; i < 60; ++i)
            words << QStringLiteral("ord%1").arg(i);
        words[40] = QStringLiteral("Trygghet");
        QVERIFY(notes.create(m_project, QStringLiteral("Kväll"), words.join(QLatin1Char(' '))).ok());
        auto hits = notes.search(m_project, QStringLiteral("tryg"), 10);
        QVERIFY(hits.ok());
        QCOMPARE(hits->size(), 1);
        const QString snippet = hits->first().snippetHighlighted;
        QVERIFY2(snippet.startsWith(QStringLiteral("…ord37 ord38 ord39 \x02Trygghet\x03 ord41")), qPrintable(snippet));
        QVERIFY(snippet.endsWith(QStringLiteral("ord52…")));
        QCOMPARE(hits->first().titleHighlighted, QStringLiteral("Kväll"));
    }

    void editedTextLeavesTheIndex()
    {
        domain::Notes notes(m_store->records());
        auto note = notes.create(m_project, QStringLiteral("Title"), QStringLiteral("kangaroo"));
        QCOMPARE(notes.search(m_project, QStringLiteral("kangaroo"), 10)->size(), 1);
        QVERIFY(notes.update(note->id, QStringLiteral("Title"), QStringLiteral("wombat")).ok());
        QCOMPARE(notes.search(m_project, QStringLiteral("kangaroo"), 10)->size(), 0);
        QCOMPARE(notes.search(m_project, QStringLiteral("wombat"), 10)->size(), 1);
    }

    void listingIsNewestFirstAndPaged()
    {
        domain::Notes notes(m_store->records());
        for (int i = 0; i < 7; ++i) {
            m_clock.advance(1000);
            QVERIFY(notes.create(m_project, QStringLiteral("n%1").arg(i), QString()).ok());
        }
        QCOMPARE(notes.count(m_project).value(), 7);
        auto page1 = notes.list(m_project, 3, 0);
        auto page3 = notes.list(m_project, 3, 6);
        QCOMPARE(page1->size(), 3);
        QCOMPARE(page1->first().title, QStringLiteral("n6"));
        QCOMPARE(page3->size(), 1);
        QCOMPARE(page3->first().title, QStringLiteral("n0"));
    }

    void aRecordCannotChangeKind()
    {
        domain::Notes notes(m_store->records());
        auto note = notes.create(m_project, QStringLiteral("x"), QString());
        RecordChange change;
        change.id = note->id;
        change.kind = QStringLiteral("project");
        change.projectId = m_project;
        QCOMPARE(m_store->records().put(change).code(), ErrorCode::InvalidArgument);
        QCOMPARE(m_store->records().lastDeviceSeq().value(), 1);
    }

    // Migration 2 rebuilds the outbox and the search index; nothing written
    // under schema 1 may be lost, renumbered or become unfindable.
    void migrationTwoKeepsOutboxAndSearch()
    {
        QTemporaryDir dir;
        const crypto::SecureBytes key = crypto::SecureBytes::random(crypto::kKeyBytes);
        auto db = db::Database::open(dir.filePath(QStringLiteral("v1.db")), key, {.create = true});
        QVERIFY(db.ok());
        QVERIFY(migrate(*db.value(), 1).ok());
        QCOMPARE(db.value()->userVersion().value(), 1);

        protocol::HlcClock hlc(m_clock, QByteArray(8, 'd'));
        QList<OutboxEntry> before;
        {
            RecordStore records(*db.value(), m_clock, hlc);
            domain::Notes notes(records);
            QVERIFY(notes.create(m_project, QStringLiteral("Dagrum"), QStringLiteral("kaffe på förmiddagen")).ok());
            auto edited = notes.create(m_project, QStringLiteral("Överlämning"), QStringLiteral("kvällspass"));
            QVERIFY(edited.ok());
            QVERIFY(notes.update(edited->id, QStringLiteral("Överlämning"), QStringLiteral("nattpass")).ok());
            before = records.outbox(0, 100).value();
        }
        QCOMPARE(before.size(), 3);

        QVERIFY(migrate(*db.value()).ok());
        QCOMPARE(db.value()->userVersion().value(), latestSchemaVersion());
        QCOMPARE(countRows(*db.value(), "SELECT count(*) FROM sqlite_master WHERE sql LIKE '%fts4%'"), 0);
        QCOMPARE(countRows(*db.value(), "SELECT count(*) FROM sqlite_master WHERE name LIKE 'sqlite_autoindex_outbox%'"),
                 0);

        RecordStore records(*db.value(), m_clock, hlc);
        domain::Notes notes(records);
        const QList<OutboxEntry> after = records.outbox(0, 100).value();
        QCOMPARE(after.size(), before.size());
        for (qsizetype i = 0; i < after.size(); ++i) {
            QCOMPARE(after[i].deviceSeq, before[i].deviceSeq);
            QCOMPARE(after[i].opId, before[i].opId);
            QCOMPARE(after[i].body, before[i].body);
        }
        QCOMPARE(notes.search(m_project, QStringLiteral("förm"), 10).value().size(), 1);
        QCOMPARE(notes.search(m_project, QStringLiteral("nattpass"), 10).value().size(), 1);
        QCOMPARE(notes.search(m_project, QStringLiteral("kvällspass"), 10).value().size(), 0);
        // Writing goes on where schema 1 left off.
        QVERIFY(notes.create(m_project, QStringLiteral("Ny"), QStringLiteral("anteckning")).ok());
        QCOMPARE(records.lastDeviceSeq().value(), 4);
    }

    // A long body is stored compressed; a body stored as plain canonical CBOR
    // (schema 1, or one that compression would not shrink) still reads.
    void bodiesAreStoredCompressedAndReadEitherWay()
    {
        domain::Notes notes(m_store->records());
        QString text;
        for (int i = 0; i < 40; ++i)
            text += QStringLiteral("Patienten i dagrummet pratar med sjuksköterskan om utskrivningen. ");
        auto note = notes.create(m_project, QStringLiteral("Lång anteckning"), text);
        QVERIFY(note.ok());
        QVERIFY(notes.update(note->id, QStringLiteral("Lång anteckning"), text + QStringLiteral("Slut.")).ok());

        db::Database &db = m_store->database();
        auto stored = db.prepare("SELECT body FROM records WHERE id = ?1");
        QVERIFY(stored.ok());
        stored->bind(1, note->id);
        QVERIFY(stored->step().value());
        const QByteArray storedBody = stored->columnBlob(0);
        const QByteArray cbor = storedBodyToCbor(storedBody);
        QVERIFY2(storedBody.size() * 3 < cbor.size(), "a long, repetitive note is stored compressed");
        QVERIFY(!storedBody.contains("dagrummet"));
        QVERIFY(cbor.contains("dagrummet"));
        stored->reset();

        auto plain = db.prepare("UPDATE records SET body = ?1 WHERE id = ?2");
        QVERIFY(plain.ok());
        plain->bindBlob(1, cbor).bind(2, note->id);
        QVERIFY(plain->run().ok());
        auto read = notes.get(note->id);
        QVERIFY(read.ok());
        QCOMPARE(read->text, text + QStringLiteral("Slut."));
        // The earlier version, moved into the history compressed, reads too.
        auto versions = m_store->records().versions(note->id);
        QVERIFY(versions.ok());
        QCOMPARE(versions->size(), 2);
        QCOMPARE(versions->at(1).body.value(QStringLiteral("text")).toString(), text);
    }

    void demoProjectIsSeeded()
    {
        domain::Notes notes(m_store->records());
        domain::Projects projects(m_store->records());
        auto demo = projects.seedDemo(notes);
        QVERIFY(demo.ok());
        QVERIFY(demo->demo);
        QCOMPARE(projects.list()->size(), 1);
        QVERIFY(notes.count(demo->id).value() >= 3);
    }
};

QTEST_GUILESS_MAIN(TestRecordStore)
#include "tst_recordstore.moc"
