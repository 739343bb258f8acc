// The REFI-QDA export from the notes screen's controller: a .qdpx that QDA
// software opens, holding the project's note titles, codes and participant
// codes, with a message that names the file; a folder that cannot be written
// says so in the user's language and leaves nothing behind.
#include "app/domain/codebook.h"
#include "app/domain/consentgate.h"
#include "app/domain/notes.h"
#include "app/domain/participants.h"
#include "app/store/localstore.h"
#include "app/ui/appmodes.h"
#include "app/ui/appservices.h"
#include "app/ui/appsettings.h"
#include "app/ui/consentflow.h"
#include "app/ui/consentmodels.h"
#include "app/ui/notebook.h"
#include "app/ui/participantregister.h"
#include "app/ui/session.h"
#include "platform/crypto/crypto.h"

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>

#include <QDir>
#include <QDomDocument>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace samla;
using namespace samla::ui;

namespace {

QByteArray readZipEntry(const QString &zipPath, const QString &name)
{
    QuaZip zip(zipPath);
    if (!zip.open(QuaZip::mdUnzip) || !zip.setCurrentFile(name))
        return {};
    QuaZipFile file(&zip);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QStringList attributesOf(const QDomDocument &doc, const QString &tag, const QString &attribute)
{
    QStringList values;
    const QDomNodeList nodes = doc.elementsByTagName(tag);
    for (int i = 0; i < nodes.size(); ++i)
        values << nodes.at(i).toElement().attribute(attribute);
    return values;
}

} // namespace

class TestUiQdpx : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock { 1'780'000'000'000 };
    std::unique_ptr<AppServices> m_services;

