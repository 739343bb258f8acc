#include "session.h"

#include "observationlog.h"
#include "sessionrecords.h"

#include "app/domain/conflictpolicies.h"
#include "app/domain/consentgate.h"
#include "app/domain/consentlog.h"
#include "app/domain/participants.h"
#include "app/domain/projects.h"
#include "app/store/conflictpolicy.h"
#include "app/store/localstore.h"

#include <QDateTime>

#include <algorithm>
#include <mutex>

namespace samla::observation {

namespace {

constexpr int kMaxListed = 1'000'000;
constexpr int kMaxNoteLength = 10'000;
constexpr int kMaxReasonLength = 2'000;

Error refuse(const char *key)
{
    return makeError(ErrorCode::InvalidArgument, QString::fromLatin1(key));
}

Error finalised()
{
    return makeError(ErrorCode::ReadOnly, QStringLiteral("finalised"));
}

int utcOffsetAt(const QTimeZone &zone, std::int64_t wallMs)
{
    return zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(wallMs, Qt::UTC));
}

bool isCoding(EventKind k)
{
    return k == EventKind::Point || k == EventKind::Start || k == EventKind::Stop || k == EventKind::Note;
}

QString subjectKey(const Subject &s)
{
    switch (s.kind) {
    case Subject::Kind::None: return QStringLiteral("-");
    case Subject::Kind::Role: return QStringLiteral("r:") + s.code;
    case Subject::Kind::Participant: return QStringLiteral("p:") + s.code;
    }
    return {};
}

} // namespace

QString sessionStateKey(SessionState s)
{
    switch (s) {
    case SessionState::Running: return QStringLiteral("running");
    case SessionState::Paused: return QStringLiteral("paused");
    case SessionState::Stopped: return QStringLiteral("stopped");
    case SessionState::Finalised: return QStringLiteral("finalised");
    }
    return {};
}

QString eventKindKey(EventKind k)
{
    switch (k) {
    case EventKind::Point: return QStringLiteral("point");
    case EventKind::Start: return QStringLiteral("start");
    case EventKind::Stop: return QStringLiteral("stop");
    case EventKind::Note: return QStringLiteral("note");
    case EventKind::Undo: return QStringLiteral("undo");
    case EventKind::Pause: return QStringLiteral("pause");
    case EventKind::Resume: return QStringLiteral("resume");
    case EventKind::Dissent: return QStringLiteral("dissent");
    }
    return {};
}

QString ObservationEvent::localTime() const
{
    return QDateTime::fromMSecsSinceEpoch(wallMs, Qt::OffsetFromUTC, utcOffsetS).toString(Qt::ISODateWithMs);
}

bool replacedByCorrection(const QList<SessionInfo> &all, const QString &sessionId)
{
    return std::any_of(all.begin(), all.end(), [&](const SessionInfo &s) {
        return s.supersedes == sessionId && s.state == SessionState::Finalised;
    });
}

QList<SessionInfo> sessionsInForce(const QList<SessionInfo> &all)
{
    QList<SessionInfo> out;
    for (const SessionInfo &s : all) {
        if (s.isCorrection() && s.state != SessionState::Finalised)
            continue;
        if (!replacedByCorrection(all, s.id))
            out.append(s);
    }
    return out;
}

QList<SessionInfo> versionHistory(const QList<SessionInfo> &all, const QString &sessionId)
{
    auto find = [&](const QString &id) -> const SessionInfo * {
        for (const SessionInfo &s : all) {
            if (s.id == id)
                return &s;
        }
        return nullptr;
    };
    const SessionInfo *at = find(sessionId);
    if (!at)
        return {};
    // Back to the first version, then forward through the corrections.
    QStringList seen;
    while (!at->supersedes.isEmpty() && !seen.contains(at->id)) {
        seen << at->id;
        const SessionInfo *earlier = find(at->supersedes);
        if (!earlier)
            break;
        at = earlier;
    }
    QList<SessionInfo> out{*at};
    for (bool more = true; more;) {
        more = false;
        for (const SessionInfo &s : all) {
            if (s.supersedes == out.constLast().id
                && !std::any_of(out.begin(), out.end(), [&](const SessionInfo &o) { return o.id == s.id; })) {
                out.append(s);
                more = s.state == SessionState::Finalised;
                break;
            }
        }
    }
    return out;
}

std::optional<SessionInfo> openCorrectionOf(const QList<SessionInfo> &all, const QString &finalisedId)
{
    for (const SessionInfo &s : all) {
        if (s.supersedes == finalisedId && s.state != SessionState::Finalised)
            return s;
    }
    return std::nullopt;
}

// ---- Sessions ----

Sessions::Sessions(store::LocalStore &store, const Clock &wall, const MonotonicClock &monotonic, const QTimeZone &zone)
    : m_store(store), m_wall(wall), m_monotonic(monotonic), m_zone(zone.isValid() ? zone : QTimeZone::utc())
{
    installConflictPolicies();
}

void installConflictPolicies()
{
    domain::installConflictPolicies();
    static std::once_flag once;
    std::call_once(once, [] {
        using store::ConflictPolicy;
        store::setKindPolicy(Sessions::kEventKind, store::KindPolicy{ConflictPolicy::AppendOnly, {}, {}});
        store::setKindPolicy(Sessions::kSessionKind,
                             store::KindPolicy{ConflictPolicy::Finalisable,
                                               [](const QCborMap &body) {
                                                   return body.value(QStringLiteral("state")).toString()
                                                          == sessionStateKey(SessionState::Finalised);
                                               },
                                               {}});
    });
}

