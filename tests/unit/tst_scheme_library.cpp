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

    void anArchivedSchemeIsNotOfferedButKept()
    {
        auto saved = library().save(f->project.id, mobilityScheme());
        QVERIFY(saved.ok());
        QVERIFY(library().setArchived(saved->recordId, true).ok());
        QCOMPARE(library().setArchived(saved->recordId, true).code(), ErrorCode::AlreadyExists);
        QVERIFY(library().active(f->project.id)->isEmpty());
        auto all = library().list(f->project.id);
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 1);
        QVERIFY(all->constFirst().archived);
        QCOMPARE(all->constFirst().scheme, saved->scheme);
        // A new scheme cannot take an archived one's code: restore it instead.
        auto again = library().save(f->project.id, mobilityScheme());
        QVERIFY(!again.ok());
        QCOMPARE(again.error().detail, QStringLiteral("id_archived"));
        QVERIFY(library().setArchived(saved->recordId, false).ok());
        QCOMPARE(library().active(f->project.id)->size(), 1);
        // Archiving and restoring are versions of the record, so they sync.
        QCOMPARE(f->store->records().versions(saved->recordId)->size(), 3);
    }

    void onlyASchemeNoSessionUsedCanBeRemoved()
    {
        auto used = library().save(f->project.id, mobilityScheme());
        QVERIFY(used.ok());
        CodingScheme other = mobilityScheme();
        other.id = QStringLiteral("mobility-draft");
        auto unused = library().save(f->project.id, other);
        QVERIFY(unused.ok());

        ManualMonotonicClock mono { 1'000 };
        Sessions sessions(*f->store, f->clock, mono, QTimeZone("Europe/Stockholm"));
        SessionSetup setup;
        setup.projectId = f->project.id;
        setup.observer = QStringLiteral("R1");
        setup.observers = { setup.observer };
        setup.scheme = used->scheme;
        QVERIFY(sessions.start(setup).ok());

        QCOMPARE(library().sessionsUsing(f->project.id, QStringLiteral("mobility")).value(), 1);
        const Status refused = library().remove(used->recordId);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().detail, QStringLiteral("in_use"));
        QVERIFY(library().remove(unused->recordId).ok());
        auto left = library().list(f->project.id);
        QVERIFY(left.ok());
        QCOMPARE(left->size(), 1);
        QCOMPARE(left->constFirst().scheme.id, QStringLiteral("mobility"));
        // The code is free again; a new scheme with it continues the removed record.
        auto remade = library().save(f->project.id, other);
        QVERIFY2(remade.ok(), qPrintable(remade.ok() ? QString() : remade.error().detail));
        QCOMPARE(remade->recordId, unused->recordId);
    }

    void oneCodeMadeOnTwoDevicesOfflineIsOneScheme()
    {
        test::ConsentFixture other;
        QVERIFY(other.setUp());
        QVERIFY(test::deliver(*f->store, *other.store) >= 0);
        QVERIFY(test::markShared(*f->store, f->project.id));
        QVERIFY(test::markShared(*other.store, f->project.id));
        const std::int64_t sentA = f->store->records().lastDeviceSeq().value();
        const std::int64_t sentB = other.store->records().lastDeviceSeq().value();

        // Both observers build "mobility" while offline, worded differently.
        auto a = library().save(f->project.id, mobilityScheme());
        QVERIFY(a.ok());
        CodingScheme theirs = mobilityScheme();
        theirs.name = both("Rörlighet", "Mobility");
        auto b = SchemeLibrary(other.store->records()).save(f->project.id, theirs);
        QVERIFY(b.ok());
        QCOMPARE(a->recordId, b->recordId);

        QVERIFY(test::deliver(*f->store, *other.store, sentA) >= 0);
        QVERIFY(test::deliver(*other.store, *f->store, sentB) >= 0);

        // One scheme with the code on each device, the same version in force,
        // both wordings kept and the pair listed for a person to look at.
        auto hereList = library().list(f->project.id);
        auto thereList = SchemeLibrary(other.store->records()).list(f->project.id);
        QVERIFY(hereList.ok() && thereList.ok());
        QCOMPARE(hereList->size(), 1);
        QCOMPARE(thereList->size(), 1);
        QCOMPARE(hereList->constFirst().scheme, thereList->constFirst().scheme);
        QCOMPARE(f->store->records().versions(a->recordId)->size(), 2);
        QCOMPARE(other.store->records().versions(a->recordId)->size(), 2);
        QCOMPARE(f->store->records().openConflicts()->size(), 1);
        QCOMPARE(other.store->records().openConflicts()->size(), 1);
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
