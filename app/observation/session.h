// Observation sessions: a live clock, one-tap event coding, consent-gated subjects, finalising.
#pragma once

#include "scheme.h"
#include "sessionclock.h"
#include "timing.h"

#include "app/domain/consenttypes.h"
#include "platform/core/clock.h"

#include <QHash>
#include <QSet>
#include <QTimeZone>

#include <memory>
#include <optional>

namespace samla::store { class LocalStore; }

namespace samla::observation {

enum class SessionState { Running, Paused, Stopped, Finalised };
QString sessionStateKey(SessionState s);

// What stop does with a state event still running: end it at the stop (the
// usual case: the observer stopped watching), or end it there but mark it for
// someone to review (the observer forgot to stop it earlier).
enum class UnpairedPolicy { CloseAtStop, FlagForReview };

enum class EventKind { Point, Start, Stop, Note, Undo, Pause, Resume, Dissent };
QString eventKindKey(EventKind k);

struct Subject {
    enum class Kind { None, Role, Participant };
    Kind kind = Kind::None;
    QString code;            // a role code of the scheme, or a participant's pseudonymous code
    static Subject none() { return {}; }
    static Subject role(const QString &code) { return {Kind::Role, code}; }
    static Subject participant(const QString &code) { return {Kind::Participant, code}; }
    bool operator==(const Subject &) const = default;
};

// One stored event. Times: `offsetMs` is observation time since the start,
// paused time excluded (see timing.h); `elapsedMs` is monotonic time since
// the start, pauses included; `wallMs` is the device's UTC clock at the tap
// and `utcOffsetS` the zone's offset at that instant, so local times are
// right on both sides of a daylight-saving change and devices line up by UTC.
struct ObservationEvent {
    QString id;
    QString sessionId;
    int seq = 0;             // order within the session version that wrote it
    EventKind kind = EventKind::Point;
    std::int64_t offsetMs = 0;
    std::int64_t elapsedMs = 0;
    std::int64_t wallMs = 0;
    QString timeZone;        // IANA id, e.g. "Europe/Stockholm"
    int utcOffsetS = 0;
    QString observer;
    QString behaviour;
    Subject subject;
    ModifierValues modifiers;
    QString comment;         // a note's text, or a comment on a point event
    QStringList closes;      // a start or dissent: the running states it ended
    QString target;          // a stop: its start; an undo: the event undone
    QString replaces;        // a change made in a correction: the event this one replaces
    // Local wall time with its offset, e.g. "2026-10-25T02:10:00.000+01:00".
    QString localTime() const;
};

// A state event from start to end on the observation timeline.
struct StateInterval {
    QString startId;
    QString behaviour;
    Subject subject;
    ModifierValues modifiers;
    std::int64_t startOffsetMs = 0;
    std::int64_t endOffsetMs = 0;
    bool running = false;        // still open in a running or paused session
    bool closedAtStop = false;   // ended by stop (UnpairedPolicy::CloseAtStop)
    bool needsReview = false;    // ended by stop and flagged (UnpairedPolicy::FlagForReview)
};

struct SessionSetup {
    QString projectId;
    QString siteId;
    QString setting;                 // "meeting", "event", "ward area", …
    QStringList observers;           // initials or staff ids of everyone observing
    QString observer;                // who codes on this device (one of observers)
    QStringList participantCodes;    // consented participants present, by code
    QMap<QString, int> attendeesByRole;  // everyone else, counted by role only
    CodingScheme scheme;
    int promptIntervalS = -1;        // -1: the scheme's; 0: none
    UnpairedPolicy unpaired = UnpairedPolicy::CloseAtStop;
};

struct PresentParticipant {
    QString code;
    QString participantId;
};

// A participant code that cannot be tagged, and the gate's reason.
struct ParticipantRefusal {
    QString code;
    domain::Reason reason = domain::Reason::CheckFailed;
};

struct SessionInfo {
    QString id;
    QString projectId;
    QString siteId;
    QString setting;
    QStringList observers;
    QString observer;
    QList<PresentParticipant> participants;   // those the gate allowed at the start
    QMap<QString, int> attendeesByRole;
    CodingScheme scheme;
    int promptIntervalS = 0;
    UnpairedPolicy unpaired = UnpairedPolicy::CloseAtStop;
    std::int64_t startedWallMs = 0;
    QString timeZone;
    int startUtcOffsetS = 0;
    SessionState state = SessionState::Running;
    std::int64_t stopOffsetMs = 0;
    std::int64_t stopElapsedMs = 0;
    std::int64_t stopWallMs = 0;
    QStringList closedAtStop;     // start event ids
    QStringList flaggedForReview; // start event ids
    std::int64_t finalisedWallMs = 0;
    int versionNo = 1;            // 2, 3 … for corrections
    QString supersedes;           // the finalised session this version corrects
    QString correctionReason;     // a correction: why it was made (free text, required)
    QString correctedBy;          // a correction: who made it (initials or staff id, as observers are given)
    std::int64_t correctedWallMs = 0; // a correction: when it was begun
    bool isCorrection() const { return versionNo > 1; }
};

// Versions of sessions, from a project's list (Sessions::list).
// Whether a finalised correction replaces the session: then it is no longer the record.
bool replacedByCorrection(const QList<SessionInfo> &all, const QString &sessionId);
// The sessions that are the record: not replaced by a finalised correction,
// and not a correction still being made (that replaces nothing until it is finalised).
QList<SessionInfo> sessionsInForce(const QList<SessionInfo> &all);
// Every version of the session's chain, oldest first (an unfinished correction last).
QList<SessionInfo> versionHistory(const QList<SessionInfo> &all, const QString &sessionId);
// The unfinished correction of a finalised session, if one is being made.
std::optional<SessionInfo> openCorrectionOf(const QList<SessionInfo> &all, const QString &finalisedId);

// What a change in a correction left unpaired: a state start with no end (it
// runs to the end of the session, flagged for review), or an end whose start
// is gone (it ends nothing).
struct UnpairedEvent {
    enum class Kind { StartWithoutEnd, EndWithoutStart };
    Kind kind = Kind::StartWithoutEnd;
    QString eventId;
};

struct StopSummary {
    QList<StateInterval> closedAtStop;
    QList<StateInterval> flaggedForReview;
};

class ObservationSession;

// Adds the observation kinds to store's conflict policy table, once per
// process: events are append-only; a session is versioned until finalised,
// then immutable (a correction is a new session that supersedes it).
// Also installs the domain's kinds (domain::installConflictPolicies).
void installConflictPolicies();

// Starts, reopens and corrects sessions; owns nothing but references.
class Sessions {
public:
    static inline const QString kSessionKind = QStringLiteral("observation_session");
    static inline const QString kEventKind = QStringLiteral("observation_event");

