// Session summaries (pure functions): QuIS rates and shares, time budgets, contributions by role.
#pragma once

#include "app/domain/projects.h"
#include "session.h"

#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace samla::observation {

// The behaviours rated on one scale: those of the scheme's first ordered
// category, in scheme order (QuIS: positive social … negative restrictive);
// without an ordered category, every point behaviour. `ordered` says which.
QStringList ratingScale(const CodingScheme &scheme, bool *ordered = nullptr);

// The role a subject counts under: its role code, or for a participant code
// the role `participantRoles` gives it; empty when neither is known.
QString subjectRole(const Subject &subject, const QMap<QString, QString> &participantRoles);

// What one stopped session adds up to. Observed time excludes pauses
// (offsets are observation time), so rates count observed time only.
struct SessionSummary {
    QString sessionId;
    QString siteId;
    std::int64_t observedMs = 0;
    // Patients in view: attendees counted as "patient" plus the participants
    // present that `patientCodes` names as patients.
    int patients = 0;
    // Point events in force by behaviour code (every point behaviour of the scheme, zeros included).
    QMap<QString, int> pointCounts;
    // Point events on the rating scale (QuIS: the interactions).
    int interactions = 0;
    // State time by behaviour code and subject key ("" none, "r:<role>", "p:<code>").
    QMap<QString, QMap<QString, std::int64_t>> stateMs;
    // Point events by the subject's role ("" for none or unknown), then behaviour.
    QMap<QString, QMap<QString, int>> byRole;
};

SessionSummary summarise(const SessionInfo &info, const QList<ObservationEvent> &events,
    const QList<StateInterval> &intervals, const QSet<QString> &patientCodes = {},
    const QMap<QString, QString> &participantRoles = {});

// Several sessions of one scheme pooled: counts and times add up, and the
// rate is pooled over patient-hours (not a mean of the sessions' rates, so a
// short session weighs less).
struct PooledSummary {
    int sessions = 0;
    std::int64_t observedMs = 0;
    double patientHours = 0; // sum over sessions of patients × observed hours
    int interactions = 0;
    QMap<QString, int> pointCounts;
    QMap<QString, QMap<QString, std::int64_t>> stateMs;
    QMap<QString, QMap<QString, int>> byRole;
};
PooledSummary pool(const QList<SessionSummary> &summaries);

// Sessions pooled by the study arm of their site: intervention, control, then
// none (sites without an arm, unknown sites and sessions without a site);
// only arms with sessions are listed.
struct ArmSummary {
    domain::StudyArm arm = domain::StudyArm::None;
    PooledSummary pooled;
};
QList<ArmSummary> poolByArm(const QList<SessionSummary> &summaries, const QList<domain::Site> &sites);

// Interactions per patient per hour; nothing without patients or observed time.
std::optional<double> interactionsPerPatientHour(int interactions, double patientHours);
double patientHoursOf(const SessionSummary &summary);

} // namespace samla::observation
