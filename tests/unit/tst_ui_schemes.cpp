// SchemeEditor over a real store: building a scheme with state behaviours, an exclusive group and a
// modifier; every problem named beside its field in the user's language; saving versions that last a
// restart and reach ObservationSetup; built-in schemes read-only; export and import round trip; bad files.
#include "app/domain/projects.h"
#include "app/observation/schemelibrary.h"
#include "app/store/localstore.h"
#include "app/ui/appmodes.h"
#include "app/ui/appservices.h"
#include "app/ui/appsettings.h"
#include "app/ui/observationsetup.h"
#include "app/ui/schemeeditor.h"
#include "app/ui/session.h"
#include "platform/crypto/crypto.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace samla;
using namespace samla::ui;
using namespace samla::observation;

namespace {

const QString kPassphrase = QStringLiteral("blue tractor umbrella 42");
const QString kSv = QStringLiteral("sv");
const QString kEn = QStringLiteral("en");

} // namespace

class TestUiSchemes : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<AppServices> m_services;

    SchemeEditor &editor() { return m_services->schemeEditor(); }
    store::LocalStore &store() { return *m_services->session().store(); }
    QString projectId() { return m_services->session().projectId(); }

    void startServices()
    {
        AppServicesOptions options;
        options.dataDir = m_dir.filePath(QStringLiteral("data"));
        options.systemLocale = QLocale(QLocale::English, QLocale::UnitedKingdom);
        options.fixedKdf = AppServices::cheapKdfForTests();
        options.application = qApp;
        m_services = std::make_unique<AppServices>(options);
        editor().setExportDirectory(m_dir.filePath(QStringLiteral("exports")));
    }

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
            return {};
        return path;
    }

    QVariantMap schemeNamed(const QString &schemeId)
    {
        for (const QVariant &v : editor().schemes()) {
            if (v.toMap().value(QStringLiteral("schemeId")).toString() == schemeId)
                return v.toMap();
        }
        return {};
    }

    // Mobility on a ward, built as a researcher does it on the screen: sitting
    // and standing are states that exclude each other; walking is a point
    // event with a single-choice modifier.
    void buildMobility()
    {
        editor().newScheme();
        editor().setSchemeId(QStringLiteral("mobility"));
        editor().setName(kSv, QStringLiteral("Rörlighet"));
        editor().setName(kEn, QStringLiteral("Mobility"));
        editor().setParticipantSubjects(true);
        editor().add(QStringLiteral("modifiers"));
        editor().setCode(QStringLiteral("modifiers"), 0, QStringLiteral("help"));
        editor().setLabel(QStringLiteral("modifiers"), 0, kSv, QStringLiteral("Hjälp"));
        editor().setLabel(QStringLiteral("modifiers"), 0, kEn, QStringLiteral("Help"));
        editor().addOption(0);
        editor().setOptionCode(0, 0, QStringLiteral("none"));
        editor().setOptionLabel(0, 0, kSv, QStringLiteral("Ingen"));
        editor().setOptionLabel(0, 0, kEn, QStringLiteral("None"));
        editor().addOption(0);
        editor().setOptionCode(0, 1, QStringLiteral("staff"));
        editor().setOptionLabel(0, 1, kSv, QStringLiteral("Personal"));
        editor().setOptionLabel(0, 1, kEn, QStringLiteral("Staff"));
        const QStringList codes = { QStringLiteral("sit"), QStringLiteral("stand"), QStringLiteral("walk") };
        const QStringList sv = { QStringLiteral("Sitter"), QStringLiteral("Står"), QStringLiteral("Går") };
        const QStringList en
            = { QStringLiteral("Sitting"), QStringLiteral("Standing"), QStringLiteral("Walks") };
        for (int i = 0; i < 3; ++i) {
            editor().add(QStringLiteral("behaviours"));
            editor().setCode(QStringLiteral("behaviours"), i, codes[i]);
            editor().setLabel(QStringLiteral("behaviours"), i, kSv, sv[i]);
            editor().setLabel(QStringLiteral("behaviours"), i, kEn, en[i]);
        }
        editor().setBehaviourState(0, true);
        editor().setBehaviourState(1, true);
        editor().setBehaviourModifier(2, QStringLiteral("help"), true);
        editor().add(QStringLiteral("groups"));
        editor().setCode(QStringLiteral("groups"), 0, QStringLiteral("posture"));
        editor().setGroupMember(0, QStringLiteral("sit"), true);
        editor().setGroupMember(0, QStringLiteral("stand"), true);
    }