    Sessions(store::LocalStore &store, const Clock &wall, const MonotonicClock &monotonic,
             const QTimeZone &zone = QTimeZone::systemTimeZone());

    // Starts the clock. Each participant code is looked up and checked through
    // ConsentGate::mayCollect(…, Observation); refused codes are left out of
    // the session and returned with the gate's reason in `refused`.
    [[nodiscard]] Result<std::unique_ptr<ObservationSession>> start(const SessionSetup &setup,
                                                                   QList<ParticipantRefusal> *refused = nullptr);
    // Reopens a stored session. One that was running when the app closed
    // comes back paused at its last event: the time in between was not
    // observed, and the monotonic clock of the earlier process is gone.
    [[nodiscard]] Result<std::unique_ptr<ObservationSession>> open(const QString &sessionId);
    // A correction of a finalised session: a new, stopped version that
    // supersedes it, starting from its events, with why it is made and by
    // whom. The finalised one is unchanged. Refusals: "not_finalised",
    // "reason_required", "reason_too_long", "observer_missing", "superseded"
    // (a finalised correction of it exists: correct that), "correction_open"
    // (one is being made: continue or discard it).
    [[nodiscard]] Result<std::unique_ptr<ObservationSession>> correct(const QString &finalisedId,
                                                                     const QString &reason,
                                                                     const QString &correctedBy);
    // Drops a correction that was never finalised: its session record is
    // deleted (one record, one transaction), so it no longer lists or opens.
    // Its own records stay behind unread. Refusals: ReadOnly for a finalised
    // one, "not_a_correction".
    [[nodiscard]] Status discard(const QString &correctionId);
    // Sessions of a project, newest first (the versions a correction superseded included).
    [[nodiscard]] Result<QList<SessionInfo>> list(const QString &projectId) const;

private:
    store::LocalStore &m_store;
    const Clock &m_wall;
    const MonotonicClock &m_monotonic;
    QTimeZone m_zone;
};

// One session being coded on this device. Every call that changes it writes
// one small record through RecordStore (one transaction) before it returns;
// nothing rewrites the session's earlier events.
class ObservationSession {
public:
    ~ObservationSession();
    ObservationSession(const ObservationSession &) = delete;
    ObservationSession &operator=(const ObservationSession &) = delete;

