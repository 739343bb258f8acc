// Projects: settings a DPO asks about (lawful basis, withdrawal policy, retention), sites, and the demo case studies.
#include "tst_consentfixture.h"

#include "app/domain/notes.h"

#include <QCborArray>
#include <QTest>

using namespace samla;
using namespace samla::domain;

class TestProjects : public QObject {
    Q_OBJECT

    std::unique_ptr<test::ConsentFixture> f;

private slots:
    void initTestCase() { QVERIFY(crypto::initialize().ok()); }

    void init()
    {
        f = std::make_unique<test::ConsentFixture>();
        QVERIFY(f->setUp());
    }

    void cleanup() { f.reset(); }

    void settingsAreKeptAndEdited()
    {
        Projects projects(f->store->records());
        auto got = projects.get(f->project.id);
        QVERIFY(got.ok());
        QCOMPARE(got->settings, test::cafeSettings());
        QCOMPARE(got->settings.jurisdictionFor(QStringLiteral("cafe")), Jurisdiction::Sweden);

        Project edited = got.value();
        edited.name = QStringLiteral("Learning café (Jönköping)");
        edited.settings.lawfulBasis = QStringLiteral("GDPR Art 6(1)(e) + 9(2)(j), Art 89; Etikprövningsmyndigheten 2024-01234");
        edited.settings.withdrawalPolicy = WithdrawalPolicy::StopAndErase;
        edited.settings.retentionMonths = 240;
        edited.settings.reconsentIntervalDays = 90;
        edited.settings.sites.append(Site{QString(), QStringLiteral("Second café, London"), Jurisdiction::England});
        auto saved = projects.update(edited);
        QVERIFY(saved.ok());
        QCOMPARE(saved->version, 2);
        QVERIFY(!saved->settings.sites.last().id.isEmpty());   // a new site gets an id
        const QString londonId = saved->settings.sites.last().id;
        auto again = projects.get(f->project.id);
        QCOMPARE(again->name, edited.name);
        QCOMPARE(again->settings.lawfulBasis, edited.settings.lawfulBasis);
        QCOMPARE(again->settings.withdrawalPolicy, WithdrawalPolicy::StopAndErase);
        QCOMPARE(again->settings.retentionMonths, 240);
        QCOMPARE(again->settings.jurisdictionFor(londonId), Jurisdiction::England);
        QCOMPARE(again->settings.jurisdictionFor(QStringLiteral("unknown")), Jurisdiction::Sweden);
        QCOMPARE(f->store->records().versions(f->project.id)->size(), 2);
    }

    void fieldsFromNewerBuildsSurviveAnEdit()
    {
        auto record = f->store->records().get(f->project.id);
        store::RecordChange change;
        change.id = record->id;
        change.kind = record->kind;
        change.projectId = record->projectId;
        change.body = record->body;
        QCborMap settings = change.body.value(QStringLiteral("settings")).toMap();
        settings.insert(QStringLiteral("data_controller"), QStringLiteral("Region X"));
        change.body.insert(QStringLiteral("settings"), settings);
        change.body.insert(QStringLiteral("ethics_approval"), QStringLiteral("2024-01234"));
        QVERIFY(f->store->records().put(change).ok());

        Project p = Projects(f->store->records()).get(f->project.id).value();
        p.settings.reconsentIntervalDays = 30;
        QVERIFY(Projects(f->store->records()).update(p).ok());
        const QCborMap body = f->store->records().get(f->project.id)->body;
        QCOMPARE(body.value(QStringLiteral("ethics_approval")).toString(), QStringLiteral("2024-01234"));
        QCOMPARE(body.value(QStringLiteral("settings")).toMap().value(QStringLiteral("data_controller")).toString(),
                 QStringLiteral("Region X"));
    }