Result<std::unique_ptr<ObservationSession>> Sessions::start(const SessionSetup &setup, QList<ParticipantRefusal> *refused)
{
    if (const SchemeIssue issue = validateScheme(setup.scheme); issue.problem != SchemeProblem::None)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("bad_scheme: %1 at %2").arg(schemeProblemKey(issue.problem), issue.path));
    if (setup.observer.trimmed().isEmpty())
        return refuse("observer_missing");
    if (setup.promptIntervalS < -1 || setup.promptIntervalS > 24 * 60 * 60)
        return refuse("bad_interval");
    for (auto it = setup.attendeesByRole.begin(); it != setup.attendeesByRole.end(); ++it) {
        if (it.key().trimmed().isEmpty() || it.value() < 0)
            return refuse("bad_attendees");
    }
    auto project = domain::Projects(m_store.records()).get(setup.projectId);
    if (!project.ok())
        return project.error();
    if (!setup.siteId.isEmpty() && !project->settings.site(setup.siteId))
        return refuse("unknown_site");

    SessionInfo info;
    info.projectId = setup.projectId;
    info.siteId = setup.siteId;
    info.setting = setup.setting;
    info.observers = setup.observers;
    info.observer = setup.observer.trimmed();
    if (!info.observers.contains(info.observer))
        info.observers.append(info.observer);
    info.attendeesByRole = setup.attendeesByRole;
    info.scheme = setup.scheme;
    info.promptIntervalS = setup.promptIntervalS < 0 ? setup.scheme.samplingIntervalS : setup.promptIntervalS;
    info.unpaired = setup.unpaired;

    // Every code passes the gate before anyone can tag it.
    const domain::ConsentGate gate(m_store.records(), m_wall);
    const domain::Participants participants(m_store.records());
    QList<ParticipantRefusal> refusals;
    for (const QString &raw : setup.participantCodes) {
        const QString code = raw.trimmed();
        if (code.isEmpty() || std::any_of(info.participants.begin(), info.participants.end(),
                                          [&](const PresentParticipant &p) { return p.code == code; }))
            continue;
        auto found = participants.findByCode(setup.projectId, code);
        if (!found.ok()) {
            refusals.append({code, found.code() == ErrorCode::NotFound ? domain::Reason::NotEnrolled
                                                                       : domain::Reason::CheckFailed});
            continue;
        }
        const domain::Decision d = gate.mayCollect(found->id, domain::Activity::Observation);
        if (!d.allowed) {
            qCInfo(lcObservation) << "participant" << found->id << "not taggable:" << domain::reasonKey(d.reason);
            refusals.append({code, d.reason});
            continue;
        }
        info.participants.append({code, found->id});
    }

    info.startedWallMs = m_wall.nowMs();
    info.timeZone = QString::fromUtf8(m_zone.id());
    info.startUtcOffsetS = utcOffsetAt(m_zone, info.startedWallMs);
    info.state = SessionState::Running;

    std::unique_ptr<ObservationSession> session(new ObservationSession(m_store, m_wall, m_monotonic, m_zone));
    session->m_info = info;
    session->m_monotonicOrigin = m_monotonic.elapsedMs();
    SAMLA_TRY(session->saveInfo());
    qCInfo(lcObservation) << "session" << session->id() << "started with" << info.participants.size()
                          << "participants," << refusals.size() << "refused";
    if (refused)
        *refused = refusals;
    return session;
}

Result<std::unique_ptr<ObservationSession>> Sessions::open(const QString &sessionId)
{
    auto record = m_store.records().get(sessionId);
    if (!record.ok())
        return record.error();
    if (record->kind != kSessionKind || record->deleted)
        return makeError(ErrorCode::NotFound, QStringLiteral("not an observation session"));
    auto info = records::sessionFromBody(record->id, record->projectId, record->body);
    if (!info.ok())
        return info.error();

    std::unique_ptr<ObservationSession> session(new ObservationSession(m_store, m_wall, m_monotonic, m_zone));
    session->m_info = info.value();
    // The versions this one corrects, oldest first: their events are its start.
    QStringList chain;
    for (QString at = info->supersedes; !at.isEmpty() && !chain.contains(at);) {
        chain.prepend(at);
        auto earlier = m_store.records().get(at);
        if (!earlier.ok())
            return earlier.error();
        at = earlier->body.value(QStringLiteral("supersedes")).toString();
    }
    session->m_baseSessions = chain;
    chain.append(sessionId);

    auto rows = m_store.records().list(kEventKind, info->projectId, kMaxListed);
    if (!rows.ok())
        return rows.error();
    QList<ObservationEvent> events;
    for (const store::Record &r : rows.value()) {
        const QString owner = r.body.value(QStringLiteral("session")).toString();
        if (chain.contains(owner))
            events.append(records::eventFromBody(r.id, r.body, info->scheme));
    }
    std::sort(events.begin(), events.end(), [&](const ObservationEvent &a, const ObservationEvent &b) {
        const qsizetype va = chain.indexOf(a.sessionId), vb = chain.indexOf(b.sessionId);
        return va != vb ? va < vb : a.seq < b.seq;
    });
    session->m_log = events;
    std::int64_t lastElapsed = 0;
    for (const ObservationEvent &e : events) {
        if (e.sessionId == sessionId) {
            session->m_nextSeq = std::max(session->m_nextSeq, e.seq + 1);
            lastElapsed = std::max(lastElapsed, e.elapsedMs);
        }
    }
    session->rebuild();
    if (session->m_info.state == SessionState::Running) {
        // Elapsed time goes on from the last event: the earlier process's
        // monotonic clock is gone, and the time since was not observed.
        session->m_monotonicOrigin = m_monotonic.elapsedMs() - lastElapsed;
        const bool paused = !session->m_pauses.isEmpty() && session->m_pauses.last().endMs < 0;
        if (paused) {
            session->m_info.state = SessionState::Paused;
        } else {
            auto p = session->pause();
            if (!p.ok())
                return p.error();
        }
    }
    return session;
}

