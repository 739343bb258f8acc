#include "appmodes.h"
#include "appservices.h"
#include "appsettings.h"
#include "navigator.h"
#include "notebook.h"
#include "noteeditor.h"
#include "session.h"

#include <QDirIterator>
#include <QFile>
#include <QGuiApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QTemporaryDir>
#include <QUrl>

#include <cstdio>

namespace samla::ui {

bool createUnlockedDemoStore(AppServices &services, const QString &passphrase, QString *error)
{
    Session &session = services.session();
    session.createStore(passphrase, passphrase);
    session.waitForWorker();
    if (session.state() != Session::ShowRecoveryKey) {
        if (error)
            *error = session.errorString();
        return false;
    }
    const QString lastGroup = session.recoveryKey().section(QLatin1Char('-'), -1);
    if (!session.confirmRecoveryKey(true, lastGroup)) {
        if (error)
            *error = session.errorString();
        return false;
    }
    return true;
}

namespace {

// The self-test's message handler needs somewhere to count; it runs only in this mode.
int g_problems = 0;
QtMessageHandler g_previousHandler = nullptr;

void countingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg)
        ++g_problems;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

bool loadAndCreate(QQmlEngine &engine, const QUrl &url, QStringList &failures)
{
    if (qEnvironmentVariableIsSet("SAMLA_SELFTEST_VERBOSE"))
        std::fprintf(stderr, "self-test: creating %s\n", qPrintable(url.toString()));
    QQmlComponent component(&engine, url, QQmlComponent::PreferSynchronous);
    if (component.isError()) {
        failures << url.toString() + QStringLiteral(": ") + component.errorString();
        return false;
    }
    std::unique_ptr<QObject> object(component.create());
    if (!object) {
        failures << url.toString() + QStringLiteral(": ") + component.errorString();
        return false;
    }
    settle();
    return true;
}

} // namespace

int runSelfTest(QGuiApplication &app)
{
    g_problems = 0;
    g_previousHandler = qInstallMessageHandler(countingHandler);

    QTemporaryDir dataDir;
    if (!dataDir.isValid()) {
        std::fputs("self-test: cannot create a temporary directory\n", stderr);
        return 1;
    }
    QStringList failures;
    int files = 0;
    {
        AppServicesOptions options;
        options.dataDir = dataDir.path();
        options.fixedKdf = AppServices::cheapKdfForTests();
        options.application = &app;
        AppServices services(options);

        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        services.attachEngine(engine);

        // First the screens without a store (first run), then with an open one.
        QUrl appRoot(QStringLiteral("qrc:/qt/qml/Samla/Ui/AppRoot.qml"));
        loadAndCreate(engine, appRoot, failures);

        QString error;
        if (!createUnlockedDemoStore(services, QStringLiteral("self test passphrase 4 Samla"), &error))
            failures << QStringLiteral("could not create the self-test store: ") + error;
        auto list = services.notebook().notes();
        if (list->rowCount() > 0)
            services.editor().openNote(list->data(list->index(0), NotesModel::IdRole).toString());
        services.editor().loadVersions();

        QDirIterator it(
            kUiModuleQrcDir, { QStringLiteral("*.qml") }, QDir::Files, QDirIterator::Subdirectories);
        QStringList paths;
        while (it.hasNext())
            paths << it.next();
        paths.sort();
        for (const QString &path : std::as_const(paths)) {
            ++files;
            const QUrl url(QStringLiteral("qrc") + path);
            if (path.endsWith(QLatin1String("/Theme.qml"))) {
                // A singleton: reach it through an import like every view does.
                QQmlComponent probe(&engine);
                probe.setData(
                    "import QtQuick\nimport Samla.Ui\nQtObject { property int h: Theme.controlHeight }",
                    QUrl(QStringLiteral("qrc:/selftest/ThemeProbe.qml")));
                std::unique_ptr<QObject> object(probe.create());
                if (!object || object->property("h").toInt() < 48)
                    failures << path + QStringLiteral(": Theme singleton unusable ") + probe.errorString();
                continue;
            }
            loadAndCreate(engine, url, failures);
        }

        // The whole app in every unlocked screen, then locked.
        QQmlComponent rootComponent(&engine, appRoot);
        std::unique_ptr<QObject> root(rootComponent.create());
        if (!root)
            failures << QStringLiteral("AppRoot: ") + rootComponent.errorString();
        for (const QString &screen : Navigator::screens()) {
            services.navigator().push(screen);
            settle();
        }
        services.navigator().home();
        services.settings().setLanguage(services.settings().language() == QLatin1String("sv")
                ? QStringLiteral("en")
                : QStringLiteral("sv"));
        settle();
        services.session().lock();
        settle();
        if (root)
            root->setProperty("recovering", true);
        settle();
        root.reset();
        settle();
    }
    qInstallMessageHandler(g_previousHandler);

    // With every screen loaded and a store open: SQLCipher and plain SQLite
    // export the same symbols, so neither libsqlite3 nor Qt SQL may be mapped.
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (maps.open(QIODevice::ReadOnly)) {
        const QByteArray mapped = maps.readAll();
        for (const char *forbidden : {"libsqlite3.so", "libQt6Sql", "libqsqlite"}) {
            if (mapped.contains(forbidden))
                failures << QStringLiteral("process maps ") + QLatin1String(forbidden);
        }
        if (!mapped.contains("libsqlcipher"))
            failures << QStringLiteral("libsqlcipher is not mapped");
    }

    for (const QString &failure : std::as_const(failures))
        std::fprintf(stderr, "self-test: FAIL %s\n", qPrintable(failure));
    const bool ok = failures.isEmpty() && g_problems == 0 && files > 0;
    std::fprintf(stdout, "self-test: %s — %d QML files, %lld failures, %d warnings or errors logged\n",
        ok ? "PASS" : "FAIL", files, static_cast<long long>(failures.size()), g_problems);
    std::fflush(stdout);
    return ok ? 0 : 1;
}

} // namespace samla::ui