    void siteArmsRoundTripThroughTheRecord()
    {
        Projects projects(f->store->records());
        Project p = projects.get(f->project.id).value();
        QCOMPARE(p.settings.sites.size(), 1);
        QCOMPARE(p.settings.sites.at(0).arm, StudyArm::None);
        p.settings.sites[0].arm = StudyArm::Intervention;
        p.settings.sites.append(Site{QString(), QStringLiteral("Control café"), Jurisdiction::Sweden, StudyArm::Control});
        p.settings.sites.append(Site{QString(), QStringLiteral("Pilot café"), Jurisdiction::Sweden, StudyArm::None});
        QVERIFY(projects.update(p).ok());

        const Project again = Projects(f->store->records()).get(f->project.id).value();
        QCOMPARE(again.settings.sites.size(), 3);
        QCOMPARE(again.settings.sites.at(0).arm, StudyArm::Intervention);
        QCOMPARE(again.settings.sites.at(1).arm, StudyArm::Control);
        QCOMPARE(again.settings.sites.at(2).arm, StudyArm::None);
        const QCborArray sites = f->store->records().get(f->project.id)->body.value(QStringLiteral("settings"))
                                     .toMap().value(QStringLiteral("sites")).toArray();
        QCOMPARE(sites.at(0).toMap().value(QStringLiteral("arm")).toString(), QStringLiteral("intervention"));
        QCOMPARE(sites.at(1).toMap().value(QStringLiteral("arm")).toString(), QStringLiteral("control"));
    }

    void aSiteRecordedBeforeArmsReadsAsNone()
    {
        // A project body as older builds wrote it: sites without an "arm" field, and one with a value
        // this build does not know.
        auto record = f->store->records().get(f->project.id);
        store::RecordChange change;
        change.id = record->id;
        change.kind = record->kind;
        change.projectId = record->projectId;
        change.body = record->body;
        QCborMap settings = change.body.value(QStringLiteral("settings")).toMap();
        QCborMap old;
        old.insert(QStringLiteral("id"), QStringLiteral("old-ward"));
        old.insert(QStringLiteral("name"), QStringLiteral("Old ward"));
        old.insert(QStringLiteral("jurisdiction"), QStringLiteral("gb-eng"));
        QCborMap odd = old;
        odd.insert(QStringLiteral("id"), QStringLiteral("odd-ward"));
        odd.insert(QStringLiteral("arm"), QStringLiteral("placebo"));
        settings.insert(QStringLiteral("sites"), QCborArray{old, odd});
        change.body.insert(QStringLiteral("settings"), settings);
        QVERIFY(f->store->records().put(change).ok());

        const Project p = Projects(f->store->records()).get(f->project.id).value();
        QCOMPARE(p.settings.sites.size(), 2);
        QCOMPARE(p.settings.sites.at(0).name, QStringLiteral("Old ward"));
        QCOMPARE(p.settings.sites.at(0).jurisdiction, Jurisdiction::England);
        QCOMPARE(p.settings.sites.at(0).arm, StudyArm::None);
        QCOMPARE(p.settings.sites.at(1).arm, StudyArm::None);
    }