private slots:
    void initTestCase();
    void builtInSchemesAreListedAndReadOnly();
    void buildsAndSavesASchemeWithStatesAGroupAndAModifier();
    void problemsAreNamedBesideTheirFieldsAndNothingIsSaved_data();
    void problemsAreNamedBesideTheirFieldsAndNothingIsSaved();
    void problemsAreInTheUsersLanguage();
    void renamingABehaviourKeepsItsGroup();
    void eachSaveIsANewVersionKeptOverARestart();
    void duplicateOfABuiltInSchemeIsEditable();
    void exportThenImportRoundTrips();
    void badFilesAreRefusedAndTheSchemesStay_data();
    void badFilesAreRefusedAndTheSchemesStay();
    void anArchivedSchemeIsNotOfferedForNewSessions();
    void aSchemeNoSessionUsedCanBeRemoved();
};

void TestUiSchemes::initTestCase()
{
    QVERIFY(crypto::initialize().ok());
    QVERIFY(m_dir.isValid());
    startServices();
    QString error;
    QVERIFY2(createUnlockedDemoStore(*m_services, kPassphrase, &error), qPrintable(error));
}

void TestUiSchemes::builtInSchemesAreListedAndReadOnly()
{
    editor().refresh();
    const QVariantMap quis = schemeNamed(QStringLiteral("quis"));
    QVERIFY(quis.value(QStringLiteral("builtIn")).toBool());
    QCOMPARE(quis.value(QStringLiteral("behaviours")).toInt(), 5);
    QVERIFY(editor().openScheme(quis.value(QStringLiteral("key")).toString()));
    QVERIFY(editor().readOnly());
    editor().setName(kEn, QStringLiteral("Changed"));
    editor().add(QStringLiteral("behaviours"));
    QCOMPARE(editor().behaviours().size(), 5);
    QCOMPARE(
        editor().name().value(kEn).toString(), QStringLiteral("QuIS – Quality of Interactions Schedule"));
    QVERIFY(!editor().save());
    QVERIFY(SchemeLibrary(store().records()).list(projectId())->isEmpty());
}

void TestUiSchemes::buildsAndSavesASchemeWithStatesAGroupAndAModifier()
{
    buildMobility();
    QVERIFY(editor().dirty());
    QSignalSpy saved(&editor(), &SchemeEditor::saved);
    QVERIFY2(editor().save(), qPrintable(editor().errorString() + QVariant(editor().problems()).toString()));
    QCOMPARE(saved.count(), 1);
    QVERIFY(editor().problems().isEmpty());
    QVERIFY(editor().infoString().startsWith(QStringLiteral("Saved as version 1")));
    QVERIFY(!editor().dirty());
    QVERIFY(!editor().idEditable());

    auto own = SchemeLibrary(store().records()).list(projectId());
    QVERIFY(own.ok());
    QCOMPARE(own->size(), 1);
    const CodingScheme &s = own->constFirst().scheme;
    QCOMPARE(s.id, QStringLiteral("mobility"));
    QCOMPARE(s.behaviour(QStringLiteral("sit"))->type, EventType::State);
    QCOMPARE(s.behaviour(QStringLiteral("walk"))->type, EventType::Point);
    QCOMPARE(s.behaviour(QStringLiteral("walk"))->modifiers, QStringList { QStringLiteral("help") });
    QCOMPARE(s.excludedBy(QStringLiteral("sit")), QStringList { QStringLiteral("stand") });
    QCOMPARE(s.modifier(QStringLiteral("help"))->options.size(), 2);
    QCOMPARE(schemeNamed(QStringLiteral("mobility")).value(QStringLiteral("version")).toInt(), 1);

    // The next session can be coded with it.
    ObservationSetup &setup = m_services->observationSetup();
    setup.reset();
    QStringList offered;
    for (const QVariant &choice : setup.schemeChoices())
        offered << choice.toMap().value(QStringLiteral("key")).toString();
    QVERIFY2(offered.contains(QStringLiteral("mobility")), qPrintable(offered.join(',')));
    QVERIFY(offered.contains(QStringLiteral("quis")));
    setup.setSchemeId(QStringLiteral("mobility"));
    QCOMPARE(setup.schemeId(), QStringLiteral("mobility"));
}

