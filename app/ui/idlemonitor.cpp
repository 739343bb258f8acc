#include "idlemonitor.h"

#include <QEvent>

namespace samla::ui {

IdleMonitor::IdleMonitor(QObject *application, QObject *parent)
    : QObject(parent)
    , m_application(application)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(std::chrono::minutes(5));
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_active)
            emit idle();
    });
    if (m_application)
        m_application->installEventFilter(this);
}

IdleMonitor::~IdleMonitor()
{
    if (m_application)
        m_application->removeEventFilter(this);
}

void IdleMonitor::setTimeout(std::chrono::milliseconds timeout)
{
    m_timer.setInterval(timeout);
    if (m_active)
        m_timer.start();
}

std::chrono::milliseconds IdleMonitor::timeout() const
{
    return m_timer.intervalAsDuration();
}

void IdleMonitor::setActive(bool active)
{
    m_active = active;
    if (active)
        m_timer.start();
    else
        m_timer.stop();
}

void IdleMonitor::reset()
{
    if (m_active)
        m_timer.start();
}

bool IdleMonitor::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
    case QEvent::InputMethod:
        reset();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace samla::ui