Result<std::unique_ptr<ObservationSession>> Sessions::correct(const QString &finalisedId, const QString &reason,
                                                              const QString &correctedBy)
{
    auto original = open(finalisedId);
    if (!original.ok())
        return original.error();
    const ObservationSession &old = *original.value();
    if (old.state() != SessionState::Finalised)
        return refuse("not_finalised");
    if (reason.trimmed().isEmpty())
        return refuse("reason_required");
    if (reason.size() > kMaxReasonLength)
        return refuse("reason_too_long");
    if (correctedBy.trimmed().isEmpty())
        return refuse("observer_missing");
    auto all = list(old.info().projectId);
    if (!all.ok())
        return all.error();
    if (replacedByCorrection(all.value(), finalisedId))
        return refuse("superseded");
    if (openCorrectionOf(all.value(), finalisedId))
        return refuse("correction_open");
    std::unique_ptr<ObservationSession> session(new ObservationSession(m_store, m_wall, m_monotonic, m_zone));
    session->m_info = old.info();
    session->m_info.id.clear();
    session->m_info.state = SessionState::Stopped;
    session->m_info.finalisedWallMs = 0;
    session->m_info.versionNo = old.info().versionNo + 1;
    session->m_info.supersedes = finalisedId;
    session->m_info.correctionReason = reason.trimmed();
    session->m_info.correctedBy = correctedBy.trimmed();
    session->m_info.correctedWallMs = m_wall.nowMs();
    session->m_baseSessions = old.m_baseSessions;
    session->m_baseSessions.append(finalisedId);
    session->m_log = old.m_log;
    SAMLA_TRY(session->saveInfo());
    session->rebuild();
    qCInfo(lcObservation) << "session" << session->id() << "corrects" << finalisedId;
    return session;
}

Status Sessions::discard(const QString &correctionId)
{
    auto record = m_store.records().get(correctionId);
    if (!record.ok())
        return record.error();
    if (record->kind != kSessionKind || record->deleted)
        return makeError(ErrorCode::NotFound, QStringLiteral("not an observation session"));
    auto info = records::sessionFromBody(record->id, record->projectId, record->body);
    if (!info.ok())
        return info.error();
    if (info->state == SessionState::Finalised)
        return finalised();
    if (!info->isCorrection())
        return refuse("not_a_correction");
    store::RecordChange change;
    change.id = correctionId;
    change.kind = kSessionKind;
    change.projectId = record->projectId;
    change.body = record->body;
    change.deleted = true;
    auto r = m_store.records().put(change);
    if (!r.ok())
        return r.error();
    qCInfo(lcObservation) << "correction" << correctionId << "discarded";
    return {};
}

Result<QList<SessionInfo>> Sessions::list(const QString &projectId) const
{
    auto rows = m_store.records().list(kSessionKind, projectId, kMaxListed);
    if (!rows.ok())
        return rows.error();
    QList<SessionInfo> out;
    for (const store::Record &r : rows.value()) {
        auto info = records::sessionFromBody(r.id, r.projectId, r.body);
        if (info.ok())
            out.append(info.value());
        else
            qCWarning(lcObservation) << "session" << r.id << "unreadable:" << info.error().detail;
    }
    return out;
}

// ---- ObservationSession ----

ObservationSession::ObservationSession(store::LocalStore &store, const Clock &wall, const MonotonicClock &monotonic,
                                       const QTimeZone &zone)
    : m_store(store), m_wall(wall), m_monotonic(monotonic), m_zone(zone)
{
}

ObservationSession::~ObservationSession() = default;

bool ObservationSession::editable() const
{
    return m_info.state != SessionState::Finalised;
}

std::int64_t ObservationSession::elapsedNow() const
{
    if (m_info.state == SessionState::Stopped || m_info.state == SessionState::Finalised)
        return m_info.stopElapsedMs;
    return std::max<std::int64_t>(0, m_monotonic.elapsedMs() - m_monotonicOrigin);
}

std::int64_t ObservationSession::offsetMs() const
{
    if (m_info.state == SessionState::Stopped || m_info.state == SessionState::Finalised)
        return m_info.stopOffsetMs;
    return activeOffsetMs(elapsedNow(), m_pauses);
}

std::int64_t ObservationSession::nextPromptOffsetMs() const
{
    if (m_info.state == SessionState::Stopped || m_info.state == SessionState::Finalised)
        return -1;
    const QList<std::int64_t> next = promptOffsets(std::int64_t(m_info.promptIntervalS) * 1000, offsetMs(), 1);
    return next.isEmpty() ? -1 : next.first();
}

std::int64_t ObservationSession::msUntilNextPrompt() const
{
    const std::int64_t next = nextPromptOffsetMs();
    return next < 0 ? -1 : next - offsetMs();
}

QStringList ObservationSession::taggableCodes() const
{
    QStringList out;
    for (const PresentParticipant &p : m_info.participants) {
        if (!m_dissented.contains(p.code))
            out << p.code;
    }
    return out;
}

QString ObservationSession::stateKey(const QString &behaviour, const Subject &subject) const
{
    return behaviour + QLatin1Char('|') + subjectKey(subject);
}

Status ObservationSession::checkCoding() const
{
    switch (m_info.state) {
    case SessionState::Running: return {};
    case SessionState::Paused: return refuse("paused");
    case SessionState::Stopped: return refuse("stopped");
    case SessionState::Finalised: return finalised();
    }
    return refuse("stopped");
}