void TestUiSchemes::problemsAreNamedBesideTheirFieldsAndNothingIsSaved_data()
{
    QTest::addColumn<QString>("spoil");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("says");
    QTest::newRow("duplicate code") << "duplicate"
                                    << "behaviours[1].code"
                                    << "“sit” is used twice here";
    QTest::newRow("empty label") << "emptyLabel"
                                 << "behaviours[2].label"
                                 << "Write a label.";
    QTest::newRow("no name") << "noName"
                             << "name"
                             << "Write a label.";
    QTest::newRow("code with a space") << "badCode"
                                       << "behaviours[0].code"
                                       << "without spaces";
    QTest::newRow("group names an unknown behaviour") << "unknownMember"
                                                      << "exclusive_groups[0].behaviours"
                                                      << "The behaviour “lie” is not in the scheme";
    QTest::newRow("group with a point event") << "pointInGroup"
                                              << "exclusive_groups[0]"
                                              << "at least two different state behaviours";
    QTest::newRow("choice without options") << "noOptions"
                                            << "modifiers[0].options"
                                            << "at least one option";
    QTest::newRow("minimum not a number") << "badMinimum"
                                          << "modifiers[1].minimum"
                                          << "Write a number";
    QTest::newRow("minimum above maximum") << "minAboveMax"
                                           << "modifiers[1]"
                                           << "cannot be above the maximum";
    QTest::newRow("bad colour") << "badColour"
                                << "behaviours[0].color"
                                << "#rrggbb";
    QTest::newRow("subject needed but none possible") << "noSubjects"
                                                      << "behaviours[2].subject"
                                                      << "add a role";
    QTest::newRow("no behaviours") << "noBehaviours"
                                   << "behaviours"
                                   << "at least one behaviour";
    QTest::newRow("code of a built-in scheme") << "builtInId"
                                               << "id"
                                               << "built-in scheme";
}

