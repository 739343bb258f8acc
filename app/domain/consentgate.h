// ConsentGate: the one check every path that creates data about a participant goes through.
#pragma once

#include "consentstate.h"

#include "platform/core/clock.h"

namespace samla::domain {

struct Decision {
    bool allowed = false;
    Reason reason = Reason::CheckFailed;
    QString detailForLogs;     // event ids and keys, never names
};

struct ConsentTimeline {
    Participant participant;
    QList<TimelineEntry> entries;   // every event, in derivation order
    ConsentState state;             // the current state per activity
};

struct ReconsentDue {
    QString participantId;
    QString code;
    std::int64_t dueMs = 0;
    bool overdue = false;
};

enum class RecheckWhy { None, EverySession, Lapsed, DueSoon, Hesitant };
QString recheckWhyText(RecheckWhy why);   // translated, context "ConsentRecheck"

struct SessionCheck {
    bool recheckRequired = false;
    RecheckWhy why = RecheckWhy::None;
    std::int64_t dueMs = 0;
};

class ConsentGate {
public:
    ConsentGate(store::RecordStore &records, const Clock &clock);

    // Fails closed: when anything cannot be read the answer is "no" with Reason::CheckFailed.
    Decision mayCollect(const QString &participantId, Activity activity) const;

    [[nodiscard]] Result<ConsentState> state(const QString &participantId) const;
    [[nodiscard]] Result<ConsentTimeline> timeline(const QString &participantId) const;

    // Participants of the project whose re-consent has lapsed or falls due
    // within `withinDays`, soonest first. Withdrawn participants are left out.
    [[nodiscard]] Result<QList<ReconsentDue>> reconsentDue(const QString &projectId, int withinDays) const;
    // At the start of a session with a participant: must consent be checked
    // again first? (Project setting "every session", a lapsed or soon-due
    // interval, or a hesitant last recheck.)
    [[nodiscard]] Result<SessionCheck> sessionStartCheck(const QString &participantId, std::int64_t sessionStartMs,
                                                         int dueWithinDays = 0) const;

private:
    store::RecordStore &m_records;
    const Clock &m_clock;
};

// Reads the participant, the project and the events, and derives. Used by
// the gate and by ConsentLog to refuse a capture that could not stand.
[[nodiscard]] Result<ConsentTimeline> deriveConsentFor(store::RecordStore &records, const QString &participantId,
                                                       std::int64_t nowMs);

} // namespace samla::domain
