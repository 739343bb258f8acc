// The command-line modes of the samla executable besides the normal app: self-test, screenshots, startup
// probe.
#pragma once

#include <QElapsedTimer>
#include <QString>

class QGuiApplication;
class QQmlApplicationEngine;
class QQmlEngine;

namespace samla::ui {

class AppServices;

inline const QString kMainQmlUrl = QStringLiteral("qrc:/qt/qml/Samla/Ui/Main.qml");
inline const QString kStartupErrorQmlUrl = QStringLiteral("qrc:/qt/qml/Samla/Ui/StartupError.qml");
inline const QString kUiModuleQrcDir = QStringLiteral(":/qt/qml/Samla/Ui");

// Milliseconds since the process started, including the time before main()
// (dynamic loading, static initialisers), from /proc/self/stat.
class ProcessClock {
public:
    ProcessClock(); // call at the very top of main()
    qint64 elapsedMs() const { return m_beforeMainMs + m_sinceMain.elapsed(); }

private:
    qint64 m_beforeMainMs = 0;
    QElapsedTimer m_sinceMain;
};

// Loads every .qml file of the Samla.Ui module and creates it, with the services
// present and a store unlocked on a throw-away data directory. Any QML error or
// warning fails it. Returns the exit code.
int runSelfTest(QGuiApplication &app);

// Renders every screen in Swedish and English at 1280×800 and 800×1280 into
// outDir/<screen>-<lang>-<w>x<h>.png. Uses a throw-away data directory with cheap
// Argon2id parameters. Returns the exit code.
int runScreenshots(QGuiApplication &app, const QString &outDir);

// Prints "first-frame-ms: N" once the first frame is on screen; with
// SAMLA_PROBE_PASSPHRASE set, unlocks and prints "unlock-to-home-ms: N" once
// the home screen's first frame is on screen, then quits. For benchmarks.
void armStartupProbe(QQmlApplicationEngine &engine, AppServices &services, const ProcessClock &clock);

} // namespace samla::ui

namespace samla::ui {
// Creates a store on services' (throw-away) data directory with `passphrase`,
// confirms the recovery key and leaves it unlocked with the demo project.
// Blocks; for the self-test, screenshots and tests.
bool createUnlockedDemoStore(AppServices &services, const QString &passphrase, QString *error = nullptr);
} // namespace samla::ui