void TestUiSchemes::problemsAreNamedBesideTheirFieldsAndNothingIsSaved()
{
    QFETCH(QString, spoil);
    QFETCH(QString, field);
    QFETCH(QString, says);
    const int savedBefore = int(SchemeLibrary(store().records()).list(projectId())->size());
    buildMobility();
    editor().setSchemeId(QStringLiteral("mobility-2"));
    const QString behaviours = QStringLiteral("behaviours");
    if (spoil == QLatin1String("duplicate")) {
        editor().setCode(behaviours, 1, QStringLiteral("sit"));
    } else if (spoil == QLatin1String("emptyLabel")) {
        editor().setLabel(behaviours, 2, kSv, QStringLiteral("  "));
        editor().setLabel(behaviours, 2, kEn, QString());
    } else if (spoil == QLatin1String("noName")) {
        editor().setName(kSv, QString());
        editor().setName(kEn, QString());
    } else if (spoil == QLatin1String("badCode")) {
        editor().setCode(behaviours, 0, QStringLiteral("sits down"));
    } else if (spoil == QLatin1String("unknownMember")) {
        editor().setGroupMember(0, QStringLiteral("lie"), true);
    } else if (spoil == QLatin1String("pointInGroup")) {
        editor().setBehaviourState(1, false);
    } else if (spoil == QLatin1String("noOptions")) {
        editor().removeOption(0, 1);
        editor().removeOption(0, 0);
    } else if (spoil == QLatin1String("badMinimum") || spoil == QLatin1String("minAboveMax")) {
        editor().add(QStringLiteral("modifiers"));
        editor().setLabel(QStringLiteral("modifiers"), 1, kSv, QStringLiteral("Meter"));
        editor().setLabel(QStringLiteral("modifiers"), 1, kEn, QStringLiteral("Metres"));
        editor().setModifierType(1, QStringLiteral("number"));
        if (spoil == QLatin1String("badMinimum")) {
            editor().setModifierBound(1, QStringLiteral("minimum"), QStringLiteral("ten"));
        } else {
            editor().setModifierBound(1, QStringLiteral("minimum"), QStringLiteral("10"));
            editor().setModifierBound(1, QStringLiteral("maximum"), QStringLiteral("2.5"));
        }
    } else if (spoil == QLatin1String("badColour")) {
        editor().setBehaviourColor(0, QStringLiteral("green"));
    } else if (spoil == QLatin1String("noSubjects")) {
        editor().setParticipantSubjects(false);
        editor().setBehaviourSubject(2, QStringLiteral("required"));
    } else if (spoil == QLatin1String("noBehaviours")) {
        editor().remove(QStringLiteral("groups"), 0);
        for (int i = 2; i >= 0; --i)
            editor().remove(behaviours, i);
    } else if (spoil == QLatin1String("builtInId")) {
        editor().setSchemeId(QStringLiteral("quis"));
    }
    QVERIFY(editor().problems().isEmpty()); // nothing is shown before saving is tried
    QSignalSpy saved(&editor(), &SchemeEditor::saved);
    QVERIFY(!editor().save());
    QCOMPARE(saved.count(), 0);
    const QVariantMap problems = editor().problems();
    QVERIFY2(problems.value(field).toString().contains(says),
        qPrintable(field + QStringLiteral(": ") + QVariant(problems).toString()));
    QVERIFY2(
        editor().errorString().startsWith(QStringLiteral("Not saved")) || spoil == QLatin1String("builtInId"),
        qPrintable(editor().errorString()));
    QCOMPARE(int(SchemeLibrary(store().records()).list(projectId())->size()), savedBefore);
    // Nothing typed is lost.
    QCOMPARE(editor().name().value(kEn).toString(),
        spoil == QLatin1String("noName") ? QString() : QStringLiteral("Mobility"));
    editor().newScheme();
}

void TestUiSchemes::problemsAreInTheUsersLanguage()
{
    buildMobility();
    editor().setSchemeId(QStringLiteral("mobility-sv"));
    editor().setCode(QStringLiteral("behaviours"), 1, QStringLiteral("sit"));
    QVERIFY(!editor().save());
    const QString english = editor().problems().value(QStringLiteral("behaviours[1].code")).toString();
    QSignalSpy problemsChanged(&editor(), &SchemeEditor::problemsChanged);
    m_services->settings().setLanguage(kSv);
    QVERIFY(problemsChanged.count() > 0);
    const QString swedish = editor().problems().value(QStringLiteral("behaviours[1].code")).toString();
    const QString swedishSummary = editor().errorString();
    m_services->settings().setLanguage(kEn);
    QCOMPARE(english, QStringLiteral("“sit” is used twice here. Each code must be unique."));
    QCOMPARE(swedish, QStringLiteral("”sit” används två gånger här. Varje kod måste vara unik."));
    QVERIFY2(swedishSummary.startsWith(QStringLiteral("Inte sparat")), qPrintable(swedishSummary));
    editor().newScheme();
}

