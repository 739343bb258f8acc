// ProjectList over a real store: the demo case studies after first run, creating a
// project (validated, in words), opening another one, and that the choice survives
// lock/unlock and a restart of the app.
#include "app/domain/notes.h"
#include "app/domain/participants.h"
#include "app/domain/projects.h"
#include "app/ui/appmodes.h"
#include "app/ui/appservices.h"
#include "app/ui/appsettings.h"
#include "app/ui/notebook.h"
#include "app/ui/participantregister.h"
#include "app/ui/projecteditor.h"
#include "app/ui/projectlist.h"
#include "app/ui/session.h"
#include "platform/crypto/crypto.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace samla;
using namespace samla::ui;

namespace {

const QString kPassphrase = QStringLiteral("blue tractor umbrella 42");

QVariantMap rowWithPrefix(const QVariantList &rows, const QString &prefix)
{
    for (const QVariant &row : rows) {
        if (row.toMap().value(QStringLiteral("codePrefix")).toString() == prefix)
            return row.toMap();
    }
    return {};
}

} // namespace

class TestUiProjects : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<AppServices> m_services;

    std::unique_ptr<AppServices> makeServices()
    {
        AppServicesOptions options;
        options.dataDir = m_dir.path();
        options.systemLocale = QLocale(QLocale::English, QLocale::UnitedKingdom);
        options.fixedKdf = AppServices::cheapKdfForTests();
        options.application = qApp;
        return std::make_unique<AppServices>(options);
    }

    bool unlock(AppServices &services)
    {
        services.session().unlock(kPassphrase);
        services.session().waitForWorker();
        QCoreApplication::processEvents();
        return services.session().state() == Session::Unlocked;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize().ok());
        QVERIFY(m_dir.isValid());
        m_services = makeServices();
        QString error;
        QVERIFY2(createUnlockedDemoStore(*m_services, kPassphrase, &error), qPrintable(error));
    }

    void firstRunListsTheThreeCaseStudiesWithTheCafeOpen()
    {
        ProjectList &list = m_services->projectList();
        const QVariantList rows = list.projects();
        QCOMPARE(rows.size(), 3);
        const QVariantMap cafe = rowWithPrefix(rows, QStringLiteral("LC"));
        const QVariantMap ward = rowWithPrefix(rows, QStringLiteral("PW"));
        const QVariantMap network = rowWithPrefix(rows, QStringLiteral("CN"));
        QVERIFY(!cafe.isEmpty() && !ward.isEmpty() && !network.isEmpty());
        QVERIFY(ward.value(QStringLiteral("name")).toString().contains(QStringLiteral("psychiatric ward")));
        QVERIFY(network.value(QStringLiteral("name")).toString().contains(QStringLiteral("Care network")));
        // The café opens first and lists first; every one is marked as a demo.
        QCOMPARE(rows.first().toMap().value(QStringLiteral("codePrefix")).toString(), QStringLiteral("LC"));
        QVERIFY(cafe.value(QStringLiteral("open")).toBool());
        QVERIFY(!ward.value(QStringLiteral("open")).toBool());
        QCOMPARE(list.openProjectId(), m_services->session().projectId());
        for (const QVariant &row : rows)
            QVERIFY(row.toMap().value(QStringLiteral("demo")).toBool());
        // The café's example notes are counted.
        QCOMPARE(cafe.value(QStringLiteral("notes")).toInt(), m_services->notebook().noteCount());
        QVERIFY(m_services->notebook().noteCount() > 0);
    }

    void creatingRefusesABadNameOrPrefixInWords_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("says");
        QTest::newRow("no name") << "  "
                                 << "HV"
                                 << "name";
        QTest::newRow("no prefix") << "Home visits"
                                   << ""
                                   << "code prefix";
        QTest::newRow("a name as prefix") << "Home visits"
                                          << "ASTRID"
                                          << "code prefix";
        QTest::newRow("digits in prefix") << "Home visits"
                                          << "H1"
                                          << "code prefix";
    }

    void creatingRefusesABadNameOrPrefixInWords()
    {
        QFETCH(QString, name);
        QFETCH(QString, prefix);
        QFETCH(QString, says);
        ProjectList &list = m_services->projectList();
        const QString before = m_services->session().projectId();
        QVERIFY(!list.createProject(name, prefix));
        QVERIFY2(list.errorString().contains(says), qPrintable(list.errorString()));
        QCOMPARE(list.projects().size(), 3);
        QCOMPARE(domain::Projects(m_services->session().store()->records()).list()->size(), 3);
        QCOMPARE(m_services->session().projectId(), before);
        list.clearError();
    }

    void creatingOpensTheNewProjectForEditing()
    {
        ProjectList &list = m_services->projectList();
        QSignalSpy changed(&m_services->session(), &Session::projectChanged);
        QVERIFY2(list.createProject(QStringLiteral("  Home visits  "), QStringLiteral("hv")),
            qPrintable(list.errorString()));
        QCOMPARE(list.errorString(), QString());
        QVERIFY(changed.count() >= 1);
        QCOMPARE(m_services->session().projectName(), QStringLiteral("Home visits"));
        QVERIFY(!m_services->session().isDemoProject());

        const QVariantMap row = rowWithPrefix(list.projects(), QStringLiteral("HV"));
        QCOMPARE(row.value(QStringLiteral("name")).toString(), QStringLiteral("Home visits"));
        QVERIFY(row.value(QStringLiteral("open")).toBool());
        QVERIFY(!row.value(QStringLiteral("demo")).toBool());
        QCOMPARE(row.value(QStringLiteral("participants")).toInt(), 0);
        QCOMPARE(list.projects().size(), 4);

        // The editor now edits the new project, which can be saved as it stands.
        ProjectEditor &editor = m_services->projectEditor();
        QCOMPARE(editor.name(), QStringLiteral("Home visits"));
        QCOMPARE(editor.codePrefix(), QStringLiteral("HV"));
        QVERIFY(!editor.lawfulBasis().isEmpty());
        editor.setReconsentIntervalDays(365);
        editor.setRetentionMonths(120);
        QVERIFY2(editor.save(), qPrintable(editor.errorString()));

        // The notebook and the register follow: no notes, and codes with the new prefix.
        QCOMPARE(m_services->notebook().projectName(), QStringLiteral("Home visits"));
        QCOMPARE(m_services->notebook().noteCount(), 0);
        QCOMPARE(m_services->notebook().notes()->rowCount(), 0);
        ParticipantRegister &reg = m_services->participants();
        QVERIFY(reg.enrol(QStringLiteral("patient"), QStringLiteral("65+"), {}, true, {}, {}, {}, {}, {}));
        auto enrolled
            = domain::Participants(m_services->session().store()->records()).get(reg.lastEnrolledId());
        QVERIFY(enrolled.ok());
        QCOMPARE(enrolled->code, QStringLiteral("HV-001"));
        list.refresh(); // as the Projects screen does when it opens
        QCOMPARE(rowWithPrefix(list.projects(), QStringLiteral("HV"))
                     .value(QStringLiteral("participants"))
                     .toInt(),
            1);
    }

    void switchingBackShowsThatProjectsNotes()
    {
        ProjectList &list = m_services->projectList();
        const QString cafeId
            = rowWithPrefix(list.projects(), QStringLiteral("LC")).value(QStringLiteral("id")).toString();
        QVERIFY(list.open(cafeId));
        QCOMPARE(m_services->session().projectId(), cafeId);
        QVERIFY(m_services->notebook().noteCount() > 0);
        QCOMPARE(m_services->projectEditor().codePrefix(), QStringLiteral("LC"));
        QVERIFY(rowWithPrefix(list.projects(), QStringLiteral("LC")).value(QStringLiteral("open")).toBool());
        QVERIFY(!rowWithPrefix(list.projects(), QStringLiteral("HV")).value(QStringLiteral("open")).toBool());
        // A project that does not exist is refused in words and nothing changes.
        QVERIFY(!list.open(QStringLiteral("no-such-project")));
        QVERIFY(!list.errorString().isEmpty());
        QCOMPARE(m_services->session().projectId(), cafeId);
    }

    void theChoiceSurvivesLockAndRestart()
    {
        ProjectList &list = m_services->projectList();
        const QString wardId
            = rowWithPrefix(list.projects(), QStringLiteral("PW")).value(QStringLiteral("id")).toString();
        QVERIFY(list.open(wardId));
        QCOMPARE(m_services->session().projectId(), wardId);

        m_services->session().lock();
        QVERIFY(list.projects().isEmpty());
        QVERIFY(unlock(*m_services));
        QCOMPARE(m_services->session().projectId(), wardId);
        QVERIFY(m_services->notebook().projectName().contains(QStringLiteral("psychiatric ward")));

        // A restart: a new app over the same data directory.
        m_services.reset();
        m_services = makeServices();
        QVERIFY(unlock(*m_services));
        QCOMPARE(m_services->session().projectId(), wardId);
        QCOMPARE(m_services->projectList().openProjectId(), wardId);
        QCOMPARE(m_services->projectList().projects().size(), 4);
        QCOMPARE(m_services->projectEditor().codePrefix(), QStringLiteral("PW"));
    }

    void errorsAreInSwedish()
    {
        ProjectList &list = m_services->projectList();
        m_services->settings().setLanguage(QStringLiteral("sv"));
        QVERIFY(!list.createProject(QStringLiteral("Hembesök"), QStringLiteral("ASTRID")));
        const QString swedish = list.errorString();
        m_services->settings().setLanguage(QStringLiteral("en"));
        const QString english = list.errorString();
        QVERIFY(!swedish.isEmpty());
        QVERIFY2(swedish != english, qPrintable(swedish));
        QVERIFY(english.contains(QStringLiteral("code prefix")));
        list.clearError();
    }
};

QTEST_MAIN(TestUiProjects)
#include "tst_ui_projects.moc"
