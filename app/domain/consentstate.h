// ConsentState: what a participant's consent events permit now, derived and never stored.
#pragma once

#include "consenttypes.h"
#include "participants.h"
#include "projects.h"

namespace samla::domain {

// Who has to agree, from the jurisdiction, the age band and whether the
// person understands consent (DOMAIN.md, "Consent is a process"):
//   Self               adults with capacity (England from 16); Sweden 15-17 who understand
//   Consultee          adults lacking capacity: consultee advice; an objection withdraws them
//   GuardianWithAssent Sweden under 15 (or 15-17 not understanding); England under 16 not
//                      Gillick competent: a guardian consents, the child's assent is sought
//                      (when the project requires it) and the child's dissent is respected
//   GuardianAndChild   England under 16, Gillick competent: both parent and child agree
enum class ConsentRoute { Self, Consultee, GuardianWithAssent, GuardianAndChild };
QString consentRouteKey(ConsentRoute route);
ConsentRoute consentRouteFor(Jurisdiction jurisdiction, const ParticipantProfile &profile);

// The project's rules as they apply to one participant.
struct ConsentRules {
    Jurisdiction jurisdiction = Jurisdiction::Sweden;
    int reconsentIntervalDays = 0;    // 0: consent does not lapse
    bool childAssentRequired = true;
    static ConsentRules from(const ProjectSettings &settings, const ParticipantProfile &profile);
};

struct ActivityState {
    Activity activity = Activity::Observation;
    bool allowed = false;
    Reason reason = Reason::NoConsent;
    QString detail;         // for logs: event ids and keys, never names
};

// How one event counted in the derivation (for the timeline a DPO reads).
enum class EventEffect {
    Applied,
    IgnoredWhileWithdrawn,  // a grant after a withdrawal that did not name it
    NotUsedForRoute,        // e.g. a guardian's consent for an adult
    NoEffect,               // e.g. a recheck or resume with nothing to act on
    NotYetEffective,        // a grant dated after "now" counts from its time on
};

struct TimelineEntry {
    ConsentEvent event;
    EventEffect effect = EventEffect::Applied;
};

struct ConsentState {
    ConsentRoute route = ConsentRoute::Self;
    QList<ActivityState> activities;    // one per kAllActivities, in that order
    std::optional<WithdrawalScope> withdrawal;   // the widest active withdrawal
    QStringList activeWithdrawalIds;
    bool dissent = false;
    bool paused = false;
    bool consulteeAgainst = false;
    bool hesitant = false;              // a recheck found the participant hesitant: check again soon
    std::int64_t lastAffirmedMs = 0;    // latest consent, assent, advice for, or confirmed recheck
    std::int64_t reconsentDueMs = 0;    // 0: does not lapse (or nothing to lapse)

    const ActivityState &forActivity(Activity a) const;
    bool anyAllowed() const;
};

struct Derivation {
    ConsentState state;
    QList<TimelineEntry> timeline;      // every event, in derivation order
};

// Derivation order: effective time, then at equal effective time restrictions
// after grants (so a withdrawal or dissent wins over a concurrent grant), then
// HLC, whose last part is the device id. Arrival order never matters.
bool derivationLess(const ConsentEvent &a, const ConsentEvent &b);

// Folds the events in derivation order. A withdrawal is lifted only by a
// later grant that names it in `reinstates` (a device that never saw the
// withdrawal cannot undo it); re-joining starts from nothing. Dissent is
// lifted by a later consent, assent or confirmed recheck; a pause by a resume.
Derivation deriveConsent(QList<ConsentEvent> events, const ConsentRules &rules, const ParticipantProfile &profile,
                         std::int64_t nowMs);

} // namespace samla::domain