void TestUiSchemes::renamingABehaviourKeepsItsGroup()
{
    buildMobility();
    editor().setCode(QStringLiteral("behaviours"), 0, QStringLiteral("seated"));
    QCOMPARE(editor().groupMembers().value(0).toStringList(),
        (QStringList { QStringLiteral("seated"), QStringLiteral("stand") }));
    editor().setCode(QStringLiteral("modifiers"), 0, QStringLiteral("assist"));
    QCOMPARE(editor().behaviourLinks().value(2).toMap().value(QStringLiteral("modifiers")).toStringList(),
        QStringList { QStringLiteral("assist") });
    // Removing a behaviour takes it out of its group too.
    editor().remove(QStringLiteral("behaviours"), 1);
    QCOMPARE(editor().groupMembers().value(0).toStringList(), QStringList { QStringLiteral("seated") });
    editor().newScheme();
}

void TestUiSchemes::eachSaveIsANewVersionKeptOverARestart()
{
    editor().refresh();
    const QString key = schemeNamed(QStringLiteral("mobility")).value(QStringLiteral("key")).toString();
    QVERIFY(!key.isEmpty());
    QVERIFY(editor().openScheme(key));
    QCOMPARE(editor().baseVersion(), 1);
    QVERIFY(!editor().save());
    QVERIFY2(editor().infoString().contains(QStringLiteral("Nothing has changed")),
        qPrintable(editor().infoString()));
    editor().add(QStringLiteral("roles"));
    editor().setCode(QStringLiteral("roles"), 0, QStringLiteral("patient"));
    editor().setLabel(QStringLiteral("roles"), 0, kSv, QStringLiteral("Patient"));
    editor().setLabel(QStringLiteral("roles"), 0, kEn, QStringLiteral("Patient"));
    QVERIFY(editor().save());
    QCOMPARE(editor().baseVersion(), 2);
    QCOMPARE(SchemeLibrary(store().records()).versions(key)->size(), 2);

    // Samla closes and starts again.
    m_services.reset();
    startServices();
    QCOMPARE(m_services->session().state(), Session::Locked);
    m_services->session().unlock(kPassphrase);
    m_services->session().waitForWorker();
    QCOMPARE(m_services->session().state(), Session::Unlocked);
    editor().refresh();
    const QVariantMap mobility = schemeNamed(QStringLiteral("mobility"));
    QCOMPARE(mobility.value(QStringLiteral("version")).toInt(), 2);
    QVERIFY(editor().openScheme(mobility.value(QStringLiteral("key")).toString()));
    QCOMPARE(editor().roles().size(), 1);
    QCOMPARE(editor().behaviours().size(), 3);
    QCOMPARE(editor().groupMembers().value(0).toStringList(),
        (QStringList { QStringLiteral("sit"), QStringLiteral("stand") }));
}

void TestUiSchemes::duplicateOfABuiltInSchemeIsEditable()
{
    editor().refresh();
    QVERIFY(editor().duplicateScheme(QStringLiteral("builtin:quis")));
    QVERIFY(!editor().readOnly());
    QVERIFY(editor().idEditable());
    QCOMPARE(editor().schemeId(), QStringLiteral("quis-copy-1"));
    QCOMPARE(editor().name().value(kEn).toString(),
        QStringLiteral("QuIS – Quality of Interactions Schedule (copy)"));
    QCOMPARE(
        editor().name().value(kSv).toString(), QStringLiteral("QuIS – kvalitet i interaktioner (kopia)"));
    QCOMPARE(editor().categories().value(0).toMap().value(QStringLiteral("ordered")).toBool(), true);
    QVERIFY(editor().save());
    const QVariantMap copy = schemeNamed(QStringLiteral("quis-copy-1"));
    QCOMPARE(copy.value(QStringLiteral("builtIn")).toBool(), false);
    QCOMPARE(copy.value(QStringLiteral("version")).toInt(), 1);
    QVERIFY(schemeNamed(QStringLiteral("quis")).value(QStringLiteral("builtIn")).toBool());
}