Result<PresentParticipant> ObservationSession::checkSubject(const Behaviour &b, const Subject &subject) const
{
    if (subject.kind == Subject::Kind::None) {
        if (b.subject == SubjectRule::Required)
            return refuse("subject_required");
        return PresentParticipant{};
    }
    if (b.subject == SubjectRule::None)
        return refuse("no_subject_allowed");
    if (subject.kind == Subject::Kind::Role) {
        if (!m_info.scheme.hasRole(subject.code))
            return refuse("unknown_role");
        return PresentParticipant{};
    }
    if (!m_info.scheme.participantSubjects)
        return refuse("no_subject_allowed");
    if (m_dissented.contains(subject.code))
        return refuse("participant_dissented");
    const auto present = std::find_if(m_info.participants.begin(), m_info.participants.end(),
                                      [&](const PresentParticipant &p) { return p.code == subject.code; });
    if (present == m_info.participants.end())
        return refuse("participant_not_present");
    // Asked again at every tag: a withdrawal taken on another screen during
    // the session stops tagging at once. The gate fails closed.
    const domain::ConsentGate gate(m_store.records(), m_wall);
    const domain::Decision d = gate.mayCollect(present->participantId, domain::Activity::Observation);
    if (!d.allowed)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("consent_refused: ") + domain::reasonKey(d.reason));
    return *present;
}

ObservationEvent ObservationSession::stamp(EventKind kind) const
{
    ObservationEvent e;
    e.sessionId = m_info.id;
    e.seq = m_nextSeq;
    e.kind = kind;
    e.elapsedMs = elapsedNow();
    e.offsetMs = m_info.state == SessionState::Stopped || m_info.state == SessionState::Finalised
                     ? m_info.stopOffsetMs
                     : activeOffsetMs(e.elapsedMs, m_pauses);
    e.wallMs = m_wall.nowMs();
    e.timeZone = QString::fromUtf8(m_zone.id());
    e.utcOffsetS = utcOffsetAt(m_zone, e.wallMs);
    e.observer = m_info.observer;
    return e;
}

Result<ObservationEvent> ObservationSession::append(ObservationEvent e, const QString &participantId)
{
    store::RecordChange change;
    change.kind = Sessions::kEventKind;
    change.projectId = m_info.projectId;
    // An event about a participant is theirs: erasure finds it by this reference.
    change.participantRef = participantId;
    change.body = records::eventBody(e, m_info.scheme);
    auto r = m_store.records().put(change);
    if (!r.ok())
        return r.error();
    e.id = r->id;
    m_log.append(e);
    ++m_nextSeq;
    return e;
}

Status ObservationSession::saveInfo()
{
    store::RecordChange change;
    change.id = m_info.id;
    change.kind = Sessions::kSessionKind;
    change.projectId = m_info.projectId;
    SessionInfo stored = m_info;
    // Running and paused are one stored state: pauses are events.
    if (stored.state == SessionState::Paused)
        stored.state = SessionState::Running;
    change.body = records::sessionBody(stored);
    auto r = m_store.records().put(change);
    if (!r.ok())
        return r.error();
    m_info.id = r->id;
    return {};
}

void ObservationSession::rebuild()
{
    m_undone.clear();
    m_running.clear();
    m_dissented = m_blockedHere;
    m_pauses.clear();
    m_replacedBy.clear();
    for (const ObservationEvent &e : m_log) {
        if (e.kind == EventKind::Undo) {
            m_undone.insert(e.target);
            // A start taken back in a correction takes its end with it.
            for (const QString &also : e.closes)
                m_undone.insert(also);
        }
        if (!e.replaces.isEmpty()) {
            m_undone.insert(e.replaces);
            m_replacedBy.insert(e.replaces, e.id);
        }
    }
    const QString coded = codedVersionId();
    auto closeStart = [this](const QString &startId) {
        const QString id = resolved(startId);
        for (auto it = m_running.begin(); it != m_running.end(); ++it) {
            if (m_log[it.value()].id == id) {
                m_running.erase(it);
                return;
            }
        }
    };
    for (qsizetype i = 0; i < m_log.size(); ++i) {
        const ObservationEvent &e = m_log[i];
        if (m_undone.contains(e.id))
            continue;
        switch (e.kind) {
        case EventKind::Start:
            for (const QString &closed : e.closes)
                closeStart(closed);
            m_running.insert(stateKey(e.behaviour, e.subject), i);
            break;
        case EventKind::Stop:
            closeStart(e.target);
            break;
        case EventKind::Dissent:
            for (const QString &closed : e.closes)
                closeStart(closed);
            m_dissented.insert(e.subject.code);
            break;
        case EventKind::Pause:
            if (e.sessionId == coded)
                m_pauses.append(PauseSpan{e.elapsedMs, -1});
            break;
        case EventKind::Resume:
            if (e.sessionId == coded && !m_pauses.isEmpty() && m_pauses.last().endMs < 0)
                m_pauses.last().endMs = e.elapsedMs;
            break;
        case EventKind::Point:
        case EventKind::Note:
        case EventKind::Undo:
            break;
        }
    }
}

Result<ObservationEvent> ObservationSession::logPoint(const QString &behaviour, const Subject &subject,
                                                      const ModifierValues &modifiers, const QString &comment)
{
    SAMLA_TRY(checkCoding());
    const Behaviour *b = m_info.scheme.behaviour(behaviour);
    if (!b)
        return refuse("unknown_behaviour");
    if (b->type != EventType::Point)
        return refuse("not_a_point_event");
    auto who = checkSubject(*b, subject);
    if (!who.ok())
        return who.error();
    SAMLA_TRY(checkModifiers(m_info.scheme, *b, modifiers));
    if (comment.size() > kMaxNoteLength)
        return refuse("comment_too_long");
    ObservationEvent e = stamp(EventKind::Point);
    e.behaviour = behaviour;
    e.subject = subject;
    e.modifiers = modifiers;
    e.comment = comment;
    return append(e, who->participantId);
}

