// samla: the field data collection app. Composition root: builds the services, hands them to QML, loads the
// UI.
#include "app/ui/appmodes.h"
#include "app/ui/appservices.h"
#include "app/ui/errortext.h"
#include "app/ui/translations.h"
#include "platform/core/logging.h"
#include "platform/crypto/crypto.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(Samla_CorePlugin)
Q_IMPORT_QML_PLUGIN(Samla_UiPlugin)

namespace {

QString systemLanguage()
{
    return QLocale::system().language() == QLocale::Swedish ? QStringLiteral("sv") : QStringLiteral("en");
}

// When the crypto self-test fails the app must not run. stderr has been told
// already (before the GUI, which may not come up); now say so on screen too.
int refuseToStart(QGuiApplication &app, bool guiAllowed)
{
    if (!guiAllowed)
        return 1;
    samla::ui::Translations translations;
    translations.apply(systemLanguage());
    const QString message = samla::ui::ErrorText::forCode(samla::ErrorCode::CryptoSelfTestFailed);
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    translations.attachEngine(&engine);
    engine.setInitialProperties({ { QStringLiteral("message"), message } });
    engine.load(QUrl(samla::ui::kStartupErrorQmlUrl));
    if (engine.rootObjects().isEmpty())
        return 1;
    app.exec();
    return 1;
}

struct CommandLine {
    QCommandLineOption dataDir { QStringLiteral("data-dir"), {}, QStringLiteral("dir") };
    QCommandLineOption selfTest { QStringLiteral("self-test") };
    QCommandLineOption screenshots { QStringLiteral("screenshots"), {}, QStringLiteral("dir") };
    QCommandLineOption probe { QStringLiteral("startup-probe") };

    void describe(QCommandLineParser &parser)
    {
        parser.setApplicationDescription(QStringLiteral(
            "Samla: offline-first, encrypted field data collection for health and social care research."));
        parser.addHelpOption();
        parser.addVersionOption();
        dataDir.setDescription(
            QStringLiteral("Keep Samla's data in <dir> (default: %1). Several instances can run side by side "
                           "with different directories.")
                .arg(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        selfTest.setDescription(QStringLiteral(
            "Load and create every QML file of the user interface on a throw-away data directory; "
            "exit non-zero on any QML error or warning."));
        screenshots.setDescription(QStringLiteral(
            "Render every screen in Swedish and English at 1280x800 and 800x1280 into <dir>, using a "
            "throw-away data directory with demo data, then exit."));
        probe.setDescription(QStringLiteral(
            "For benchmarks only: print 'first-frame-ms: N' when the first frame is on screen and exit. "
            "With SAMLA_PROBE_PASSPHRASE set (throw-away stores only), then unlock with it and print "
            "'unlock-to-home-ms: N' when the home screen is on screen."));
        parser.addOptions({ dataDir, selfTest, screenshots, probe });
    }
};

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Samla"));
    QCoreApplication::setApplicationName(QStringLiteral("Samla"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SAMLA_VERSION));
}

// --help and --version need no display: answer them without starting the GUI.
bool wantsHelpOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--help-all" || arg == "--version" || arg == "-v"
            || arg == "-?")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    const samla::ui::ProcessClock processClock;

    if (wantsHelpOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        setApplicationIdentity();
        QCommandLineParser parser;
        CommandLine cli;
        cli.describe(parser);
        parser.process(app); // prints and exits
        return 0;
    }

    // Before anything else, so the refusal reaches stderr even where no window can open.
    const samla::Status cryptoStatus = samla::crypto::initialize();
    if (!cryptoStatus.ok()) {
        std::fprintf(stderr, "samla: %s (%s)\n",
            qPrintable(samla::ui::ErrorText::forCode(samla::ErrorCode::CryptoSelfTestFailed)),
            samla::errorCodeName(cryptoStatus.code()));
    }

    QGuiApplication app(argc, argv);
    setApplicationIdentity();
    QCommandLineParser parser;
    CommandLine cli;
    cli.describe(parser);
    parser.process(app);

    // The offscreen platform has no GPU; render with the software scene graph there.
    if (QGuiApplication::platformName() == QLatin1String("offscreen"))
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    // One look on every platform.
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    const bool batchMode = parser.isSet(cli.selfTest) || parser.isSet(cli.screenshots);
    if (!cryptoStatus.ok())
        return refuseToStart(app, !batchMode && !parser.isSet(cli.probe));

    if (parser.isSet(cli.selfTest))
        return samla::ui::runSelfTest(app);
    if (parser.isSet(cli.screenshots))
        return samla::ui::runScreenshots(app, parser.value(cli.screenshots));

    QString dataDir = parser.value(cli.dataDir);
    if (dataDir.isEmpty())
        dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    dataDir = QDir(dataDir).absolutePath();
    if (!QDir().mkpath(dataDir))
        std::fprintf(stderr, "samla: cannot create the data directory %s\n", qPrintable(dataDir));

    samla::ui::AppServicesOptions options;
    options.dataDir = dataDir;
    options.application = &app;
    samla::ui::AppServices services(options);

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    services.attachEngine(engine);
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    engine.load(QUrl(samla::ui::kMainQmlUrl));
    if (engine.rootObjects().isEmpty())
        return 1;

    if (parser.isSet(cli.probe))
        samla::ui::armStartupProbe(engine, services, processClock);

    return app.exec();
}
