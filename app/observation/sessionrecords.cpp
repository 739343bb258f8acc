#include "sessionrecords.h"

#include <QCborArray>

namespace samla::observation::records {

namespace {

const QString kSession = QStringLiteral("session");
const QString kSeq = QStringLiteral("seq");
const QString kKind = QStringLiteral("kind");
const QString kOffset = QStringLiteral("offset_ms");
const QString kElapsed = QStringLiteral("elapsed_ms");
const QString kWall = QStringLiteral("wall_ms");
const QString kTz = QStringLiteral("tz");
const QString kUtcOffset = QStringLiteral("utc_offset_s");
const QString kObserver = QStringLiteral("observer");
const QString kBehaviour = QStringLiteral("behaviour");
const QString kSubjectKind = QStringLiteral("subject_kind");
const QString kSubject = QStringLiteral("subject");
const QString kModifiers = QStringLiteral("modifiers");
const QString kComment = QStringLiteral("comment");
const QString kCloses = QStringLiteral("closes");
const QString kTarget = QStringLiteral("target");
const QString kReplaces = QStringLiteral("replaces");

QCborArray stringArray(const QStringList &list)
{
    QCborArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}

QStringList stringList(const QCborValue &v)
{
    QStringList out;
    for (const QCborValue &s : v.toArray())
        out << s.toString();
    return out;
}

} // namespace

std::optional<EventKind> eventKindFromKey(const QString &key)
{
    for (EventKind k : {EventKind::Point, EventKind::Start, EventKind::Stop, EventKind::Note, EventKind::Undo,
                        EventKind::Pause, EventKind::Resume, EventKind::Dissent}) {
        if (eventKindKey(k) == key)
            return k;
    }
    return std::nullopt;
}

QCborMap eventBody(const ObservationEvent &e, const CodingScheme &scheme)
{
    QCborMap body;
    body.insert(kSession, e.sessionId);
    body.insert(kSeq, e.seq);
    body.insert(kKind, eventKindKey(e.kind));
    body.insert(kOffset, qint64(e.offsetMs));
    body.insert(kElapsed, qint64(e.elapsedMs));
    body.insert(kWall, qint64(e.wallMs));
    body.insert(kTz, e.timeZone);
    body.insert(kUtcOffset, e.utcOffsetS);
    if (!e.observer.isEmpty())
        body.insert(kObserver, e.observer);
    if (!e.behaviour.isEmpty())
        body.insert(kBehaviour, e.behaviour);
    if (e.subject.kind != Subject::Kind::None) {
        body.insert(kSubjectKind, e.subject.kind == Subject::Kind::Role ? QStringLiteral("role")
                                                                         : QStringLiteral("participant"));
        body.insert(kSubject, e.subject.code);
    }
    if (!e.modifiers.isEmpty()) {
        QCborMap mods;
        for (auto it = e.modifiers.begin(); it != e.modifiers.end(); ++it) {
            const Modifier *m = scheme.modifier(it.key());
            if (m && m->type == ModifierType::MultipleChoice)
                mods.insert(it.key(), stringArray(it.value().toStringList()));
            else if (m && m->type == ModifierType::Number)
                mods.insert(it.key(), QString::number(it.value().toDouble(), 'g', 17));
            else
                mods.insert(it.key(), it.value().toString());
        }
        body.insert(kModifiers, mods);
    }
    if (!e.comment.isEmpty())
        body.insert(kComment, e.comment);
    if (!e.closes.isEmpty())
        body.insert(kCloses, stringArray(e.closes));
    if (!e.target.isEmpty())
        body.insert(kTarget, e.target);
    if (!e.replaces.isEmpty())
        body.insert(kReplaces, e.replaces);
    return body;
}

ObservationEvent eventFromBody(const QString &id, const QCborMap &body, const CodingScheme &scheme)
{
    ObservationEvent e;
    e.id = id;
    e.sessionId = body.value(kSession).toString();
    e.seq = int(body.value(kSeq).toInteger());
    e.kind = eventKindFromKey(body.value(kKind).toString()).value_or(EventKind::Note);
    e.offsetMs = body.value(kOffset).toInteger();
    e.elapsedMs = body.value(kElapsed).toInteger();
    e.wallMs = body.value(kWall).toInteger();
    e.timeZone = body.value(kTz).toString();
    e.utcOffsetS = int(body.value(kUtcOffset).toInteger());
    e.observer = body.value(kObserver).toString();
    e.behaviour = body.value(kBehaviour).toString();
    const QString subjectKind = body.value(kSubjectKind).toString();
    if (subjectKind == QLatin1String("role"))
        e.subject = Subject::role(body.value(kSubject).toString());
    else if (subjectKind == QLatin1String("participant"))
        e.subject = Subject::participant(body.value(kSubject).toString());
    const QCborMap mods = body.value(kModifiers).toMap();
    for (auto it = mods.begin(); it != mods.end(); ++it) {
        const QString code = it.key().toString();
        const Modifier *m = scheme.modifier(code);
        if (m && m->type == ModifierType::MultipleChoice)
            e.modifiers.insert(code, stringList(it.value()));
        else if (m && m->type == ModifierType::Number)
            e.modifiers.insert(code, it.value().toString().toDouble());
        else
            e.modifiers.insert(code, it.value().toString());
    }
    e.comment = body.value(kComment).toString();
    e.closes = stringList(body.value(kCloses));
    e.target = body.value(kTarget).toString();
    e.replaces = body.value(kReplaces).toString();
    return e;
}

namespace {

const QString kSite = QStringLiteral("site");
const QString kSetting = QStringLiteral("setting");
const QString kObservers = QStringLiteral("observers");
const QString kParticipants = QStringLiteral("participants");
const QString kCode = QStringLiteral("code");
const QString kId = QStringLiteral("id");
const QString kAttendees = QStringLiteral("attendees");
const QString kScheme = QStringLiteral("scheme_json");
const QString kPrompt = QStringLiteral("prompt_interval_s");
const QString kUnpaired = QStringLiteral("unpaired");
const QString kStarted = QStringLiteral("started_ms");
const QString kState = QStringLiteral("state");
const QString kStopOffset = QStringLiteral("stop_offset_ms");
const QString kStopElapsed = QStringLiteral("stop_elapsed_ms");
const QString kStopWall = QStringLiteral("stop_ms");
const QString kClosedAtStop = QStringLiteral("closed_at_stop");
const QString kFlagged = QStringLiteral("flagged_for_review");
const QString kFinalised = QStringLiteral("finalised_ms");
const QString kVersionNo = QStringLiteral("version_no");
const QString kSupersedes = QStringLiteral("supersedes");
const QString kReason = QStringLiteral("correction_reason");
const QString kCorrectedBy = QStringLiteral("corrected_by");
const QString kCorrectedMs = QStringLiteral("corrected_ms");

} // namespace

QCborMap sessionBody(const SessionInfo &s)
{
    QCborMap body;
    if (!s.siteId.isEmpty())
        body.insert(kSite, s.siteId);
    body.insert(kSetting, s.setting);
    body.insert(kObservers, stringArray(s.observers));
    body.insert(kObserver, s.observer);
    QCborArray participants;
    for (const PresentParticipant &p : s.participants)
        participants.append(QCborMap{{kCode, p.code}, {kId, p.participantId}});
    body.insert(kParticipants, participants);
    QCborMap attendees;
    for (auto it = s.attendeesByRole.begin(); it != s.attendeesByRole.end(); ++it)
        attendees.insert(it.key(), it.value());
    body.insert(kAttendees, attendees);
    body.insert(kScheme, QString::fromUtf8(schemeToJson(s.scheme, true)));
    body.insert(kPrompt, s.promptIntervalS);
    body.insert(kUnpaired, s.unpaired == UnpairedPolicy::CloseAtStop ? QStringLiteral("close") : QStringLiteral("flag"));
    body.insert(kStarted, qint64(s.startedWallMs));
    body.insert(kTz, s.timeZone);
    body.insert(kUtcOffset, s.startUtcOffsetS);
    body.insert(kState, sessionStateKey(s.state));
    if (s.state == SessionState::Stopped || s.state == SessionState::Finalised) {
        body.insert(kStopOffset, qint64(s.stopOffsetMs));
        body.insert(kStopElapsed, qint64(s.stopElapsedMs));
        body.insert(kStopWall, qint64(s.stopWallMs));
        body.insert(kClosedAtStop, stringArray(s.closedAtStop));
        body.insert(kFlagged, stringArray(s.flaggedForReview));
    }
    if (s.state == SessionState::Finalised)
        body.insert(kFinalised, qint64(s.finalisedWallMs));
    body.insert(kVersionNo, s.versionNo);
    if (!s.supersedes.isEmpty()) {
        body.insert(kSupersedes, s.supersedes);
        body.insert(kReason, s.correctionReason);
        body.insert(kCorrectedBy, s.correctedBy);
        body.insert(kCorrectedMs, qint64(s.correctedWallMs));
    }
    return body;
}

Result<SessionInfo> sessionFromBody(const QString &id, const QString &projectId, const QCborMap &body)
{
    SessionInfo s;
    s.id = id;
    s.projectId = projectId;
    s.siteId = body.value(kSite).toString();
    s.setting = body.value(kSetting).toString();
    s.observers = stringList(body.value(kObservers));
    s.observer = body.value(kObserver).toString();
    for (const QCborValue &v : body.value(kParticipants).toArray())
        s.participants.append(PresentParticipant{v.toMap().value(kCode).toString(), v.toMap().value(kId).toString()});
    const QCborMap attendees = body.value(kAttendees).toMap();
    for (auto it = attendees.begin(); it != attendees.end(); ++it)
        s.attendeesByRole.insert(it.key().toString(), int(it.value().toInteger()));
    auto scheme = schemeFromJson(body.value(kScheme).toString().toUtf8());
    if (!scheme.ok())
        return makeError(ErrorCode::Corrupt, QStringLiteral("session %1: stored scheme: %2").arg(id, scheme.error().detail));
    s.scheme = scheme.value();
    s.promptIntervalS = int(body.value(kPrompt).toInteger());
    s.unpaired = body.value(kUnpaired).toString() == QLatin1String("flag") ? UnpairedPolicy::FlagForReview
                                                                             : UnpairedPolicy::CloseAtStop;
    s.startedWallMs = body.value(kStarted).toInteger();
    s.timeZone = body.value(kTz).toString();
    s.startUtcOffsetS = int(body.value(kUtcOffset).toInteger());
    const QString state = body.value(kState).toString();
    bool known = false;
    for (SessionState st : {SessionState::Running, SessionState::Paused, SessionState::Stopped, SessionState::Finalised}) {
        if (sessionStateKey(st) == state) {
            s.state = st;
            known = true;
        }
    }
    if (!known)
        return makeError(ErrorCode::Unsupported, QStringLiteral("session %1: state %2").arg(id, state.left(32)));
    s.stopOffsetMs = body.value(kStopOffset).toInteger();
    s.stopElapsedMs = body.value(kStopElapsed).toInteger();
    s.stopWallMs = body.value(kStopWall).toInteger();
    s.closedAtStop = stringList(body.value(kClosedAtStop));
    s.flaggedForReview = stringList(body.value(kFlagged));
    s.finalisedWallMs = body.value(kFinalised).toInteger();
    s.versionNo = int(body.value(kVersionNo).toInteger(1));
    s.supersedes = body.value(kSupersedes).toString();
    s.correctionReason = body.value(kReason).toString();
    s.correctedBy = body.value(kCorrectedBy).toString();
    s.correctedWallMs = body.value(kCorrectedMs).toInteger();
    return s;
}

} // namespace samla::observation::records