Result<ObservationEvent> ObservationSession::toggleState(const QString &behaviour, const Subject &subject,
                                                         const ModifierValues &modifiers)
{
    SAMLA_TRY(checkCoding());
    const Behaviour *b = m_info.scheme.behaviour(behaviour);
    if (!b)
        return refuse("unknown_behaviour");
    if (b->type != EventType::State)
        return refuse("not_a_state_event");
    const QString key = stateKey(behaviour, subject);
    if (const auto running = m_running.constFind(key); running != m_running.constEnd()) {
        // Stopping what was allowed to start needs no new consent check.
        const ObservationEvent &start = m_log[running.value()];
        ObservationEvent e = stamp(EventKind::Stop);
        e.behaviour = behaviour;
        e.subject = subject;
        e.target = start.id;
        QString participantId;
        for (const PresentParticipant &p : m_info.participants) {
            if (subject.kind == Subject::Kind::Participant && p.code == subject.code)
                participantId = p.participantId;
        }
        auto stored = append(e, participantId);
        if (stored.ok())
            m_running.remove(key);
        return stored;
    }
    auto who = checkSubject(*b, subject);
    if (!who.ok())
        return who.error();
    SAMLA_TRY(checkModifiers(m_info.scheme, *b, modifiers));
    ObservationEvent e = stamp(EventKind::Start);
    e.behaviour = behaviour;
    e.subject = subject;
    e.modifiers = modifiers;
    QStringList closedKeys;
    for (const QString &other : m_info.scheme.excludedBy(behaviour)) {
        const QString otherKey = stateKey(other, subject);
        if (const auto it = m_running.constFind(otherKey); it != m_running.constEnd()) {
            e.closes << m_log[it.value()].id;
            closedKeys << otherKey;
        }
    }
    auto stored = append(e, who->participantId);
    if (!stored.ok())
        return stored;
    for (const QString &closed : closedKeys)
        m_running.remove(closed);
    m_running.insert(key, m_log.size() - 1);
    return stored;
}

Result<ObservationEvent> ObservationSession::undoLast()
{
    if (m_info.state == SessionState::Finalised)
        return finalised();
    if (m_info.state == SessionState::Stopped)
        return refuse("stopped");
    for (qsizetype i = m_log.size() - 1; i >= 0; --i) {
        const ObservationEvent &target = m_log[i];
        if (target.sessionId != m_info.id || !isCoding(target.kind) || m_undone.contains(target.id))
            continue;
        return retract(target.id);
    }
    return refuse("nothing_to_undo");
}

Result<ObservationEvent> ObservationSession::retract(const QString &eventId)
{
    if (m_info.state == SessionState::Finalised)
        return finalised();
    const auto target = std::find_if(m_log.begin(), m_log.end(), [&](const ObservationEvent &e) {
        return e.id == eventId && isCoding(e.kind) && !m_undone.contains(e.id);
    });
    if (target == m_log.end())
        return refuse("unknown_event");
    QString participantId;
    for (const PresentParticipant &p : m_info.participants) {
        if (target->subject.kind == Subject::Kind::Participant && p.code == target->subject.code)
            participantId = p.participantId;
    }
    ObservationEvent e = stamp(EventKind::Undo);
    e.target = eventId;
    if (target->kind == EventKind::Start && m_info.state == SessionState::Stopped) {
        // In a correction a start goes with its end: no end is left that ends nothing.
        for (const ObservationEvent &stop : m_log) {
            if (stop.kind == EventKind::Stop && !m_undone.contains(stop.id) && resolved(stop.target) == eventId)
                e.closes << stop.id;
        }
    }
    auto stored = append(e, participantId);
    if (stored.ok())
        rebuild();
    return stored;
}

Result<ObservationEvent> ObservationSession::note(const QString &text)
{
    if (m_info.state == SessionState::Finalised)
        return finalised();
    if (m_info.state == SessionState::Stopped)
        return refuse("stopped");
    if (text.trimmed().isEmpty())
        return refuse("empty_note");
    if (text.size() > kMaxNoteLength)
        return refuse("comment_too_long");
    ObservationEvent e = stamp(EventKind::Note);
    e.comment = text;
    return append(e, QString());
}

Result<ObservationEvent> ObservationSession::recordDissent(const QString &code)
{
    if (m_info.state == SessionState::Finalised)
        return finalised();
    if (m_info.state == SessionState::Stopped)
        return refuse("stopped");
    const auto present = std::find_if(m_info.participants.begin(), m_info.participants.end(),
                                      [&](const PresentParticipant &p) { return p.code == code; });
    if (present == m_info.participants.end())
        return refuse("participant_not_present");
    if (m_dissented.contains(code))
        return refuse("participant_dissented");
    // Blocked here first, so tagging stops even if a write below fails.
    m_dissented.insert(code);
    m_blockedHere.insert(code);
    domain::ConsentLog consent(m_store, m_wall);
    auto recorded = consent.dissent(present->participantId, domain::Activity::Observation, m_info.observer);
    if (!recorded.ok())
        return recorded.error();
    ObservationEvent e = stamp(EventKind::Dissent);
    e.subject = Subject::participant(code);
    QStringList closedKeys;
    for (auto it = m_running.constBegin(); it != m_running.constEnd(); ++it) {
        if (m_log[it.value()].subject == e.subject) {
            e.closes << m_log[it.value()].id;
            closedKeys << it.key();
        }
    }
    auto stored = append(e, present->participantId);
    if (!stored.ok())
        return stored;
    for (const QString &key : closedKeys)
        m_running.remove(key);
    qCInfo(lcObservation) << "session" << m_info.id << "dissent for participant" << present->participantId;
    return stored;
}

