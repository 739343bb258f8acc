// The app's controllers over a real store: first run, unlock, lock with a draft, idle lock, recovery.
#include "app/store/localstore.h"
#include "app/ui/appservices.h"
#include "app/ui/appsettings.h"
#include "app/ui/errortext.h"
#include "app/ui/idlemonitor.h"
#include "app/ui/navigator.h"
#include "app/ui/notebook.h"
#include "app/ui/noteeditor.h"
#include "app/ui/session.h"
#include "platform/crypto/crypto.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace samla;
using namespace samla::ui;
using namespace std::chrono_literals;

namespace {
const QString kPassphrase = QStringLiteral("blue tractor umbrella 42");
const QString kNewPassphrase = QStringLiteral("seven quiet harbour lamps");
} // namespace

class TestSession : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_recoveryKey; // kept by the test, as the user keeps it on paper
    QString m_currentPassphrase = kPassphrase;

    std::unique_ptr<AppServices> start()
    {
        AppServicesOptions options;
        options.dataDir = m_dir.path();
        options.systemLocale = QLocale(QLocale::English, QLocale::UnitedKingdom);
        options.fixedKdf = AppServices::cheapKdfForTests();
        options.application = qApp;
        return std::make_unique<AppServices>(options);
    }

    static bool unlock(AppServices &services, const QString &passphrase)
    {
        services.session().unlock(passphrase);
        services.session().waitForWorker();
        return services.session().state() == Session::Unlocked;
    }

private slots:
    void initTestCase();
    void firstRunRefusesWeakOrDifferentPassphrases();
    void firstRunCreatesStoreShowsKeyOnceAndSeedsDemo();
    void wrongPassphraseKeepsItLockedAndSaysSoInTheUsersLanguage();
    void lockSavesTheDraftAndUnlockReturnsToTheSameNote();
    void leavingTheEditorSavesTheDraft();
    void idleTimeLocks();
    void changePassphrase();
    void recoveryKeyOpensAndSetsANewPassphrase();
};

void TestSession::initTestCase()
{
    QVERIFY(crypto::initialize().ok());
    QVERIFY(m_dir.isValid());
}

void TestSession::firstRunRefusesWeakOrDifferentPassphrases()
{
    auto services = start();
    Session &session = services->session();
    QCOMPARE(session.state(), Session::NeedsSetup);

    session.createStore(QStringLiteral("short"), QStringLiteral("short"));
    QCOMPARE(session.errorString(), ErrorText::forUi(UiError::PassphraseTooShort));
    session.createStore(QStringLiteral("password123"), QStringLiteral("password123"));
    QCOMPARE(session.errorString(), ErrorText::forUi(UiError::PassphraseTooWeak));
    session.createStore(kPassphrase, kPassphrase + QLatin1Char('x'));
    QCOMPARE(session.errorString(), ErrorText::forUi(UiError::PassphrasesDiffer));
    QCOMPARE(session.state(), Session::NeedsSetup);
    QVERIFY(!store::LocalStore::exists(m_dir.path()));
}

void TestSession::firstRunCreatesStoreShowsKeyOnceAndSeedsDemo()
{
    auto services = start();
    Session &session = services->session();
    QSignalSpy states(&session, &Session::stateChanged);
    session.createStore(kPassphrase, kPassphrase);
    QCOMPARE(session.state(), Session::Creating); // the UI shows the busy screen meanwhile
    QVERIFY(session.busy());
    session.waitForWorker();
    QCOMPARE(session.state(), Session::ShowRecoveryKey);
    QVERIFY(!session.busy());
    QVERIFY(store::LocalStore::exists(m_dir.path()));

    m_recoveryKey = session.recoveryKey();
    QCOMPARE(m_recoveryKey.size(), 64); // 13 groups of 4 and 12 dashes
    const QString lastGroup = m_recoveryKey.section(QLatin1Char('-'), -1);

    QVERIFY(!session.confirmRecoveryKey(false, lastGroup));
    QCOMPARE(session.errorString(), ErrorText::forUi(UiError::RecoveryNotConfirmed));
    QVERIFY(!session.confirmRecoveryKey(true, QStringLiteral("ZZZZ")));
    QCOMPARE(session.errorString(), ErrorText::forUi(UiError::RecoveryGroupMismatch));
    QCOMPARE(session.state(), Session::ShowRecoveryKey);

    // Lower case and spaces, as typed from paper, are fine.
    QVERIFY(session.confirmRecoveryKey(true, QLatin1Char(' ') + lastGroup.toLower() + QLatin1Char(' ')));
    QCOMPARE(session.state(), Session::Unlocked);
    QVERIFY(session.errorString().isEmpty());
    QVERIFY(session.recoveryKey().isEmpty()); // shown once, then gone

    QVERIFY(!services->notebook().projectName().isEmpty());
    QVERIFY(services->notebook().noteCount() > 0);
    QCOMPARE(services->notebook().notes()->rowCount(), services->notebook().noteCount());
}