    const SessionInfo &info() const { return m_info; }
    const QString &id() const { return m_info.id; }
    SessionState state() const { return m_info.state; }
    bool editable() const;

    // Observation time now (frozen while paused and after stop).
    std::int64_t offsetMs() const;
    // The next interval prompt on the observation timeline, or -1 for none.
    std::int64_t nextPromptOffsetMs() const;
    std::int64_t msUntilNextPrompt() const;

    // Codes that can be tagged now: allowed at the start, no dissent since.
    QStringList taggableCodes() const;

    // Coding. Refusals: ReadOnly ("finalised"), InvalidArgument with a key:
    // "paused", "stopped", "unknown_behaviour", "not_a_point_event",
    // "not_a_state_event", "subject_required", "no_subject_allowed",
    // "unknown_role", "participant_not_present", "participant_dissented",
    // "consent_refused: <reason key>", "bad_modifier: <code>", "nothing_to_undo".
    [[nodiscard]] Result<ObservationEvent> logPoint(const QString &behaviour, const Subject &subject = {},
                                                    const ModifierValues &modifiers = {},
                                                    const QString &comment = {});
    // Starts the state for the subject, or stops it if it is running.
    // Starting one closes the running states of its exclusive groups (for the
    // same subject) in the same record.
    [[nodiscard]] Result<ObservationEvent> toggleState(const QString &behaviour, const Subject &subject = {},
                                                       const ModifierValues &modifiers = {});
    // Takes back the last point, start, stop or note of this session
    // (repeatable). Undoing a start reopens the states it closed.
    [[nodiscard]] Result<ObservationEvent> undoLast();
    [[nodiscard]] Result<ObservationEvent> note(const QString &text);
    // The participant objects to being observed: records a dissent consent
    // event (so the gate refuses them everywhere from now on), ends their
    // running states, and refuses further tagging in this session.
    [[nodiscard]] Result<ObservationEvent> recordDissent(const QString &code);

    [[nodiscard]] Result<ObservationEvent> pause();
    [[nodiscard]] Result<ObservationEvent> resume();
    // Stops the clock; running states are closed at the stop or flagged,
    // as the session's UnpairedPolicy says.
    [[nodiscard]] Result<StopSummary> stop();
    // Makes a stopped session immutable; a correction is a new version.
    [[nodiscard]] Status finalise();
    // In a correction (a stopped version that is not yet finalised): takes
    // back any event by id, as an undo record. Taking back a state's start
    // takes back its end in the same record, so no end is left without a start.
    [[nodiscard]] Result<ObservationEvent> retract(const QString &eventId);

