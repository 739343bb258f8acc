#include "appmodes.h"
#include "appservices.h"
#include "appsettings.h"
#include "navigator.h"
#include "notebook.h"
#include "noteeditor.h"
#include "session.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QGuiApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <functional>

namespace samla::ui {

namespace {

const QString kPassphrase = QStringLiteral("Tulpaner och kaffe på avdelning 7");

class Shooter {
public:
    Shooter(AppServices &services, QQuickWindow &window, const QString &outDir)
        : m_services(services)
        , m_window(window)
        , m_outDir(outDir)
    {
    }

    // Waits until the scene has been polished, synced and a frame swapped, twice:
    // a layout change seen in one frame may need one more polish to settle.
    void settle()
    {
        for (int frame = 0; frame < 3; ++frame) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
            QEventLoop loop;
            QTimer timeout;
            timeout.setSingleShot(true);
            QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
            bool swapped = false;
            auto connection = QObject::connect(&m_window, &QQuickWindow::frameSwapped, &loop, [&] {
                swapped = true;
                loop.quit();
            });
            m_window.update();
            timeout.start(1000);
            loop.exec();
            QObject::disconnect(connection);
            if (!swapped)
                ++m_frameTimeouts;
        }
    }

    QObject *find(const QString &objectName) { return m_window.findChild<QObject *>(objectName); }

    void setText(const QString &objectName, const QString &text)
    {
        if (QObject *field = find(objectName))
            field->setProperty("text", text);
        else
            m_failures << QStringLiteral("no item named ") + objectName;
    }

    // Renders the current state in both languages and both sizes.
    void shoot(const QString &screen, const std::function<void()> &afterLanguageSwitch = {})
    {
        const QString startLanguage = m_services.settings().language();
        for (const QString &language : { QStringLiteral("en"), QStringLiteral("sv") }) {
            m_services.settings().setLanguage(language);
            if (afterLanguageSwitch)
                afterLanguageSwitch();
            for (const QSize size : { QSize(1280, 800), QSize(800, 1280) }) {
                m_window.resize(size);
                settle();
                const QImage image = m_window.grabWindow();
                const QString path = QDir(m_outDir).filePath(QStringLiteral("%1-%2-%3x%4.png")
                                                                 .arg(screen, language)
                                                                 .arg(size.width())
                                                                 .arg(size.height()));
                if (image.isNull() || !image.save(path))
                    m_failures << QStringLiteral("could not write ") + path;
                else
                    ++m_written;
            }
        }
        m_services.settings().setLanguage(startLanguage);
    }

    QStringList failures() const { return m_failures; }
    int written() const { return m_written; }
    void fail(const QString &why) { m_failures << why; }

private:
    AppServices &m_services;
    QQuickWindow &m_window;
    QString m_outDir;
    QStringList m_failures;
    int m_written = 0;

public:
    int m_frameTimeouts = 0;
};

// A word from the first demo note, so the search screenshot has hits to highlight.
QString searchWordFrom(NotesModel &model)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString text = model.data(model.index(row), NotesModel::FirstLineRole).toString()
            + QLatin1Char(' ') + model.data(model.index(row), NotesModel::TitleRole).toString();
        const auto words = text.split(QRegularExpression(QStringLiteral("\\W+")), Qt::SkipEmptyParts);
        for (const QString &word : words) {
            if (word.size() >= 5)
                return word.toLower();
        }
    }
    return QStringLiteral("note");
}

} // namespace

