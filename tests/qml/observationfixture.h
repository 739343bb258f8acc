// Test fixture for the QML tests: observation sessions as two devices would have
// written them (overlapping on the wall clock), which one app cannot run at once.
#pragma once

#include "app/observation/session.h"
#include "app/store/localstore.h"
#include "app/ui/appservices.h"
#include "app/ui/session.h"

#include <QObject>
#include <QStringList>

class ObservationFixture : public QObject {
    Q_OBJECT
public:
    ObservationFixture(samla::ui::AppServices &services, QObject *parent)
        : QObject(parent)
        , m_services(services)
        , m_origin(services.clock().nowMs() - 3'600'000)
    {
    }

    // A QuIS session coded by `observer`, started `startS` seconds after one common
    // origin (an hour before the fixture was made):
    // one code per minute (an empty one codes nothing), `codeAtS` seconds into each
    // minute, stopped 602 s after the origin, finalised when asked. Returns its id.
    Q_INVOKABLE QString recordQuis(
        const QString &observer, int startS, const QStringList &codes, int codeAtS, bool finalise)
    {
        using namespace samla::observation;
        samla::store::LocalStore *store = m_services.session().store();
        if (!store)
            return {};
        samla::ManualClock wall(m_origin + startS * 1000LL);
        ManualMonotonicClock mono(1'000);
        Sessions sessions(*store, wall, mono, QTimeZone::systemTimeZone());
        SessionSetup setup;
        setup.projectId = m_services.session().projectId();
        setup.setting = QStringLiteral("ward area");
        setup.observer = observer;
        setup.observers = { observer };
        setup.scheme = quisScheme();
        setup.promptIntervalS = 0;
        setup.attendeesByRole = { { QStringLiteral("patient"), 2 } };
        auto started = sessions.start(setup);
        if (!started.ok())
            return {};
        ObservationSession &s = *started.value();
        std::int64_t now = 0;
        auto moveTo = [&](std::int64_t ms) {
            wall.advance(ms - now);
            mono.advance(ms - now);
            now = ms;
        };
        for (int i = 0; i < codes.size(); ++i) {
            if (codes[i].isEmpty())
                continue;
            moveTo((60LL * i + codeAtS) * 1000);
            if (!s.logPoint(codes[i]).ok())
                return {};
        }
        moveTo((602LL - startS) * 1000);
        if (!s.stop().ok() || (finalise && !s.finalise().ok()))
            return {};
        return s.id();
    }

private:
    samla::ui::AppServices &m_services;
    std::int64_t m_origin;
};
