// A project's own coding schemes: saved as versioned records, kept over a restart, synced, imported and
// exported.
#include "app/observation/schemelibrary.h"
#include "app/observation/session.h"
#include "app/store/recordstore.h"
#include "tst_consentfixture.h"

#include <QTest>

using namespace samla;
using namespace samla::observation;

namespace {

Label both(const char *sv, const char *en)
{
    return Label { { QStringLiteral("sv"), QString::fromUtf8(sv) },
        { QStringLiteral("en"), QString::fromUtf8(en) } };
}

// Mobility on a ward: two postures that exclude each other, a point event with
// a single-choice modifier and a number.
CodingScheme mobilityScheme()
{
    CodingScheme s;
    s.id = QStringLiteral("mobility");
    s.name = both("Rörlighet på avdelningen", "Ward mobility");
    s.description = both("Hur patienter rör sig.", "How patients move.");
    s.categories = { Category { QStringLiteral("posture"), both("Ställning", "Posture"), false } };
    s.roles = { SubjectRole { QStringLiteral("patient"), both("Patient", "Patient") } };
    s.participantSubjects = true;
    Modifier help { QStringLiteral("help"), both("Hjälp", "Help"), ModifierType::SingleChoice,
        { ModifierOption { QStringLiteral("none"), both("Ingen", "None") },
            ModifierOption { QStringLiteral("staff"), both("Personal", "Staff") } } };
    Modifier metres { QStringLiteral("metres"), both("Meter", "Metres"), ModifierType::Number, {}, 0.0,
        200.5 };
    s.modifiers = { help, metres };
    Behaviour sit { QStringLiteral("sit"), both("Sitter", "Sitting"), EventType::State,
        QStringLiteral("posture") };
    Behaviour stand { QStringLiteral("stand"), both("Står", "Standing"), EventType::State,
        QStringLiteral("posture") };
    Behaviour walk { QStringLiteral("walk"), both("Går", "Walks"), EventType::Point, {},
        { QStringLiteral("help"), QStringLiteral("metres") } };
    s.behaviours = { sit, stand, walk };
    s.exclusiveGroups = { ExclusiveGroup {
        QStringLiteral("posture"), { QStringLiteral("sit"), QStringLiteral("stand") } } };
    return s;
}

} // namespace

class TestSchemeLibrary : public QObject {
    Q_OBJECT

    std::unique_ptr<test::ConsentFixture> f;

    SchemeLibrary library() { return SchemeLibrary(f->store->records()); }

private slots:
    void initTestCase() { QVERIFY(crypto::initialize().ok()); }
    void init()
    {
        f = std::make_unique<test::ConsentFixture>();
        QVERIFY(f->setUp());
    }
    void cleanup() { f.reset(); }