void TestUiSchemes::exportThenImportRoundTrips()
{
    editor().refresh();
    const QString key = schemeNamed(QStringLiteral("mobility")).value(QStringLiteral("key")).toString();
    QVERIFY(editor().exportScheme(key));
    QVERIFY(!editor().exportFailed());
    QCOMPARE(editor().exportKey(), key);
    const QString ownPath = editor().lastExportPath();
    QVERIFY2(ownPath.endsWith(QStringLiteral("mobility-v2.json")), qPrintable(ownPath));
    QVERIFY(editor().exportScheme(QStringLiteral("builtin:quis")));
    const QString quisPath = editor().lastExportPath();
    const CodingScheme original = SchemeLibrary(store().records()).latest(key)->scheme;

    // Into another project of the store: the same scheme, version and all.
    auto other = domain::Projects(store().records()).create(QStringLiteral("Second ward"), false);
    QVERIFY(other.ok());
    QVERIFY(m_services->session().switchProject(other->id));
    editor().refresh();
    QVERIFY(schemeNamed(QStringLiteral("mobility")).isEmpty());
    QVERIFY2(editor().importFile(ownPath), qPrintable(editor().importErrorString()));
    QVERIFY2(editor().importInfoString().startsWith(QStringLiteral("Imported “Mobility”, version 2")),
        qPrintable(editor().importInfoString()));
    auto imported = SchemeLibrary(store().records()).list(other->id);
    QCOMPARE(imported->size(), 1);
    QCOMPARE(imported->constFirst().scheme, original);
    QCOMPARE(schemeToJson(imported->constFirst().scheme), schemeToJson(original));

    // Again: nothing new. QuIS is built in already.
    QVERIFY(editor().importFile(QUrl::fromLocalFile(ownPath).toString()));
    QVERIFY2(editor().importInfoString().contains(QStringLiteral("already here")),
        qPrintable(editor().importInfoString()));
    QVERIFY(editor().importFile(quisPath));
    QVERIFY2(editor().importInfoString().contains(QStringLiteral("already here")),
        qPrintable(editor().importInfoString()));
    QCOMPARE(SchemeLibrary(store().records()).list(other->id)->size(), 1);
}

void TestUiSchemes::badFilesAreRefusedAndTheSchemesStay_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("says");
    QTest::newRow("missing") << "missing.json" << QByteArray() << "There is no file at";
    QTest::newRow("not JSON") << "broken.json" << QByteArrayLiteral("{\"format\": \"samla-coding-scheme\",")
                              << "broken.json is not valid JSON: there is a mistake on line 1";
    QTest::newRow("another format") << "form.json" << QByteArrayLiteral("{\"title\": {\"en\": \"Consent\"}}")
                                    << "is missing a required field: format";
    CodingScheme s;
    s.id = QStringLiteral("walk");
    s.name = { { QString(), QStringLiteral("Walking") } };
    s.behaviours = { Behaviour {
        QStringLiteral("walk"), { { QString(), QStringLiteral("Walks") } }, EventType::State } };
    s.exclusiveGroups
        = { ExclusiveGroup { QStringLiteral("g"), { QStringLiteral("walk"), QStringLiteral("run") } } };
    QTest::newRow("group names an unknown behaviour")
        << "group.json" << schemeToJson(s) << "exclusive_groups[0].behaviours (\"run\") names a behaviour";
    CodingScheme quis = quisScheme();
    quis.samplingIntervalS = 60;
    QTest::newRow("changed built-in") << "quis.json" << schemeToJson(quis) << "code of a built-in scheme";
}

