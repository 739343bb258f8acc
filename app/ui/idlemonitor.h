// IdleMonitor: fires idle() after a period with no user input anywhere in the application.
#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

namespace samla::ui {

// Watches input events through an application-wide event filter; any key,
// click, touch or wheel restarts the countdown. Only counts while active
// (the store is unlocked).
class IdleMonitor : public QObject {
    Q_OBJECT
public:
    explicit IdleMonitor(QObject *application, QObject *parent = nullptr);
    ~IdleMonitor() override;

    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const;
    void setActive(bool active);
    bool isActive() const { return m_active; }
    // Milliseconds left before idle() fires; -1 when not counting.
    int remainingMs() const { return m_timer.isActive() ? m_timer.remainingTime() : -1; }

public slots:
    void reset();

signals:
    void idle();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QObject *m_application;
    QTimer m_timer;
    bool m_active = false;
};

} // namespace samla::ui