void TestSession::wrongPassphraseKeepsItLockedAndSaysSoInTheUsersLanguage()
{
    auto services = start();
    Session &session = services->session();
    QCOMPARE(session.state(), Session::Locked);
    const QByteArray keyFileBefore = [&] {
        QFile f(m_dir.filePath(QStringLiteral("samla.keys")));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();

    QVERIFY(!unlock(*services, QStringLiteral("not my passphrase at all")));
    QCOMPARE(session.state(), Session::Locked);
    QCOMPARE(session.lastErrorCode(), std::optional<ErrorCode>(ErrorCode::WrongPassphrase));
    QCOMPARE(session.errorString(),
        QStringLiteral("That passphrase is not right. Nothing has been changed. "
                       "Try again, or use your recovery key."));
    QCOMPARE(services->notebook().noteCount(), 0);

    // Switching language re-translates the message on screen.
    QSignalSpy errorChanged(&session, &Session::errorStringChanged);
    services->settings().setLanguage(QStringLiteral("sv"));
    QVERIFY(errorChanged.count() >= 1);
    QVERIFY2(
        session.errorString().startsWith(QStringLiteral("Lösenfrasen")), qPrintable(session.errorString()));
    services->settings().setLanguage(QStringLiteral("en"));

    QFile keyFile(m_dir.filePath(QStringLiteral("samla.keys")));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    QCOMPARE(keyFile.readAll(), keyFileBefore); // nothing changed

    QVERIFY(unlock(*services, m_currentPassphrase));
    QVERIFY(session.errorString().isEmpty());
}

void TestSession::lockSavesTheDraftAndUnlockReturnsToTheSameNote()
{
    auto services = start();
    QVERIFY(unlock(*services, m_currentPassphrase));
    NotesModel *notes = services->notebook().notes();
    QVERIFY(notes->rowCount() > 0);
    const QString id = notes->data(notes->index(0), NotesModel::IdRole).toString();

    NoteEditor &editor = services->editor();
    QVERIFY(editor.openNote(id));
    services->navigator().push(QStringLiteral("notes"));
    services->navigator().push(QStringLiteral("editor"));
    const int versionBefore = editor.version();
    const QString edited = editor.text() + QStringLiteral("\nAdded before the lock.");
    editor.setText(edited);
    QVERIFY(editor.dirty());

    services->session().lock();
    QCOMPARE(services->session().state(), Session::Locked);
    QVERIFY(editor.text().isEmpty()); // no plaintext kept while locked
    QCOMPARE(services->notebook().notes()->rowCount(), 0);
    QCOMPARE(services->navigator().screen(), QStringLiteral("editor"));

    QVERIFY(unlock(*services, m_currentPassphrase));
    QCOMPARE(services->navigator().screen(), QStringLiteral("editor"));
    QCOMPARE(editor.noteId(), id);
    QCOMPARE(editor.text(), edited);
    QVERIFY(!editor.dirty());
    QCOMPARE(editor.version(), versionBefore + 1); // saved as a new version, nothing lost
    QVERIFY(editor.loadVersions());
    QCOMPARE(editor.versions()->rowCount(), versionBefore + 1);
}

void TestSession::leavingTheEditorSavesTheDraft()
{
    auto services = start();
    QVERIFY(unlock(*services, m_currentPassphrase));
    const int before = services->notebook().noteCount();
    NoteEditor &editor = services->editor();
    editor.newNote();
    services->navigator().push(QStringLiteral("editor"));
    editor.setTitle(QStringLiteral("Corridor, 07:40"));
    editor.setText(QStringLiteral("Two nurses discuss the night's admissions."));
    services->navigator().back();
    QVERIFY(!editor.dirty());
    QCOMPARE(services->notebook().noteCount(), before + 1);
    QCOMPARE(services->notebook()
                 .notes()
                 ->data(services->notebook().notes()->index(0), NotesModel::TitleRole)
                 .toString(),
        QStringLiteral("Corridor, 07:40")); // newest first

    // An empty new note is not saved.
    editor.newNote();
    QVERIFY(!editor.save());
    QCOMPARE(editor.errorString(), ErrorText::forUi(UiError::NothingToSave));
    QCOMPARE(services->notebook().noteCount(), before + 1);
}

void TestSession::idleTimeLocks()
{
    auto services = start();
    QVERIFY(unlock(*services, m_currentPassphrase));
    QVERIFY(services->idleMonitor().isActive());
    QCOMPARE(services->idleMonitor().timeout(), std::chrono::milliseconds(5min));
    services->idleMonitor().setTimeout(150ms);
    QTRY_COMPARE_WITH_TIMEOUT(services->session().state(), Session::Locked, 3000);
    QVERIFY(!services->idleMonitor().isActive());

    // The setting drives the timer.
    services->settings().setIdleLockMinutes(1);
    QCOMPARE(services->idleMonitor().timeout(), std::chrono::milliseconds(1min));
    services->settings().setIdleLockMinutes(5);
}

void TestSession::changePassphrase()
{
    auto services = start();
    Session &session = services->session();
    QVERIFY(unlock(*services, m_currentPassphrase));
    QSignalSpy finished(&session, &Session::passphraseChangeFinished);

    session.changePassphrase(QStringLiteral("wrong current one"), kNewPassphrase, kNewPassphrase);
    QVERIFY(session.busy());
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.takeFirst().first().toBool(), false);
    QCOMPARE(session.lastErrorCode(), std::optional<ErrorCode>(ErrorCode::WrongPassphrase));

    session.changePassphrase(m_currentPassphrase, QStringLiteral("weak"), QStringLiteral("weak"));
    QCOMPARE(finished.takeFirst().first().toBool(), false);
    QCOMPARE(session.errorString(), ErrorText::forUi(UiError::PassphraseTooShort));

    session.changePassphrase(m_currentPassphrase, kNewPassphrase, kNewPassphrase);
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.takeFirst().first().toBool(), true);
    QVERIFY(!session.infoString().isEmpty());
    m_currentPassphrase = kNewPassphrase;

    session.lock();
    QVERIFY(!unlock(*services, kPassphrase));
    QVERIFY(unlock(*services, kNewPassphrase));
}

void TestSession::recoveryKeyOpensAndSetsANewPassphrase()
{
    auto services = start();
    Session &session = services->session();
    QCOMPARE(session.state(), Session::Locked);

    session.recover(QStringLiteral("AAAA-BBBB"), kPassphrase, kPassphrase);
    session.waitForWorker();
    QCOMPARE(session.state(), Session::Locked);
    QCOMPARE(session.lastErrorCode(), std::optional<ErrorCode>(ErrorCode::WrongRecoveryKey));

    // Typed from paper: lower case, spaces instead of dashes.
    QString typed = m_recoveryKey.toLower();
    typed.replace(QLatin1Char('-'), QLatin1Char(' '));
    const QString fresh = QStringLiteral("violet ferry morning bread");
    session.recover(typed, fresh, fresh);
    session.waitForWorker();
    QCOMPARE(session.state(), Session::Unlocked);
    QVERIFY(services->notebook().noteCount() > 0);

    session.lock();
    QVERIFY(!unlock(*services, m_currentPassphrase));
    QVERIFY(unlock(*services, fresh));
}

QTEST_MAIN(TestSession)
#include "tst_ui_session.moc"
