// IdleMonitor: locks after the idle time, and any input anywhere restarts the count.
#include "app/ui/idlemonitor.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QSignalSpy>
#include <QTest>

using namespace samla::ui;
using namespace std::chrono_literals;

class TestIdleMonitor : public QObject {
    Q_OBJECT
private slots:
    void firesAfterTimeout();
    void inputRestartsTheCount();
    void inactiveNeverFires();
    void newTimeoutAppliesAtOnce();
};

void TestIdleMonitor::firesAfterTimeout()
{
    IdleMonitor monitor(qApp);
    monitor.setTimeout(100ms);
    QSignalSpy idle(&monitor, &IdleMonitor::idle);
    monitor.setActive(true);
    QVERIFY(idle.wait(1000));
    QCOMPARE(idle.count(), 1);
    // Single shot: one lock per idle period, not a lock every 100 ms.
    QTest::qWait(250);
    QCOMPARE(idle.count(), 1);
}

void TestIdleMonitor::inputRestartsTheCount()
{
    IdleMonitor monitor(qApp);
    monitor.setTimeout(600ms);
    QSignalSpy idle(&monitor, &IdleMonitor::idle);
    monitor.setActive(true);
    QObject target; // the application-wide filter sees events sent to any object
    for (int i = 0; i < 8; ++i) {
        QTest::qWait(100);
        QKeyEvent key(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier, QStringLiteral("a"));
        QCoreApplication::sendEvent(&target, &key);
    }
    // 800 ms have passed, more than the 600 ms timeout, but someone kept typing.
    QCOMPARE(idle.count(), 0);
    QVERIFY(idle.wait(1000));
    QCOMPARE(idle.count(), 1);
}

void TestIdleMonitor::inactiveNeverFires()
{
    IdleMonitor monitor(qApp);
    monitor.setTimeout(50ms);
    QSignalSpy idle(&monitor, &IdleMonitor::idle);
    QTest::qWait(200);
    QCOMPARE(idle.count(), 0);
    monitor.setActive(true);
    monitor.setActive(false); // locked before it fired: nothing more to lock
    QTest::qWait(200);
    QCOMPARE(idle.count(), 0);
    QCOMPARE(monitor.remainingMs(), -1);
}

void TestIdleMonitor::newTimeoutAppliesAtOnce()
{
    IdleMonitor monitor(qApp);
    monitor.setTimeout(std::chrono::minutes(30));
    QSignalSpy idle(&monitor, &IdleMonitor::idle);
    monitor.setActive(true);
    QVERIFY(monitor.remainingMs() > 60'000);
    monitor.setTimeout(80ms);
    QVERIFY(idle.wait(1000));
}

QTEST_MAIN(TestIdleMonitor)
#include "tst_ui_idlemonitor.moc"