    void settingsAreChecked_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no name") << "name" << "name";
        QTest::newRow("lower-case prefix") << "prefix:lc" << "code_prefix";
        QTest::newRow("prefix with a name in it") << "prefix:ÅSA" << "code_prefix";
        QTest::newRow("long prefix") << "prefix:ABCDE" << "code_prefix";
        QTest::newRow("no language") << "languages:" << "languages";
        QTest::newRow("German") << "languages:de" << "languages";
        QTest::newRow("no lawful basis") << "lawful" << "lawful_basis";
        QTest::newRow("negative interval") << "interval" << "negative";
        QTest::newRow("two sites, one id") << "duplicate-site" << "share an id";
        QTest::newRow("nameless site") << "nameless-site" << "no name";
    }

    void settingsAreChecked()
    {
        QFETCH(QString, change);
        QFETCH(QString, mentions);
        QString name = QStringLiteral("A study");
        ProjectSettings s = test::cafeSettings();
        if (change == QLatin1String("name"))
            name = QStringLiteral("  ");
        else if (change.startsWith(QLatin1String("prefix:")))
            s.codePrefix = change.mid(7);
        else if (change.startsWith(QLatin1String("languages:")))
            s.languages = change.mid(10).split(QLatin1Char(','), Qt::SkipEmptyParts);
        else if (change == QLatin1String("lawful"))
            s.lawfulBasis.clear();
        else if (change == QLatin1String("interval"))
            s.reconsentIntervalDays = -1;
        else if (change == QLatin1String("duplicate-site"))
            s.sites.append(s.sites.first());
        else if (change == QLatin1String("nameless-site"))
            s.sites.append(Site{QStringLiteral("x"), QString(), Jurisdiction::Sweden});
        const int before = int(Projects(f->store->records()).list()->size());
        auto r = Projects(f->store->records()).create(name, s, false);
        QVERIFY(!r.ok());
        QCOMPARE(r.code(), ErrorCode::InvalidArgument);
        QVERIFY2(r.error().detail.contains(mentions), qPrintable(r.error().detail));
        QCOMPARE(int(Projects(f->store->records()).list()->size()), before);
    }

    void theOriginalApiStillWorks()
    {
        Projects projects(f->store->records());
        auto plain = projects.create(QStringLiteral("Pilot"), false);
        QVERIFY(plain.ok());
        QCOMPARE(plain->settings.codePrefix, QStringLiteral("P"));
        QCOMPARE(Participants(f->store->records()).enrol(plain->id, {})->code, QStringLiteral("P-001"));
        QVERIFY(projects.list()->size() >= 2);
    }

    void demoSeedsTheCafe()
    {
        test::ConsentFixture empty;
        auto created = store::LocalStore::create(empty.dataDir(), test::secure(test::kFixturePass), test::cheapKdf(), empty.clock);
        QVERIFY(created.ok());
        Notes notes(created->store->records());
        Projects projects(created->store->records());
        auto cafe = projects.seedDemo(notes);
        QVERIFY(cafe.ok());
        QVERIFY(cafe->demo);
        QCOMPARE(cafe->settings.codePrefix, QStringLiteral("LC"));
        QCOMPARE(notes.count(cafe->id).value(), 3);
        QCOMPARE(projects.list()->size(), 1);
        QCOMPARE(ConsentForms(created->store->records()).forms(cafe->id)->size(), 1);
        // The rest of the case studies join without a second café.
        auto all = projects.seedDemoCaseStudies(notes);
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 2);
        QCOMPARE(projects.list()->size(), 3);
        QCOMPARE(projects.seedDemoCaseStudies(notes)->size(), 0);
    }

    void demoSeedsThreeCaseStudies()
    {
        test::ConsentFixture empty;
        auto created = store::LocalStore::create(empty.dataDir(), test::secure(test::kFixturePass), test::cheapKdf(), empty.clock);
        QVERIFY(created.ok());
        store::LocalStore &store = *created->store;
        Notes notes(store.records());
        Projects projects(store.records());
        auto seeded = projects.seedDemoCaseStudies(notes);
        QVERIFY2(seeded.ok(), qPrintable(seeded.ok() ? QString() : seeded.error().detail));
        QCOMPARE(seeded->size(), 3);
        const Project cafe = seeded->first();
        QCOMPARE(cafe.settings.codePrefix, QStringLiteral("LC"));
        QCOMPARE(notes.count(cafe.id).value(), 3);

        auto all = projects.list();
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->first().id, cafe.id);   // the app opens the first project listed
        ConsentForms forms(store.records());
        bool sawWard = false;
        bool sawNetwork = false;
        for (const Project &p : all.value()) {
            QVERIFY(p.demo);
            QVERIFY(!p.settings.lawfulBasis.isEmpty());
            QVERIFY(p.settings.reconsentIntervalDays > 0);
            auto published = forms.forms(p.id);
            QCOMPARE(published->size(), 1);
            QVERIFY(ConsentForms::validate(published->first().content).ok());
            if (p.settings.codePrefix == QLatin1String("PW")) {
                sawWard = true;
                QCOMPARE(p.settings.sites.size(), 2);
                QCOMPARE(p.settings.sites.at(0).name, QStringLiteral("Intervention ward"));
                QCOMPARE(p.settings.sites.at(1).name, QStringLiteral("Control ward"));
                QCOMPARE(p.settings.jurisdictionFor(p.settings.sites.at(1).id), Jurisdiction::England);
                QCOMPARE(p.settings.sites.at(0).arm, StudyArm::Intervention);
                QCOMPARE(p.settings.sites.at(1).arm, StudyArm::Control);
                QVERIFY(p.settings.recheckEverySession);
            } else if (p.settings.codePrefix == QLatin1String("CN")) {
                sawNetwork = true;
                QCOMPARE(p.settings.withdrawalPolicy, WithdrawalPolicy::StopAndErase);
                QCOMPARE(published->first().content.languages(), (QStringList{QStringLiteral("sv"), QStringLiteral("en")}));
            }
        }
        QVERIFY(sawWard && sawNetwork);
    }
};

QTEST_MAIN(TestProjects)
#include "tst_projects.moc"