void TestUiSchemes::badFilesAreRefusedAndTheSchemesStay()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, says);
    editor().refresh();
    const QVariantList before = editor().schemes();
    const QString path = bytes.isEmpty() ? m_dir.filePath(file) : writeFile(file, bytes);
    QVERIFY(!editor().importFile(path));
    QVERIFY2(editor().importErrorString().contains(says), qPrintable(editor().importErrorString()));
    QVERIFY(editor().importInfoString().isEmpty());
    QCOMPARE(editor().schemes(), before);
    // In Swedish too.
    m_services->settings().setLanguage(kSv);
    const QString swedish = editor().importErrorString();
    m_services->settings().setLanguage(kEn);
    QVERIFY2(!swedish.contains(says) && !swedish.isEmpty(), qPrintable(swedish));
}

namespace {

QStringList offeredSchemes(ObservationSetup &setup)
{
    setup.reset();
    QStringList offered;
    for (const QVariant &choice : setup.schemeChoices())
        offered << choice.toMap().value(QStringLiteral("key")).toString();
    return offered;
}

} // namespace

void TestUiSchemes::anArchivedSchemeIsNotOfferedForNewSessions()
{
    editor().refresh();
    const QString key = schemeNamed(QStringLiteral("mobility")).value(QStringLiteral("key")).toString();
    QVERIFY(!key.isEmpty());
    QVERIFY(offeredSchemes(m_services->observationSetup()).contains(QStringLiteral("mobility")));

    QVERIFY(editor().archiveScheme(key));
    QVERIFY(schemeNamed(QStringLiteral("mobility")).value(QStringLiteral("archived")).toBool());
    QCOMPARE(editor().exportKey(), key);
    QVERIFY(!editor().exportFailed());
    QVERIFY2(editor().exportMessage().contains(QStringLiteral("is archived")), qPrintable(editor().exportMessage()));
    m_services->settings().setLanguage(kSv);
    QVERIFY2(editor().exportMessage().contains(QStringLiteral("arkiverat")), qPrintable(editor().exportMessage()));
    m_services->settings().setLanguage(kEn);
    QVERIFY(!offeredSchemes(m_services->observationSetup()).contains(QStringLiteral("mobility")));

    // Built-in schemes cannot be archived.
    QVERIFY(!editor().archiveScheme(QStringLiteral("builtin:quis")));
    QVERIFY(editor().exportFailed());

    QVERIFY(editor().restoreScheme(key));
    QVERIFY(!schemeNamed(QStringLiteral("mobility")).value(QStringLiteral("archived")).toBool());
    QVERIFY(offeredSchemes(m_services->observationSetup()).contains(QStringLiteral("mobility")));
}

void TestUiSchemes::aSchemeNoSessionUsedCanBeRemoved()
{
    editor().refresh();
    QVERIFY(editor().duplicateScheme(QStringLiteral("builtin:quis")));
    editor().setSchemeId(QStringLiteral("quis-trial"));
    QVERIFY(editor().save());
    const QVariantMap trial = schemeNamed(QStringLiteral("quis-trial"));
    QCOMPARE(trial.value(QStringLiteral("sessions")).toInt(), 0);
    const QVariantList before = editor().schemes();
    QVERIFY(editor().removeScheme(trial.value(QStringLiteral("key")).toString()));
    QVERIFY(schemeNamed(QStringLiteral("quis-trial")).isEmpty());
    QCOMPARE(editor().schemes().size(), before.size() - 1);
    QVERIFY2(editor().listInfoString().contains(QStringLiteral("was removed")), qPrintable(editor().listInfoString()));
    // Gone after a restart too.
    m_services.reset();
    startServices();
    m_services->session().unlock(kPassphrase);
    m_services->session().waitForWorker();
    editor().refresh();
    QVERIFY(schemeNamed(QStringLiteral("quis-trial")).isEmpty());
    QVERIFY(!schemeNamed(QStringLiteral("mobility")).isEmpty());
}

QTEST_MAIN(TestUiSchemes)
#include "tst_ui_schemes.moc"
