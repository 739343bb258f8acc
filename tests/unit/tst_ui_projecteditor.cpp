// ProjectEditor over a real store: the draft, validation in words, saving a new version the app then uses.
#include "app/domain/projects.h"
#include "app/ui/appmodes.h"
#include "app/ui/appservices.h"
#include "app/ui/appsettings.h"
#include "app/ui/projecteditor.h"
#include "app/ui/session.h"
#include "platform/crypto/crypto.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace samla;
using namespace samla::ui;

class TestProjectEditor : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<AppServices> m_services;

private slots:
    void initTestCase();
    void loadsTheCurrentProject();
    void refusesInvalidSettingsNamingTheField_data();
    void refusesInvalidSettingsNamingTheField();
    void savesANewVersionTheAppUses();
    void sitesCanBeAddedAndRemoved();
    void aSiteIsGivenAStudyArm();
};

void TestProjectEditor::initTestCase()
{
    QVERIFY(crypto::initialize().ok());
    QVERIFY(m_dir.isValid());
    AppServicesOptions options;
    options.dataDir = m_dir.path();
    options.systemLocale = QLocale(QLocale::English, QLocale::UnitedKingdom);
    options.fixedKdf = AppServices::cheapKdfForTests();
    options.application = qApp;
    m_services = std::make_unique<AppServices>(options);
    QString error;
    QVERIFY2(createUnlockedDemoStore(*m_services, QStringLiteral("blue tractor umbrella 42"), &error),
        qPrintable(error));
}

void TestProjectEditor::loadsTheCurrentProject()
{
    ProjectEditor &editor = m_services->projectEditor();
    editor.load();
    QCOMPARE(editor.name(), m_services->session().projectName());
    QCOMPARE(editor.codePrefix(), QStringLiteral("LC"));
    QVERIFY(editor.swedish());
    QVERIFY(editor.english());
    QVERIFY(!editor.erasePolicy());
    QCOMPARE(editor.reconsentIntervalDays(), 180);
    QCOMPARE(editor.sites().size(), 1);
    QVERIFY(!editor.dirty());
}

void TestProjectEditor::refusesInvalidSettingsNamingTheField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("says");
    QTest::newRow("empty name") << "name"
                                << "  "
                                << "name";
    QTest::newRow("prefix with a name in it") << "codePrefix"
                                              << "ASTRID"
                                              << "code prefix";
    QTest::newRow("no language") << "languages"
                                 << ""
                                 << "working language";
    QTest::newRow("no lawful basis") << "lawfulBasis"
                                     << ""
                                     << "lawful basis";
    QTest::newRow("site without a name") << "site"
                                         << ""
                                         << "site needs a name";
}

void TestProjectEditor::refusesInvalidSettingsNamingTheField()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, says);
    ProjectEditor &editor = m_services->projectEditor();
    editor.load();
    if (field == QLatin1String("languages")) {
        editor.setSwedish(false);
        editor.setEnglish(false);
    } else if (field == QLatin1String("site")) {
        editor.addSite();
    } else {
        QVERIFY(editor.setProperty(field.toLatin1().constData(), value));
    }
    QVERIFY(editor.dirty());
    const QString before = m_services->session().project().settings.codePrefix;
    QVERIFY(!editor.save());
    QVERIFY2(editor.errorString().contains(says, Qt::CaseInsensitive), qPrintable(editor.errorString()));
    QCOMPARE(m_services->session().project().settings.codePrefix, before);

    // The message follows the language.
    m_services->settings().setLanguage(QStringLiteral("sv"));
    QVERIFY(!editor.errorString().contains(says, Qt::CaseInsensitive));
    QVERIFY(!editor.errorString().isEmpty());
    m_services->settings().setLanguage(QStringLiteral("en"));
    editor.load();
}

void TestProjectEditor::savesANewVersionTheAppUses()
{
    ProjectEditor &editor = m_services->projectEditor();
    editor.load();
    const int version = m_services->session().project().version;
    QSignalSpy changed(&m_services->session(), &Session::projectChanged);
    editor.setReconsentIntervalDays(90);
    editor.setErasePolicy(true);
    editor.setRecheckEverySession(true);
    QVERIFY(editor.save());
    QCOMPARE(changed.count(), 1);
    QVERIFY(!editor.dirty());
    QVERIFY(!editor.infoString().isEmpty());

    const domain::Project &current = m_services->session().project();
    QCOMPARE(current.version, version + 1);
    QCOMPARE(current.settings.reconsentIntervalDays, 90);
    QCOMPARE(current.settings.withdrawalPolicy, domain::WithdrawalPolicy::StopAndErase);
    auto stored = domain::Projects(m_services->session().store()->records()).get(current.id);
    QVERIFY(stored.ok());
    QVERIFY(stored->settings.recheckEverySession);
}

void TestProjectEditor::sitesCanBeAddedAndRemoved()
{
    ProjectEditor &editor = m_services->projectEditor();
    editor.load();
    editor.addSite();
    editor.setSiteName(1, QStringLiteral("Ward 7"));
    editor.setSiteJurisdiction(1, QStringLiteral("gb-eng"));
    QVERIFY(editor.save());
    const auto sites = m_services->session().project().settings.sites;
    QCOMPARE(sites.size(), 2);
    QCOMPARE(sites.at(1).name, QStringLiteral("Ward 7"));
    QCOMPARE(sites.at(1).jurisdiction, domain::Jurisdiction::England);
    QVERIFY(!sites.at(1).id.isEmpty());
    editor.removeSite(1);
    QVERIFY(editor.save());
    QCOMPARE(m_services->session().project().settings.sites.size(), 1);
}

void TestProjectEditor::aSiteIsGivenAStudyArm()
{
    ProjectEditor &editor = m_services->projectEditor();
    editor.load();
    QCOMPARE(editor.sites().constFirst().toMap().value(QStringLiteral("arm")).toString(), QStringLiteral("none"));
    QSignalSpy sites(&editor, &ProjectEditor::sitesChanged);
    editor.setSiteArm(0, QStringLiteral("control"));
    QCOMPARE(sites.count(), 1);
    QVERIFY(editor.dirty());
    QCOMPARE(editor.sites().constFirst().toMap().value(QStringLiteral("arm")).toString(), QStringLiteral("control"));
    // A key the screen never sends, or a site that does not exist, changes nothing.
    editor.setSiteArm(0, QStringLiteral("placebo"));
    editor.setSiteArm(5, QStringLiteral("intervention"));
    QCOMPARE(sites.count(), 1);
    QVERIFY(editor.save());
    QCOMPARE(m_services->session().project().settings.sites.constFirst().arm, domain::StudyArm::Control);
    editor.load();
    QCOMPARE(editor.sites().constFirst().toMap().value(QStringLiteral("arm")).toString(), QStringLiteral("control"));
    editor.setSiteArm(0, QStringLiteral("none"));
    QVERIFY(editor.save());
    QCOMPARE(m_services->session().project().settings.sites.constFirst().arm, domain::StudyArm::None);
}

QTEST_MAIN(TestProjectEditor)

#include "tst_ui_projecteditor.moc"
