#include "appmodes.h"
#include "appservices.h"
#include "session.h"

#include <QCoreApplication>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>

#include <atomic>
#include <cstdio>
#include <memory>
#include <unistd.h>

namespace samla::ui {

namespace {

// Process age in ms: now (from /proc/uptime) minus the start time in /proc/self/stat.
qint64 processAgeMs()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray statLine = stat.readAll();
    // The command name (field 2) may contain spaces; fields after it follow the last ')'.
    const qsizetype close = statLine.lastIndexOf(')');
    if (close < 0)
        return 0;
    const QList<QByteArray> fields = statLine.mid(close + 2).split(' ');
    // Field 22 (starttime) is index 19 after "pid (comm)".
    if (fields.size() < 20)
        return 0;
    const double startTicks = fields.at(19).toDouble();
    const double uptimeSeconds = uptime.readAll().split(' ').value(0).toDouble();
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    if (ticksPerSecond <= 0)
        return 0;
    const double ageMs = uptimeSeconds * 1000.0 - startTicks * 1000.0 / double(ticksPerSecond);
    return ageMs > 0 ? qint64(ageMs) : 0;
}

void printLine(const QByteArray &line)
{
    std::fputs(line.constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

ProcessClock::ProcessClock()
{
    m_sinceMain.start();
    m_beforeMainMs = processAgeMs();
}

void armStartupProbe(QQmlApplicationEngine &engine, AppServices &services, const ProcessClock &clock)
{
    QQuickWindow *window = nullptr;
    for (QObject *root : engine.rootObjects()) {
        window = qobject_cast<QQuickWindow *>(root);
        if (window)
            break;
    }
    if (!window) {
        std::fputs("startup-probe: no window\n", stderr);
        QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(2); });
        return;
    }

    // Shared between the GUI thread and (with the threaded render loop) the render thread.
    struct ProbeState {
        std::atomic<bool> firstFrameSeen { false };
        std::atomic<bool> homeRequested { false }; // GUI: unlocked, home screen built
        std::atomic<bool> homeSynced { false }; // render: a frame with the home screen was synced
        std::atomic<bool> homeSwapped { false };
        QElapsedTimer unlockTimer; // started and read under the flags above
    };
    auto state = std::make_shared<ProbeState>();
    const QByteArray passphrase = qgetenv("SAMLA_PROBE_PASSPHRASE");
    Session *session = &services.session();

    auto onFirstFrame = [state, session, passphrase](qint64 ms) {
        printLine("first-frame-ms: " + QByteArray::number(ms));
        if (passphrase.isEmpty()) {
            QCoreApplication::exit(0);
            return;
        }
        if (session->state() != Session::Locked) {
            std::fputs("startup-probe: SAMLA_PROBE_PASSPHRASE is set but there is no locked store "
                       "in the data directory\n",
                stderr);
            QCoreApplication::exit(2);
            return;
        }
        state->unlockTimer.start();
        session->unlock(QString::fromUtf8(passphrase));
    };

    QObject::connect(
        window, &QQuickWindow::afterSynchronizing, window,
        [state] {
            if (state->homeRequested.load())
                state->homeSynced.store(true);
        },
        Qt::DirectConnection);

    // Timed where the frame is swapped (render thread or GUI thread), reported on the GUI thread.
    QObject::connect(
        window, &QQuickWindow::frameSwapped, window,
        [state, &clock, onFirstFrame] {
            if (!state->firstFrameSeen.exchange(true)) {
                const qint64 ms = clock.elapsedMs();
                QMetaObject::invokeMethod(
                    qApp, [onFirstFrame, ms] { onFirstFrame(ms); }, Qt::QueuedConnection);
                return;
            }
            if (state->homeSynced.load() && !state->homeSwapped.exchange(true)) {
                const qint64 ms = state->unlockTimer.elapsed();
                QMetaObject::invokeMethod(
                    qApp,
                    [ms] {
                        printLine("unlock-to-home-ms: " + QByteArray::number(ms));
                        QCoreApplication::exit(0);
                    },
                    Qt::QueuedConnection);
            }
        },
        Qt::DirectConnection);

    QObject::connect(session, &Session::stateChanged, window, [state, session, window] {
        if (session->state() == Session::Unlocked && state->unlockTimer.isValid()) {
            state->homeRequested.store(true);
            window->update();
        }
    });
    QObject::connect(session, &Session::busyChanged, window, [state, session] {
        if (state->unlockTimer.isValid() && !session->busy() && session->state() == Session::Locked) {
            std::fprintf(stderr, "startup-probe: unlock failed: %s\n", qPrintable(session->errorString()));
            QCoreApplication::exit(3);
        }
    });
    window->update();
}

} // namespace samla::ui