    AppServices &services() { return *m_services; }
    Notebook &notebook() { return services().notebook(); }

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize().ok());
        QVERIFY(m_dir.isValid());
        AppServicesOptions options;
        options.dataDir = m_dir.path();
        options.systemLocale = QLocale(QLocale::English, QLocale::UnitedKingdom);
        options.fixedKdf = AppServices::cheapKdfForTests();
        options.application = qApp;
        options.clock = &m_clock;
        m_services = std::make_unique<AppServices>(options);
        QString error;
        QVERIFY2(createUnlockedDemoStore(*m_services, QStringLiteral("blue tractor umbrella 42"), &error),
            qPrintable(error));
    }

    void exportHoldsNotesCodesAndParticipantCodes()
    {
        Session &session = services().session();
        store::LocalStore *store = session.store();
        QVERIFY(store);
        const QString projectId = session.projectId();

        // A participant who consented, a coded field note about them, and a memo.
        ParticipantRegister &reg = services().participants();
        QVERIFY2(reg.enrol(QStringLiteral("patient"), QStringLiteral("65+"), {}, true, {}, {}, {}, {}, {}),
            qPrintable(reg.errorString()));
        const QString participantId = reg.lastEnrolledId();
        ConsentFlow &flow = services().consentFlow();
        QVERIFY(flow.start(participantId));
        flow.setObtainedBy(QStringLiteral("AL"));
        flow.setRoute(ConsentFlow::Verbal);
        flow.setWitness(QStringLiteral("Nurse KB"));
        flow.markInformationRead();
        for (const auto &item : flow.items()->items())
            QVERIFY(flow.setAnswer(item.id, true));
        QVERIFY2(flow.submit(nullptr), qPrintable(flow.errorString()));
        const QString code = domain::Participants(store->records()).get(participantId)->code;
        QVERIFY(!code.isEmpty());

        const domain::Code kindness
            = domain::Codebook(store->records()).create(projectId, QStringLiteral("Small kindnesses")).value();
        domain::Notes *notes = session.notes();
        auto field = notes->create(projectId, QStringLiteral("Tea round on ward 3"),
            QStringLiteral("The nurse brought tea before anyone asked."));
        QVERIFY(field.ok());
        domain::NoteDetails details;
        details.participantId = participantId;
        details.codeIds = { kindness.id };
        QVERIFY(notes->setDetails(field->id, details, domain::ConsentGate(store->records(), m_clock)).ok());
        auto memo = notes->create(projectId, QStringLiteral("Was I too close?"), QStringLiteral("I joined in."));
        QVERIFY(memo.ok());
        domain::NoteDetails reflexive;
        reflexive.memoType = domain::MemoType::Reflexive;
        QVERIFY(notes->setDetails(memo->id, reflexive, domain::ConsentGate(store->records(), m_clock)).ok());

        const QString dir = QDir(m_dir.path()).filePath(QStringLiteral("for nvivo"));
        notebook().setExportDirectory(dir);
        QVERIFY2(notebook().exportQdpx(), qPrintable(notebook().exportMessage()));
        QVERIFY(!notebook().exportMessageIsError());
        const QString path = notebook().lastExportPath();
        QVERIFY(path.startsWith(dir + QLatin1Char('/')));
        QVERIFY(path.endsWith(QStringLiteral(".qdpx")));
        QVERIFY(QFile::exists(path));
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
        // The message names the file and what it holds.
        QVERIFY2(notebook().exportMessage().contains(QDir::toNativeSeparators(path)),
            qPrintable(notebook().exportMessage()));
        QVERIFY(notebook().exportMessage().contains(QStringLiteral("1 participant appears as a case")));

        const QByteArray qde = readZipEntry(path, QStringLiteral("project.qde"));
        QDomDocument doc;
        QVERIFY(doc.setContent(qde));
        QCOMPARE(doc.documentElement().attribute(QStringLiteral("name")), session.projectName());
        const QStringList sources = attributesOf(doc, QStringLiteral("TextSource"), QStringLiteral("name"));
        QVERIFY(sources.contains(QStringLiteral("Tea round on ward 3")));
        QCOMPARE(attributesOf(doc, QStringLiteral("Note"), QStringLiteral("name")).count(QStringLiteral("Was I too close?")), 1);
        QVERIFY(attributesOf(doc, QStringLiteral("Code"), QStringLiteral("name")).contains(QStringLiteral("Small kindnesses")));
        QCOMPARE(attributesOf(doc, QStringLiteral("Case"), QStringLiteral("name")), QStringList { code });
        // Every note of the project is there (the demo project's notes too).
        notebook().refresh();
        QVERIFY(notebook().noteCount() > 2);
        QCOMPARE(int(sources.size() + attributesOf(doc, QStringLiteral("Note"), QStringLiteral("name")).size()),
            notebook().noteCount());
        QCOMPARE(QString::fromUtf8(readZipEntry(path, QStringLiteral("Sources/") + field->id + QStringLiteral(".txt"))),
            QStringLiteral("The nurse brought tea before anyone asked."));
    }

    void anUnwritableFolderSaysSoInTheUsersLanguageAndLeavesNothing()
    {
        // A folder inside a regular file can never be made or written (even as root).
        const QString parent = QDir(m_dir.path()).filePath(QStringLiteral("fail"));
        QVERIFY(QDir().mkpath(parent));
        const QString blocker = QDir(parent).filePath(QStringLiteral("not-a-folder"));
        QFile block(blocker);
        QVERIFY(block.open(QIODevice::WriteOnly));
        block.close();
        const QString dir = blocker + QStringLiteral("/exports");
        notebook().setExportDirectory(dir);

        QVERIFY(!notebook().exportQdpx());
        QVERIFY(notebook().exportMessageIsError());
        QVERIFY(notebook().lastExportPath().isEmpty());
        const QString english = notebook().exportMessage();
        QVERIFY2(english.startsWith(QStringLiteral("The notes could not be exported to ") + dir + QLatin1Char('/')),
            qPrintable(english));
        QVERIFY(english.contains(QStringLiteral(".qdpx")));
        QVERIFY(english.contains(QStringLiteral("Nothing was saved")));
        QCOMPARE(QDir(parent).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden),
            QStringList { QStringLiteral("not-a-folder") });
        QCOMPARE(QFileInfo(blocker).size(), 0);

        // The message follows the language.
        services().settings().setLanguage(QStringLiteral("sv"));
        const QString swedish = notebook().exportMessage();
        QVERIFY(swedish != english);
        QVERIFY2(swedish.startsWith(QStringLiteral("Anteckningarna kunde inte exporteras till ") + dir),
            qPrintable(swedish));
        QVERIFY(Notebook::exportErrorText(ErrorCode::DiskFull, dir).contains(QStringLiteral("disken är full")));
        // Tried again in Swedish: the same, nothing left.
        QVERIFY(!notebook().exportQdpx());
        QVERIFY(notebook().exportMessage().startsWith(QStringLiteral("Anteckningarna kunde inte exporteras")));
        QCOMPARE(QDir(parent).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden).size(), 1);
        services().settings().setLanguage(QStringLiteral("en"));
        QCOMPARE(notebook().exportMessage().left(20), english.left(20));

        // A full disk and a read-only folder each say what to do.
        QVERIFY(Notebook::exportErrorText(ErrorCode::DiskFull, dir).contains(QStringLiteral("the disk is full")));
        QVERIFY(Notebook::exportErrorText(ErrorCode::ReadOnly, dir).contains(QStringLiteral("cannot be written to")));
    }

    void closingTheExportClearsTheMessage()
    {
        QVERIFY(!notebook().exportMessage().isEmpty());
        notebook().clearExportMessage();
        QVERIFY(notebook().exportMessage().isEmpty());
    }
};

QTEST_MAIN(TestUiQdpx)
#include "tst_ui_qdpx.moc"