int runScreenshots(QGuiApplication &app, const QString &outDir)
{
    if (!QDir().mkpath(outDir)) {
        std::fprintf(stderr, "screenshots: cannot create %s\n", qPrintable(outDir));
        return 1;
    }
    QTemporaryDir dataDir;
    if (!dataDir.isValid()) {
        std::fputs("screenshots: cannot create a temporary data directory\n", stderr);
        return 1;
    }
    AppServicesOptions options;
    options.dataDir = dataDir.path();
    options.systemLocale = QLocale(QLocale::English, QLocale::UnitedKingdom);
    options.fixedKdf = AppServices::cheapKdfForTests();
    options.application = &app;
    AppServices services(options);

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    services.attachEngine(engine);
    engine.load(QUrl(kMainQmlUrl));
    QQuickWindow *window = engine.rootObjects().isEmpty()
        ? nullptr
        : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window) {
        std::fputs("screenshots: the main window did not load\n", stderr);
        return 1;
    }
    Shooter shooter(services, *window, outDir);
    Session &session = services.session();
    shooter.settle();

    shooter.shoot(QStringLiteral("first-run"));
    shooter.setText(QStringLiteral("newPassphraseField"), kPassphrase);
    shooter.setText(QStringLiteral("repeatPassphraseField"), kPassphrase);
    shooter.shoot(QStringLiteral("first-run-strength"));

    session.createStore(kPassphrase, kPassphrase);
    session.waitForWorker();
    if (session.state() != Session::ShowRecoveryKey) {
        std::fprintf(
            stderr, "screenshots: could not create the store: %s\n", qPrintable(session.errorString()));
        return 1;
    }
    shooter.shoot(QStringLiteral("recovery-key"));
    if (!session.confirmRecoveryKey(true, session.recoveryKey().section(QLatin1Char('-'), -1))) {
        std::fputs("screenshots: could not confirm the recovery key\n", stderr);
        return 1;
    }
    shooter.shoot(QStringLiteral("home"));

    services.navigator().push(QStringLiteral("notes"));
    shooter.shoot(QStringLiteral("notes"));

    const QString word = searchWordFrom(*services.notebook().notes());
    services.notebook().setSearchQuery(word);
    services.notebook().searchNow();
    shooter.shoot(QStringLiteral("notes-search"));
    services.notebook().setSearchQuery({});
    services.notebook().searchNow();

    NotesModel *notes = services.notebook().notes();
    if (notes->rowCount() == 0)
        shooter.fail(QStringLiteral("the demo project has no notes"));
    else
        services.editor().openNote(notes->data(notes->index(0), NotesModel::IdRole).toString());
    services.navigator().push(QStringLiteral("editor"));
    shooter.shoot(QStringLiteral("editor"));

    // A second version, so the history has something to show.
    NoteEditor &editor = services.editor();
    editor.setText(
        editor.text() + QStringLiteral("\n\nFollow-up 14:20: the handover took place in the corridor."));
    if (!editor.save())
        shooter.fail(QStringLiteral("could not save a second version: ") + editor.errorString());
    editor.loadVersions();
    editor.viewVersion(1);
    services.navigator().push(QStringLiteral("versions"));
    shooter.shoot(QStringLiteral("versions"));

    services.navigator().home();
    services.navigator().push(QStringLiteral("settings"));
    shooter.shoot(QStringLiteral("settings"));
    services.navigator().push(QStringLiteral("changePassphrase"));
    shooter.setText(QStringLiteral("newPassphraseField"), QStringLiteral("sommar2024"));
    shooter.shoot(QStringLiteral("change-passphrase"));
    services.navigator().home();

    session.lock();
    shooter.shoot(QStringLiteral("unlock"));
    session.unlock(QStringLiteral("not the passphrase"));
    session.waitForWorker();
    if (session.errorString().isEmpty())
        shooter.fail(QStringLiteral("a wrong passphrase gave no error"));
    shooter.shoot(QStringLiteral("unlock-error"));
    session.clearError();

    if (QObject *root = shooter.find(QStringLiteral("appRoot")))
        root->setProperty("recovering", true);
    else
        shooter.fail(QStringLiteral("no appRoot"));
    shooter.shoot(QStringLiteral("recover"));

    for (const QString &failure : shooter.failures())
        std::fprintf(stderr, "screenshots: FAIL %s\n", qPrintable(failure));
    std::fprintf(stdout, "screenshots: %d images written to %s (%d frame waits timed out)\n",
        shooter.written(), qPrintable(outDir), shooter.m_frameTimeouts);
    std::fflush(stdout);
    return shooter.failures().isEmpty() ? 0 : 1;
}

} // namespace samla::ui