    // Corrections (a version > 1 that is stopped, not finalised). Each call
    // writes one record (one transaction). Refusals as for coding, and
    // ReadOnly "finalised", "running" (a session being coded), "not_a_correction".
    // A missed event at an observation offset (pauses left out, 0 to the
    // stop; "outside_session"): a point event, a state's start (end it with
    // insertStopAt), or a note (no behaviour, comment required). Its elapsed
    // and wall time come from the session's own pause and resume records, so
    // time lines stay right; at an offset where a pause began it sits just
    // before the pause. Participants go through the consent gate as logPoint's do.
    [[nodiscard]] Result<ObservationEvent> insertAt(std::int64_t offsetMs, const QString &behaviour,
                                                    const Subject &subject = {},
                                                    const ModifierValues &modifiers = {},
                                                    const QString &comment = {});
    // Ends a state whose start is in force and has no end ("already_ended"),
    // at an offset not before its start ("before_start").
    [[nodiscard]] Result<ObservationEvent> insertStopAt(std::int64_t offsetMs, const QString &startId);
    // Changes a point event, a state's start or a note: one record that
    // replaces it (the old one counts as retracted) at the SAME offset,
    // elapsed and wall time. A point stays a point, a start a start
    // ("kind_mismatch"); a state's end follows its changed start. Stops and
    // dissents cannot be changed ("not_changeable").
    [[nodiscard]] Result<ObservationEvent> change(const QString &eventId, const QString &behaviour,
                                                  const Subject &subject = {},
                                                  const ModifierValues &modifiers = {},
                                                  const QString &comment = {});
    // The observation offset at a UTC wall time, for an event entered by the
    // time of day. Refusals: "before_start", "after_stop", "in_pause".
    [[nodiscard]] Result<std::int64_t> offsetAtWall(std::int64_t wallMs) const;
    // The pause that a wall time fell in, as wall times {from, to} (for the message).
    std::optional<std::pair<std::int64_t, std::int64_t>> pauseAtWall(std::int64_t wallMs) const;
    // State starts and ends in force that have lost their partner.
    QList<UnpairedEvent> unpaired() const;
    // The version that was coded live (the first of the chain): its pauses are the session's.
    QString codedVersionId() const { return m_baseSessions.isEmpty() ? m_info.id : m_baseSessions.first(); }

    // Events in force, in order: undone events and undo, pause and resume
    // records left out.
    QList<ObservationEvent> events() const;
    // Every stored record of the session, in order, undo records included.
    const QList<ObservationEvent> &log() const { return m_log; }
    QList<StateInterval> intervals() const;
    QList<StateInterval> runningStates() const;
    QList<PauseSpan> pauses() const { return m_pauses; }

private:
    friend class Sessions;
    ObservationSession(store::LocalStore &store, const Clock &wall, const MonotonicClock &monotonic,
                       const QTimeZone &zone);

    Status checkCoding() const;
    Status checkCorrecting() const;
    struct Observed {
        std::int64_t startWall = 0;
        std::int64_t startElapsed = 0;
        std::int64_t endElapsed = 0;
    };
    QList<Observed> observedStretches() const;
    ObservationEvent stampAt(EventKind kind, std::int64_t offsetMs) const;
    QString resolved(QString id) const;
    QString participantIdOf(const Subject &subject) const;
    Result<PresentParticipant> checkSubject(const Behaviour &b, const Subject &subject) const;
    ObservationEvent stamp(EventKind kind) const;
    Result<ObservationEvent> append(ObservationEvent event, const QString &participantId);
    Status saveInfo();
    void rebuild();
    QString stateKey(const QString &behaviour, const Subject &subject) const;
    std::int64_t elapsedNow() const;

    store::LocalStore &m_store;
    const Clock &m_wall;
    const MonotonicClock &m_monotonic;
    QTimeZone m_zone;
    SessionInfo m_info;
    std::int64_t m_monotonicOrigin = 0;   // monotonic time of elapsed 0
    QList<PauseSpan> m_pauses;
    QList<ObservationEvent> m_log;
    int m_nextSeq = 1;
    QStringList m_baseSessions;           // earlier versions whose events this one starts from
    QSet<QString> m_undone;
    QHash<QString, QString> m_replacedBy;  // event id -> the event a change replaced it with
    QHash<QString, qsizetype> m_running;  // state key -> index in m_log of its start
    QSet<QString> m_dissented;            // codes
    QSet<QString> m_blockedHere;          // dissent taken in this process, kept even if its record failed
};

} // namespace samla::observation