Result<ObservationEvent> ObservationSession::pause()
{
    if (m_info.state == SessionState::Finalised)
        return finalised();
    if (m_info.state != SessionState::Running)
        return refuse("not_running");
    ObservationEvent e = stamp(EventKind::Pause);
    auto stored = append(e, QString());
    if (!stored.ok())
        return stored;
    m_pauses.append(PauseSpan{stored->elapsedMs, -1});
    m_info.state = SessionState::Paused;
    return stored;
}

Result<ObservationEvent> ObservationSession::resume()
{
    if (m_info.state == SessionState::Finalised)
        return finalised();
    if (m_info.state != SessionState::Paused)
        return refuse("not_paused");
    ObservationEvent e = stamp(EventKind::Resume);
    auto stored = append(e, QString());
    if (!stored.ok())
        return stored;
    m_pauses.last().endMs = stored->elapsedMs;
    m_info.state = SessionState::Running;
    return stored;
}

Result<StopSummary> ObservationSession::stop()
{
    if (m_info.state == SessionState::Finalised)
        return finalised();
    if (m_info.state != SessionState::Running && m_info.state != SessionState::Paused)
        return refuse("not_running");
    const SessionInfo before = m_info;
    const std::int64_t elapsed = elapsedNow();
    m_info.stopOffsetMs = activeOffsetMs(elapsed, m_pauses);
    m_info.stopElapsedMs = elapsed;
    m_info.stopWallMs = m_wall.nowMs();
    for (auto it = m_running.constBegin(); it != m_running.constEnd(); ++it) {
        if (m_info.unpaired == UnpairedPolicy::CloseAtStop)
            m_info.closedAtStop << m_log[it.value()].id;
        else
            m_info.flaggedForReview << m_log[it.value()].id;
    }
    m_info.state = SessionState::Stopped;
    if (Status saved = saveInfo(); !saved.ok()) {
        m_info = before;
        return saved.error();
    }
    StopSummary summary;
    for (const StateInterval &interval : intervals()) {
        if (interval.closedAtStop)
            summary.closedAtStop.append(interval);
        if (interval.needsReview)
            summary.flaggedForReview.append(interval);
    }
    qCInfo(lcObservation) << "session" << m_info.id << "stopped;" << summary.closedAtStop.size() << "closed,"
                          << summary.flaggedForReview.size() << "flagged";
    return summary;
}

Status ObservationSession::finalise()
{
    if (m_info.state == SessionState::Finalised)
        return finalised();
    if (m_info.state != SessionState::Stopped)
        return refuse("not_stopped");
    const SessionInfo before = m_info;
    m_info.state = SessionState::Finalised;
    m_info.finalisedWallMs = m_wall.nowMs();
    if (Status saved = saveInfo(); !saved.ok()) {
        m_info = before;
        return saved;
    }
    return {};
}

QList<ObservationEvent> ObservationSession::events() const
{
    // In log order, except that an event inserted or changed in a correction
    // sits at its offset (a change where the event it replaces was).
    QHash<QString, qsizetype> position;
    QList<std::pair<qsizetype, ObservationEvent>> kept;
    for (qsizetype i = 0; i < m_log.size(); ++i) {
        const ObservationEvent &e = m_log[i];
        position.insert(e.id, e.replaces.isEmpty() ? i : position.value(e.replaces, i));
        if ((isCoding(e.kind) || e.kind == EventKind::Dissent) && !m_undone.contains(e.id))
            kept.append({position.value(e.id), e});
    }
    std::stable_sort(kept.begin(), kept.end(), [](const auto &a, const auto &b) {
        return a.second.offsetMs != b.second.offsetMs ? a.second.offsetMs < b.second.offsetMs : a.first < b.first;
    });
    QHash<QString, const ObservationEvent *> byId;
    for (const auto &[at, e] : kept)
        byId.insert(e.id, &e);
    QList<ObservationEvent> out;
    for (const auto &[at, e] : kept) {
        ObservationEvent shown = e;
        if (e.kind == EventKind::Stop) {
            // An end follows its start through changes: same behaviour, same subject.
            shown.target = resolved(e.target);
            if (const ObservationEvent *start = byId.value(shown.target)) {
                shown.behaviour = start->behaviour;
                shown.subject = start->subject;
            }
        }
        out.append(shown);
    }
    return out;
}

