#include "summary.h"

#include <algorithm>

namespace samla::observation {

namespace {

constexpr double kMsPerHour = 3'600'000.0;

QString subjectKey(const Subject &s)
{
    switch (s.kind) {
    case Subject::Kind::None:
        return {};
    case Subject::Kind::Role:
        return QStringLiteral("r:") + s.code;
    case Subject::Kind::Participant:
        return QStringLiteral("p:") + s.code;
    }
    return {};
}

} // namespace

QStringList ratingScale(const CodingScheme &scheme, bool *ordered)
{
    for (const Category &c : scheme.categories) {
        if (!c.ordered)
            continue;
        QStringList scale;
        for (const QString &code : scheme.behavioursIn(c.code)) {
            const Behaviour *b = scheme.behaviour(code);
            if (b && b->type == EventType::Point)
                scale << code;
        }
        if (scale.size() >= 2) {
            if (ordered)
                *ordered = true;
            return scale;
        }
    }
    if (ordered)
        *ordered = false;
    QStringList scale;
    for (const Behaviour &b : scheme.behaviours) {
        if (b.type == EventType::Point)
            scale << b.code;
    }
    return scale;
}

QString subjectRole(const Subject &subject, const QMap<QString, QString> &participantRoles)
{
    switch (subject.kind) {
    case Subject::Kind::None:
        return {};
    case Subject::Kind::Role:
        return subject.code;
    case Subject::Kind::Participant:
        return participantRoles.value(subject.code);
    }
    return {};
}

SessionSummary summarise(const SessionInfo &info, const QList<ObservationEvent> &events,
    const QList<StateInterval> &intervals, const QSet<QString> &patientCodes,
    const QMap<QString, QString> &participantRoles)
{
    SessionSummary s;
    s.sessionId = info.id;
    s.siteId = info.siteId;
    // A stopped session's observation time ends at the stop; one still open
    // at its last event (a summary never runs the clock).
    s.observedMs = info.stopOffsetMs;
    if (info.state == SessionState::Running || info.state == SessionState::Paused) {
        for (const ObservationEvent &e : events)
            s.observedMs = std::max(s.observedMs, e.offsetMs);
    }
    s.patients = info.attendeesByRole.value(QStringLiteral("patient"), 0);
    for (const PresentParticipant &p : info.participants) {
        if (patientCodes.contains(p.code))
            ++s.patients;
    }
    const QStringList scale = ratingScale(info.scheme);
    for (const Behaviour &b : info.scheme.behaviours) {
        if (b.type == EventType::Point)
            s.pointCounts.insert(b.code, 0);
    }
    for (const ObservationEvent &e : events) {
        if (e.kind != EventKind::Point || !s.pointCounts.contains(e.behaviour))
            continue;
        ++s.pointCounts[e.behaviour];
        if (scale.contains(e.behaviour))
            ++s.interactions;
        ++s.byRole[subjectRole(e.subject, participantRoles)][e.behaviour];
    }
    for (const StateInterval &i : intervals)
        s.stateMs[i.behaviour][subjectKey(i.subject)]
            += std::max<std::int64_t>(0, i.endOffsetMs - i.startOffsetMs);
    return s;
}

double patientHoursOf(const SessionSummary &summary)
{
    return double(summary.patients) * double(summary.observedMs) / kMsPerHour;
}

PooledSummary pool(const QList<SessionSummary> &summaries)
{
    PooledSummary p;
    for (const SessionSummary &s : summaries) {
        ++p.sessions;
        p.observedMs += s.observedMs;
        p.patientHours += patientHoursOf(s);
        p.interactions += s.interactions;
        for (auto it = s.pointCounts.begin(); it != s.pointCounts.end(); ++it)
            p.pointCounts[it.key()] += it.value();
        for (auto it = s.stateMs.begin(); it != s.stateMs.end(); ++it) {
            for (auto jt = it.value().begin(); jt != it.value().end(); ++jt)
                p.stateMs[it.key()][jt.key()] += jt.value();
        }
        for (auto it = s.byRole.begin(); it != s.byRole.end(); ++it) {
            for (auto jt = it.value().begin(); jt != it.value().end(); ++jt)
                p.byRole[it.key()][jt.key()] += jt.value();
        }
    }
    return p;
}

QList<ArmSummary> poolByArm(const QList<SessionSummary> &summaries, const QList<domain::Site> &sites)
{
    using domain::StudyArm;
    auto armOf = [&](const QString &siteId) {
        for (const domain::Site &site : sites) {
            if (!siteId.isEmpty() && site.id == siteId)
                return site.arm;
        }
        return StudyArm::None;
    };
    QList<ArmSummary> out;
    for (StudyArm arm : { StudyArm::Intervention, StudyArm::Control, StudyArm::None }) {
        QList<SessionSummary> in;
        for (const SessionSummary &s : summaries) {
            if (armOf(s.siteId) == arm)
                in.append(s);
        }
        if (!in.isEmpty())
            out.append(ArmSummary { arm, pool(in) });
    }
    return out;
}

std::optional<double> interactionsPerPatientHour(int interactions, double patientHours)
{
    if (patientHours <= 0)
        return std::nullopt;
    return double(interactions) / patientHours;
}

} // namespace samla::observation