    void savesANewSchemeAsVersionOne()
    {
        QVERIFY(library().list(f->project.id)->isEmpty());
        auto saved = library().save(f->project.id, mobilityScheme());
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().detail));
        QCOMPARE(saved->scheme.version, 1);
        auto listed = library().list(f->project.id);
        QVERIFY(listed.ok());
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->constFirst().recordId, saved->recordId);
        QCOMPARE(listed->constFirst().scheme, saved->scheme);
        // A number modifier's bounds (floats) come back exactly.
        QCOMPARE(*listed->constFirst().scheme.modifier(QStringLiteral("metres"))->maximum, 200.5);
    }

    void eachSaveIsANewVersionAndEarlierOnesStay()
    {
        auto first = library().save(f->project.id, mobilityScheme());
        QVERIFY(first.ok());
        CodingScheme changed = first->scheme;
        changed.behaviours[2].label = both("Promenerar", "Walks about");
        auto second = library().save(f->project.id, changed, first->recordId);
        QVERIFY(second.ok());
        QCOMPARE(second->recordId, first->recordId);
        QCOMPARE(second->scheme.version, 2);
        auto versions = library().versions(first->recordId);
        QVERIFY(versions.ok());
        QCOMPARE(versions->size(), 2);
        QCOMPARE(versions->at(0).scheme.version, 2);
        QCOMPARE(labelIn(versions->at(0).scheme.behaviours[2].label, QStringLiteral("en")),
            QStringLiteral("Walks about"));
        QCOMPARE(versions->at(1).scheme, first->scheme);
        QCOMPARE(library().list(f->project.id)->size(), 1);

        // Nothing changed: no version.
        auto same = library().save(f->project.id, second->scheme, first->recordId);
        QVERIFY(!same.ok());
        QCOMPARE(same.code(), ErrorCode::AlreadyExists);
        QCOMPARE(library().versions(first->recordId)->size(), 2);
    }

    void refusesWhatWouldNotMeanOneThing()
    {
        CodingScheme duplicate = mobilityScheme();
        duplicate.behaviours[1].code = QStringLiteral("sit");
        auto refused = library().save(f->project.id, duplicate);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().detail, QStringLiteral("bad_scheme: duplicate_code at behaviours[1].code"));

        CodingScheme quis = quisScheme();
        quis.name = both("Min QuIS", "My QuIS");
        QCOMPARE(library().save(f->project.id, quis).error().detail, QStringLiteral("builtin_id"));

        auto saved = library().save(f->project.id, mobilityScheme());
        QVERIFY(saved.ok());
        QCOMPARE(library().save(f->project.id, mobilityScheme()).error().detail, QStringLiteral("id_taken"));
        CodingScheme renamed = saved->scheme;
        renamed.id = QStringLiteral("mobility2");
        QCOMPARE(library().save(f->project.id, renamed, saved->recordId).error().detail,
            QStringLiteral("id_changed"));
        QCOMPARE(library().list(f->project.id)->size(), 1);
    }

    void keptOverARestart()
    {
        auto saved = library().save(f->project.id, mobilityScheme());
        QVERIFY(saved.ok());
        f->store->close();
        f->store.reset();
        auto reopened = store::LocalStore::unlock(f->dataDir(), test::secure(test::kFixturePass), f->clock);
        QVERIFY(reopened.ok());
        f->store = std::move(reopened).value();
        auto listed = library().list(f->project.id);
        QVERIFY(listed.ok());
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->constFirst().scheme, saved->scheme);
    }

    void eachSaveIsASyncOp()
    {
        auto before = f->store->records().lastDeviceSeq();
        QVERIFY(before.ok());
        auto first = library().save(f->project.id, mobilityScheme());
        QVERIFY(first.ok());
        CodingScheme changed = first->scheme;
        changed.samplingIntervalS = 60;
        QVERIFY(library().save(f->project.id, changed, first->recordId).ok());
        auto ops = f->store->records().outbox(before.value(), 100);
        QVERIFY(ops.ok());
        QCOMPARE(ops->size(), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(ops->at(i).kind, SchemeLibrary::kKind);
            QCOMPARE(ops->at(i).recordId, first->recordId);
            QCOMPARE(ops->at(i).version, i + 1);
        }
    }

    void importExportRoundTrips()
    {
        auto saved = library().save(f->project.id, mobilityScheme());
        QVERIFY(saved.ok());
        const QByteArray exported = schemeToJson(saved->scheme);

        auto other = domain::Projects(f->store->records())
                         .create(QStringLiteral("Other ward"), test::cafeSettings(), false);
        QVERIFY(other.ok());
        SchemeImport what = SchemeImport::AlreadyThere;
        auto imported = library().import(other->id, exported, nullptr, &what);
        QVERIFY(imported.ok());
        QCOMPARE(what, SchemeImport::Added);
        QCOMPARE(imported->scheme, saved->scheme);
        QVERIFY(imported->recordId != saved->recordId);
        QCOMPARE(schemeToJson(library().latest(imported->recordId)->scheme), exported);

        // The same file again adds nothing; a changed one is the next version.
        QVERIFY(library().import(other->id, exported, nullptr, &what).ok());
        QCOMPARE(what, SchemeImport::AlreadyThere);
        CodingScheme changed = saved->scheme;
        changed.description = both("Ny beskrivning.", "New description.");
        auto next = library().import(other->id, schemeToJson(changed), nullptr, &what);
        QVERIFY(next.ok());
        QCOMPARE(what, SchemeImport::NewVersion);
        QCOMPARE(next->recordId, imported->recordId);
        QCOMPARE(next->scheme.version, 2);

        // A built-in scheme's export is that scheme; with other content under its id it is refused.
        QVERIFY(library().import(other->id, schemeToJson(quisScheme()), nullptr, &what).ok());
        QCOMPARE(what, SchemeImport::AlreadyThere);
        CodingScheme quis = quisScheme();
        quis.samplingIntervalS = 60;
        QCOMPARE(
            library().import(other->id, schemeToJson(quis)).error().detail, QStringLiteral("builtin_id"));
        QCOMPARE(library().list(other->id)->size(), 1);
    }

    void corruptImportKeepsTheSchemes()
    {
        QVERIFY(library().save(f->project.id, mobilityScheme()).ok());
        SchemeIssue issue;
        QVERIFY(
            !library()
                 .import(f->project.id, QByteArrayLiteral("{\"format\": \"samla-coding-scheme\", "), &issue)
                 .ok());
        QCOMPARE(issue.problem, SchemeProblem::BadJson);
        CodingScheme unknown = mobilityScheme();
        unknown.id = QStringLiteral("other");
        unknown.exclusiveGroups[0].behaviours << QStringLiteral("lie");
        QVERIFY(!library().import(f->project.id, schemeToJson(unknown), &issue).ok());
        QCOMPARE(issue.problem, SchemeProblem::UnknownBehaviour);
        QCOMPARE(issue.value, QStringLiteral("lie"));
        auto listed = library().list(f->project.id);
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->constFirst().scheme, mobilityScheme());
    }

    void aSessionKeepsTheVersionItWasCodedWith()
    {
        auto saved = library().save(f->project.id, mobilityScheme());
        QVERIFY(saved.ok());
        ManualMonotonicClock mono { 1'000 };
        Sessions sessions(*f->store, f->clock, mono, QTimeZone("Europe/Stockholm"));
        SessionSetup setup;
        setup.projectId = f->project.id;
        setup.observer = QStringLiteral("R1");
        setup.observers = { setup.observer };
        setup.scheme = saved->scheme;
        auto session = sessions.start(setup);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().detail));
        const QString sessionId = session.value()->id();
        session.value().reset();

        CodingScheme changed = saved->scheme;
        changed.behaviours[0].label = both("Sitter ner", "Seated");
        QVERIFY(library().save(f->project.id, changed, saved->recordId).ok());

        auto reopened = sessions.open(sessionId);
        QVERIFY(reopened.ok());
        QCOMPARE(reopened.value()->info().scheme.version, 1);
        QCOMPARE(labelIn(reopened.value()->info().scheme.behaviours[0].label, QStringLiteral("en")),
            QStringLiteral("Sitting"));
    }

    void everyProblemIsListed()
    {
        CodingScheme s = mobilityScheme();
        s.behaviours[1].code = QStringLiteral("sit");
        s.behaviours[2].label.clear();
        s.exclusiveGroups[0].behaviours = { QStringLiteral("sit"), QStringLiteral("lie") };
        const QList<SchemeIssue> all = schemeIssues(s);
        QStringList paths;
        for (const SchemeIssue &i : all)
            paths << schemeProblemKey(i.problem) + QLatin1Char(' ') + i.path;
        QVERIFY2(
            paths.contains(QStringLiteral("duplicate_code behaviours[1].code")), qPrintable(paths.join('|')));
        QVERIFY2(
            paths.contains(QStringLiteral("empty_label behaviours[2].label")), qPrintable(paths.join('|')));
        QVERIFY2(paths.contains(QStringLiteral("unknown_behaviour exclusive_groups[0].behaviours")),
            qPrintable(paths.join('|')));
        QCOMPARE(validateScheme(s).problem, all.constFirst().problem);
    }
};

QTEST_GUILESS_MAIN(TestSchemeLibrary)
#include "tst_scheme_library.moc"