QString ObservationSession::resolved(QString id) const
{
    for (int hops = 0; m_replacedBy.contains(id) && hops < 10'000; ++hops)
        id = m_replacedBy.value(id);
    return id;
}

QString ObservationSession::participantIdOf(const Subject &subject) const
{
    if (subject.kind != Subject::Kind::Participant)
        return {};
    for (const PresentParticipant &p : m_info.participants) {
        if (p.code == subject.code)
            return p.participantId;
    }
    return {};
}

Status ObservationSession::checkCorrecting() const
{
    switch (m_info.state) {
    case SessionState::Finalised: return finalised();
    case SessionState::Running:
    case SessionState::Paused: return refuse("running");
    case SessionState::Stopped: break;
    }
    if (!m_info.isCorrection())
        return refuse("not_a_correction");
    return {};
}

QList<ObservationSession::Observed> ObservationSession::observedStretches() const
{
    // From the start (or a resume) to the next pause (or the stop): wall and
    // elapsed time advance together within a stretch.
    QList<Observed> out;
    const QString coded = codedVersionId();
    Observed at{m_info.startedWallMs, 0, -1};
    bool running = true;
    for (const ObservationEvent &e : m_log) {
        if (e.sessionId != coded)
            continue;
        if (e.kind == EventKind::Pause && running) {
            at.endElapsed = e.elapsedMs;
            out.append(at);
            running = false;
        } else if (e.kind == EventKind::Resume && !running) {
            at = Observed{e.wallMs, e.elapsedMs, -1};
            running = true;
        }
    }
    if (running) {
        at.endElapsed = m_info.stopElapsedMs;
        out.append(at);
    }
    return out;
}

ObservationEvent ObservationSession::stampAt(EventKind kind, std::int64_t offsetMs) const
{
    // The elapsed time of the offset: the earliest moment with that much
    // observation time, so an offset where a pause began sits before the pause.
    std::int64_t pausedBefore = 0;
    for (const PauseSpan &p : m_pauses) {
        if (offsetMs <= p.startMs - pausedBefore || p.endMs < 0)
            break;
        pausedBefore += p.endMs - p.startMs;
    }
    ObservationEvent e;
    e.sessionId = m_info.id;
    e.seq = m_nextSeq;
    e.kind = kind;
    e.offsetMs = offsetMs;
    e.elapsedMs = offsetMs + pausedBefore;
    const QList<Observed> stretches = observedStretches();
    Observed in = stretches.isEmpty() ? Observed{m_info.startedWallMs, 0, 0} : stretches.constFirst();
    for (const Observed &s : stretches) {
        if (s.startElapsed <= e.elapsedMs)
            in = s;
    }
    e.wallMs = in.startWall + (e.elapsedMs - in.startElapsed);
    const QTimeZone zone(m_info.timeZone.toUtf8());
    e.timeZone = zone.isValid() ? m_info.timeZone : QString::fromUtf8(m_zone.id());
    e.utcOffsetS = utcOffsetAt(zone.isValid() ? zone : m_zone, e.wallMs);
    e.observer = m_info.observer;
    return e;
}

Result<std::int64_t> ObservationSession::offsetAtWall(std::int64_t wallMs) const
{
    const QList<Observed> stretches = observedStretches();
    if (stretches.isEmpty() || wallMs < stretches.constFirst().startWall)
        return refuse("before_start");
    for (const Observed &s : stretches) {
        if (wallMs >= s.startWall && wallMs <= s.startWall + (s.endElapsed - s.startElapsed))
            return activeOffsetMs(s.startElapsed + (wallMs - s.startWall), m_pauses);
    }
    const Observed &last = stretches.constLast();
    if (wallMs > last.startWall + (last.endElapsed - last.startElapsed))
        return refuse("after_stop");
    return refuse("in_pause");
}

std::optional<std::pair<std::int64_t, std::int64_t>> ObservationSession::pauseAtWall(std::int64_t wallMs) const
{
    const QList<Observed> stretches = observedStretches();
    for (qsizetype i = 0; i + 1 < stretches.size(); ++i) {
        const std::int64_t from = stretches[i].startWall + (stretches[i].endElapsed - stretches[i].startElapsed);
        const std::int64_t to = stretches[i + 1].startWall;
        if (wallMs > from && wallMs < to)
            return std::pair{from, to};
    }
    return std::nullopt;
}

Result<ObservationEvent> ObservationSession::insertAt(std::int64_t offsetMs, const QString &behaviour,
                                                      const Subject &subject, const ModifierValues &modifiers,
                                                      const QString &comment)
{
    SAMLA_TRY(checkCorrecting());
    if (offsetMs < 0 || offsetMs > m_info.stopOffsetMs)
        return refuse("outside_session");
    if (comment.size() > kMaxNoteLength)
        return refuse("comment_too_long");
    if (behaviour.isEmpty()) {
        if (comment.trimmed().isEmpty())
            return refuse("empty_note");
        if (subject.kind != Subject::Kind::None)
            return refuse("no_subject_allowed");
        ObservationEvent e = stampAt(EventKind::Note, offsetMs);
        e.comment = comment;
        auto stored = append(e, QString());
        if (stored.ok())
            rebuild();
        return stored;
    }
    const Behaviour *b = m_info.scheme.behaviour(behaviour);
    if (!b)
        return refuse("unknown_behaviour");
    auto who = checkSubject(*b, subject);
    if (!who.ok())
        return who.error();
    SAMLA_TRY(checkModifiers(m_info.scheme, *b, modifiers));
    ObservationEvent e = stampAt(b->type == EventType::Point ? EventKind::Point : EventKind::Start, offsetMs);
    e.behaviour = behaviour;
    e.subject = subject;
    e.modifiers = modifiers;
    if (b->type == EventType::Point)
        e.comment = comment;
    auto stored = append(e, who->participantId);
    if (stored.ok())
        rebuild();
    return stored;
}

Result<ObservationEvent> ObservationSession::insertStopAt(std::int64_t offsetMs, const QString &startId)
{
    SAMLA_TRY(checkCorrecting());
    const QString id = resolved(startId);
    const auto start = std::find_if(m_log.begin(), m_log.end(), [&](const ObservationEvent &e) {
        return e.id == id && e.kind == EventKind::Start && !m_undone.contains(e.id);
    });
    if (start == m_log.end())
        return refuse("unknown_event");
    for (const ObservationEvent &e : m_log) {
        if (m_undone.contains(e.id))
            continue;
        const bool ends = (e.kind == EventKind::Stop && resolved(e.target) == id)
                          || ((e.kind == EventKind::Start || e.kind == EventKind::Dissent)
                              && std::any_of(e.closes.begin(), e.closes.end(),
                                             [&](const QString &c) { return resolved(c) == id; }));
        if (ends)
            return refuse("already_ended");
    }
    if (offsetMs < start->offsetMs)
        return refuse("before_start");
    if (offsetMs > m_info.stopOffsetMs)
        return refuse("outside_session");
    ObservationEvent e = stampAt(EventKind::Stop, offsetMs);
    e.behaviour = start->behaviour;
    e.subject = start->subject;
    e.target = id;
    auto stored = append(e, participantIdOf(start->subject));
    if (stored.ok())
        rebuild();
    return stored;
}

Result<ObservationEvent> ObservationSession::change(const QString &eventId, const QString &behaviour,
                                                    const Subject &subject, const ModifierValues &modifiers,
                                                    const QString &comment)
{
    SAMLA_TRY(checkCorrecting());
    const auto found = std::find_if(m_log.begin(), m_log.end(), [&](const ObservationEvent &e) {
        return e.id == eventId && !m_undone.contains(e.id)
               && (isCoding(e.kind) || e.kind == EventKind::Dissent);
    });
    if (found == m_log.end())
        return refuse("unknown_event");
    const ObservationEvent old = *found;
    if (old.kind == EventKind::Stop || old.kind == EventKind::Dissent)
        return refuse("not_changeable");
    if (comment.size() > kMaxNoteLength)
        return refuse("comment_too_long");
    ObservationEvent e = old;
    e.id.clear();
    e.sessionId = m_info.id;
    e.seq = m_nextSeq;
    e.observer = m_info.observer;
    e.replaces = old.id;
    e.target.clear();
    QString participantId;
    if (old.kind == EventKind::Note) {
        if (!behaviour.isEmpty())
            return refuse("kind_mismatch");
        if (comment.trimmed().isEmpty())
            return refuse("empty_note");
        e.comment = comment;
    } else {
        const Behaviour *b = m_info.scheme.behaviour(behaviour);
        if (!b)
            return refuse("unknown_behaviour");
        if ((old.kind == EventKind::Point) != (b->type == EventType::Point))
            return refuse("kind_mismatch");
        auto who = checkSubject(*b, subject);
        if (!who.ok())
            return who.error();
        SAMLA_TRY(checkModifiers(m_info.scheme, *b, modifiers));
        participantId = who->participantId;
        e.behaviour = behaviour;
        e.subject = subject;
        e.modifiers = modifiers;
        e.comment = old.kind == EventKind::Point ? comment : QString();
        // The states a start ended stay ended only where the new behaviour excludes them too.
        e.closes.clear();
        const QStringList excluded = m_info.scheme.excludedBy(behaviour);
        for (const QString &closed : old.closes) {
            const QString id = resolved(closed);
            const auto other = std::find_if(m_log.begin(), m_log.end(),
                                            [&](const ObservationEvent &x) { return x.id == id; });
            if (other != m_log.end() && other->subject == subject && excluded.contains(other->behaviour))
                e.closes << closed;
        }
    }
    auto stored = append(e, participantId);
    if (stored.ok())
        rebuild();
    return stored;
}

QList<UnpairedEvent> ObservationSession::unpaired() const
{
    QList<UnpairedEvent> out;
    QSet<QString> ended;
    QSet<QString> starts;
    for (const ObservationEvent &e : m_log) {
        if (m_undone.contains(e.id))
            continue;
        if (e.kind == EventKind::Start)
            starts.insert(e.id);
        if (e.kind == EventKind::Start || e.kind == EventKind::Dissent) {
            for (const QString &c : e.closes)
                ended.insert(resolved(c));
        }
    }
    for (const QString &id : m_info.closedAtStop)
        ended.insert(resolved(id));
    for (const ObservationEvent &e : events()) {
        if (e.kind == EventKind::Stop) {
            if (!starts.contains(e.target))
                out.append({UnpairedEvent::Kind::EndWithoutStart, e.id});
            else
                ended.insert(e.target);
        }
    }
    for (const ObservationEvent &e : events()) {
        if (e.kind == EventKind::Start && !ended.contains(e.id))
            out.append({UnpairedEvent::Kind::StartWithoutEnd, e.id});
    }
    return out;
}

QList<StateInterval> ObservationSession::intervals() const
{
    QList<StateInterval> done;
    QHash<QString, StateInterval> open;   // by start id
    auto end = [&](const QString &startId, std::int64_t at) {
        if (auto it = open.find(startId); it != open.end()) {
            it->endOffsetMs = at;
            done.append(*it);
            open.erase(it);
        }
    };
    // In force and in time order: a start changed in a correction is written
    // after its end, but sits where it was.
    for (const ObservationEvent &e : events()) {
        if (e.kind == EventKind::Start) {
            for (const QString &closed : e.closes)
                end(resolved(closed), e.offsetMs);
            open.insert(e.id, StateInterval{e.id, e.behaviour, e.subject, e.modifiers, e.offsetMs, e.offsetMs});
        } else if (e.kind == EventKind::Stop) {
            end(resolved(e.target), e.offsetMs);
        } else if (e.kind == EventKind::Dissent) {
            for (const QString &closed : e.closes)
                end(resolved(closed), e.offsetMs);
        }
    }
    const bool stopped = m_info.state == SessionState::Stopped || m_info.state == SessionState::Finalised;
    QSet<QString> closedAtStop;
    for (const QString &id : m_info.closedAtStop)
        closedAtStop.insert(resolved(id));
    for (StateInterval interval : open) {
        if (stopped) {
            interval.endOffsetMs = m_info.stopOffsetMs;
            interval.closedAtStop = closedAtStop.contains(interval.startId);
            // A state running at stop that the stop did not close is for review.
            interval.needsReview = !interval.closedAtStop;
        } else {
            interval.endOffsetMs = offsetMs();
            interval.running = true;
        }
        done.append(interval);
    }
    std::sort(done.begin(), done.end(), [](const StateInterval &a, const StateInterval &b) {
        return a.startOffsetMs != b.startOffsetMs ? a.startOffsetMs < b.startOffsetMs : a.startId < b.startId;
    });
    return done;
}

QList<StateInterval> ObservationSession::runningStates() const
{
    QList<StateInterval> out;
    for (const StateInterval &interval : intervals()) {
        if (interval.running)
            out.append(interval);
    }
    return out;
}

} // namespace samla::observation
