#include "observationcorrection.h"

#include "app/domain/consentgate.h"
#include "app/store/localstore.h"
#include "appsettings.h"
#include "engineservices.h"
#include "languagewatcher.h"
#include "observationmodels.h"
#include "observationtext.h"
#include "platform/core/logging.h"
#include "session.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>

namespace samla::ui {

using namespace samla::observation;

namespace {

const QString kNoteKey = QStringLiteral("__note");

QString subjectKey(const Subject &s)
{
    switch (s.kind) {
    case Subject::Kind::None: return {};
    case Subject::Kind::Role: return QStringLiteral("r:") + s.code;
    case Subject::Kind::Participant: return QStringLiteral("p:") + s.code;
    }
    return {};
}

Subject subjectFromKey(const QString &key)
{
    if (key.startsWith(QLatin1String("r:")))
        return Subject::role(key.mid(2));
    if (key.startsWith(QLatin1String("p:")))
        return Subject::participant(key.mid(2));
    return Subject::none();
}

} // namespace

ObservationCorrection::ObservationCorrection(Session &session, AppSettings &settings,
    const MonotonicClock &monotonic, const QTimeZone &zone, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
    , m_monotonic(monotonic)
    , m_zone(zone)
{
    connect(&m_session, &Session::aboutToClose, this, [this] {
        close();
        m_shownId.clear();
        m_history.clear();
        m_all.clear();
        emit historyChanged();
    });
    new LanguageWatcher(this, [this] {
        emit historyChanged();
        emit correctionChanged();
        emit rowsChanged();
        emit draftChanged();
        emit messageChanged();
    });
}

ObservationCorrection::~ObservationCorrection() = default;

ObservationCorrection *ObservationCorrection::create(QQmlEngine *qml, QJSEngine *)
{
    return serviceFromEngine<ObservationCorrection>(qml);
}

QString ObservationCorrection::language() const
{
    return m_settings.language();
}

std::unique_ptr<Sessions> ObservationCorrection::sessions() const
{
    store::LocalStore *store = m_session.store();
    if (!store)
        return nullptr;
    return std::make_unique<Sessions>(*store, m_session.clock(), m_monotonic, m_zone);
}

void ObservationCorrection::setMessages(std::function<QString()> error, std::function<QString()> info)
{
    m_errorText = std::move(error);
    m_infoText = std::move(info);
    emit messageChanged();
}

void ObservationCorrection::clearMessages()
{
    setMessages({}, {});
}

template <typename T> bool ObservationCorrection::check(const Result<T> &result)
{
    if (result.ok())
        return true;
    qCInfo(lcUi) << "correction: refused" << int(result.code()) << result.error().detail.section(QLatin1Char(':'), 0, 0);
    const QString detail = result.error().detail;
    if (detail.startsWith(QLatin1String("bad_modifier")) && m_current) {
        const QString code = detail.section(QLatin1Char(':'), 1).trimmed();
        setMessages([this, code] {
            const Modifier *m = m_current ? m_current->info().scheme.modifier(code) : nullptr;
            return tr("\"%1\" is missing or not one of the allowed values.").arg(m ? labelIn(m->label, language()) : code);
        }, {});
        return false;
    }
    setMessages(ObservationText::later(result.error()), {});
    return false;
}

bool ObservationCorrection::checkStatus(const Status &status)
{
    if (status.ok())
        return true;
    setMessages(ObservationText::later(status.error()), {});
    return false;
}

// ---- History ----

void ObservationCorrection::showHistory(const QString &sessionId)
{
    m_shownId = sessionId;
    reloadHistory();
}

void ObservationCorrection::reloadHistory()
{
    m_all.clear();
    m_history.clear();
    if (auto all = sessions()) {
        auto list = all->list(m_session.projectId());
        if (list.ok()) {
            m_all = list.value();
            m_history = versionHistory(m_all, m_shownId);
        } else {
            setMessages(ObservationText::later(list.error()), {});
        }
    }
    emit historyChanged();
}

QVariantList ObservationCorrection::versions() const
{
    const QLocale locale = m_settings.locale();
    auto when = [&](std::int64_t ms, int offsetS) {
        return locale.toString(QDateTime::fromMSecsSinceEpoch(ms, Qt::OffsetFromUTC, offsetS), QLocale::ShortFormat);
    };
    const QList<SessionInfo> inForce = sessionsInForce(m_all);
    QVariantList out;
    for (const SessionInfo &s : m_history) {
        const bool done = s.state == SessionState::Finalised;
        QString state;
        QString detail;
        if (!s.isCorrection()) {
            state = done ? tr("Coded live, finalised") : ObservationText::stateLabel(s.state);
            detail = done ? tr("Coded by %1 · started %2 · finalised %3")
                                .arg(s.observer, when(s.startedWallMs, s.startUtcOffsetS),
                                    when(s.finalisedWallMs, s.startUtcOffsetS))
                          : tr("Coded by %1 · started %2").arg(s.observer, when(s.startedWallMs, s.startUtcOffsetS));
        } else {
            state = done ? tr("Correction, finalised") : tr("Correction not finished");
            const int offsetS = s.startUtcOffsetS;
            detail = done ? tr("Corrected by %1 · begun %2 · finalised %3")
                                .arg(s.correctedBy, when(s.correctedWallMs, offsetS), when(s.finalisedWallMs, offsetS))
                          : tr("Corrected by %1 · begun %2 · not finalised yet")
                                .arg(s.correctedBy, when(s.correctedWallMs, offsetS));
        }
        const bool current = std::any_of(inForce.begin(), inForce.end(), [&](const SessionInfo &x) { return x.id == s.id; });
        out.append(QVariantMap{{QStringLiteral("id"), s.id}, {QStringLiteral("versionNo"), s.versionNo},
            {QStringLiteral("title"), tr("Version %1").arg(s.versionNo)}, {QStringLiteral("stateText"), state},
            {QStringLiteral("detail"), detail},
            {QStringLiteral("reason"), s.isCorrection() ? tr("Reason: %1").arg(s.correctionReason) : QString()},
            {QStringLiteral("shown"), s.id == m_shownId}, {QStringLiteral("inForce"), current},
            {QStringLiteral("finalised"), done}});
    }
    return out;
}

bool ObservationCorrection::canCorrect() const
{
    for (const SessionInfo &s : m_history) {
        if (s.id == m_shownId)
            return s.state == SessionState::Finalised && !replacedByCorrection(m_all, s.id)
                && !openCorrectionOf(m_all, s.id);
    }
    return false;
}

bool ObservationCorrection::hasOpenCorrection() const
{
    return openCorrectionOf(m_all, m_shownId).has_value();
}

QString ObservationCorrection::newestId() const
{
    QString out;
    for (const SessionInfo &s : m_history) {
        if (s.state == SessionState::Finalised)
            out = s.id;
    }
    return out;
}

QString ObservationCorrection::versionNote() const
{
    const SessionInfo *shown = nullptr;
    for (const SessionInfo &s : m_history) {
        if (s.id == m_shownId)
            shown = &s;
    }
    if (!shown || m_history.size() < 2)
        return {};
    if (replacedByCorrection(m_all, shown->id)) {
        int newest = shown->versionNo;
        for (const SessionInfo &s : m_history) {
            if (s.state == SessionState::Finalised)
                newest = std::max(newest, s.versionNo);
        }
        return tr("This is version %1, kept unchanged as it was finalised. A correction replaced it: version %2 is the "
                  "record that summaries, exports and agreement use.")
            .arg(shown->versionNo)
            .arg(newest);
    }
    if (shown->isCorrection())
        return tr("Corrected (version %1). Earlier versions stay unchanged and can be opened below.").arg(shown->versionNo);
    return {};
}

// ---- The correction being edited ----

bool ObservationCorrection::begin(const QString &reason, const QString &correctedBy)
{
    auto all = sessions();
    if (!all)
        return false;
    auto made = all->correct(m_shownId, reason, correctedBy);
    if (!check(made))
        return false;
    adopt(std::move(made).value());
    setMessages({}, {});
    return true;
}

bool ObservationCorrection::continueCorrection()
{
    const auto open = openCorrectionOf(m_all, m_shownId);
    auto all = sessions();
    if (!open || !all)
        return false;
    auto opened = all->open(open->id);
    if (!check(opened))
        return false;
    adopt(std::move(opened).value());
    setMessages({}, {});
    return true;
}

bool ObservationCorrection::discard()
{
    // The shown session's unfinished correction (the one being edited, when the editor asks).
    QString id;
    if (const auto open = openCorrectionOf(m_all, m_shownId))
        id = open->id;
    else if (m_current)
        id = m_current->id();
    auto all = sessions();
    if (id.isEmpty() || !all)
        return false;
    if (!checkStatus(all->discard(id)))
        return false;
    if (m_current && m_current->id() == id)
        close();
    reloadHistory();
    setMessages({}, [] { return tr("The correction was discarded. The session is as it was before."); });
    return true;
}

void ObservationCorrection::adopt(std::unique_ptr<ObservationSession> session)
{
    m_current = std::move(session);
    cancelDraft();
    emit correctionChanged();
    afterChange();
    reloadHistory();
}

void ObservationCorrection::close()
{
    m_current.reset();
    cancelDraft();
    emit correctionChanged();
    emit rowsChanged();
}

void ObservationCorrection::afterChange()
{
    emit rowsChanged();
}

QString ObservationCorrection::correctionId() const
{
    return m_current ? m_current->id() : QString();
}

QString ObservationCorrection::title() const
{
    if (!m_current)
        return {};
    return tr("Correcting %1: version %2")
        .arg(labelIn(m_current->info().scheme.name, language()))
        .arg(m_current->info().versionNo);
}

QString ObservationCorrection::reasonText() const
{
    if (!m_current)
        return {};
    return tr("Reason: %1 (corrected by %2)").arg(m_current->info().correctionReason, m_current->info().correctedBy);
}

QString ObservationCorrection::observedText() const
{
    if (!m_current)
        return {};
    const SessionInfo &s = m_current->info();
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(s.startedWallMs, Qt::OffsetFromUTC, s.startUtcOffsetS);
    const QTimeZone zone(s.timeZone.toUtf8());
    const std::int64_t stopWall = s.stopWallMs > 0 ? s.stopWallMs : s.startedWallMs + s.stopElapsedMs;
    const QDateTime to = zone.isValid() ? QDateTime::fromMSecsSinceEpoch(stopWall, zone)
                                        : QDateTime::fromMSecsSinceEpoch(stopWall, Qt::OffsetFromUTC, s.startUtcOffsetS);
    return tr("Observed %1 (pauses left out), from %2 to %3 by the clock. Changes are saved as you make them; the "
              "finalised version stays unchanged until you finalise this correction.")
        .arg(ObservationText::clock(s.stopOffsetMs), from.toString(QStringLiteral("HH:mm:ss")),
            to.toString(QStringLiteral("HH:mm:ss")));
}

int ObservationCorrection::changeCount() const
{
    if (!m_current)
        return 0;
    return int(std::count_if(m_current->log().begin(), m_current->log().end(),
        [&](const ObservationEvent &e) { return e.sessionId == m_current->id(); }));
}

QVariantList ObservationCorrection::rows() const
{
    if (!m_current)
        return {};
    const CodingScheme &scheme = m_current->info().scheme;
    QHash<QString, UnpairedEvent::Kind> problems;
    for (const UnpairedEvent &u : m_current->unpaired())
        problems.insert(u.eventId, u.kind);
    QVariantList out;
    for (const ObservationEvent &e : m_current->events()) {
        QString problem;
        if (problems.contains(e.id))
            problem = problems.value(e.id) == UnpairedEvent::Kind::StartWithoutEnd
                ? tr("No end: it runs to the end of the session and is flagged for review. Add its end, or remove it.")
                : tr("This end has no start now, so it ends nothing. Remove it.");
        const Behaviour *b = scheme.behaviour(e.behaviour);
        out.append(QVariantMap{{QStringLiteral("id"), e.id}, {QStringLiteral("offset"), ObservationText::clock(e.offsetMs)},
            {QStringLiteral("localTime"), ObservationText::localTime(e)}, {QStringLiteral("kind"), eventKindKey(e.kind)},
            {QStringLiteral("what"), ObservationEventsModel::whatText(e, scheme, language())},
            {QStringLiteral("subject"), ObservationEventsModel::subjectText(e.subject, scheme, language())},
            {QStringLiteral("modifiers"), ObservationEventsModel::modifiersText(e.modifiers, scheme, language())},
            {QStringLiteral("comment"), e.comment}, {QStringLiteral("color"), b ? b->color : QString()},
            {QStringLiteral("changeable"),
                e.kind == EventKind::Point || e.kind == EventKind::Start || e.kind == EventKind::Note},
            {QStringLiteral("removable"), e.kind != EventKind::Dissent},
            {QStringLiteral("mark"),
                e.sessionId != m_current->id() ? QString()
                    : e.replaces.isEmpty()     ? tr("(added in this correction)")
                                               : tr("(changed in this correction)")},
            {QStringLiteral("problem"), problem}});
    }
    return out;
}

QString ObservationCorrection::unpairedText() const
{
    if (!m_current)
        return {};
    const int n = int(m_current->unpaired().size());
    if (n == 0)
        return {};
    return tr("%n state event(s) lost their partner in this correction: see the marked rows.", nullptr, n);
}

bool ObservationCorrection::remove(const QString &eventId)
{
    if (!m_current)
        return false;
    if (!check(m_current->retract(eventId)))
        return false;
    cancelDraft();
    afterChange();
    setMessages({}, [] { return tr("Removed from this correction. The finalised version still has it."); });
    return true;
}

// ---- The draft ----

void ObservationCorrection::cancelDraft()
{
    m_draftMode.clear();
    m_draftEventId.clear();
    m_draftBehaviour.clear();
    m_draftSubject.clear();
    m_draftValues.clear();
    m_draftComment.clear();
    m_draftTime.clear();
    m_draftEndTime.clear();
    emit draftChanged();
    emit draftValuesChanged();
}

void ObservationCorrection::startChange(const QString &eventId)
{
    if (!m_current)
        return;
    const QList<ObservationEvent> all = m_current->events();
    const auto e = std::find_if(all.begin(), all.end(), [&](const ObservationEvent &x) { return x.id == eventId; });
    if (e == all.end())
        return;
    cancelDraft();
    m_draftMode = QStringLiteral("change");
    m_draftEventId = eventId;
    m_draftBehaviour = e->kind == EventKind::Note ? kNoteKey : e->behaviour;
    m_draftSubject = subjectKey(e->subject);
    const CodingScheme &scheme = m_current->info().scheme;
    for (auto it = e->modifiers.begin(); it != e->modifiers.end(); ++it) {
        const Modifier *m = scheme.modifier(it.key());
        if (!m)
            continue;
        if (m->type == ModifierType::MultipleChoice)
            m_draftValues.insert(it.key(), it.value().toStringList());
        else if (m->type == ModifierType::Number)
            m_draftValues.insert(it.key(), m_settings.locale().toString(it.value().toDouble(), 'g', 15));
        else
            m_draftValues.insert(it.key(), it.value().toString());
    }
    m_draftComment = e->comment;
    clearMessages();
    emit draftChanged();
    emit draftValuesChanged();
}

void ObservationCorrection::startAdd()
{
    if (!m_current)
        return;
    cancelDraft();
    m_draftMode = QStringLiteral("add");
    const CodingScheme &scheme = m_current->info().scheme;
    m_draftBehaviour = scheme.behaviours.isEmpty() ? kNoteKey : scheme.behaviours.constFirst().code;
    const QVariantList subjects = subjectChoices();
    m_draftSubject = subjects.isEmpty() ? QString() : subjects.constFirst().toMap().value(QStringLiteral("key")).toString();
    clearMessages();
    emit draftChanged();
    emit draftValuesChanged();
}

QString ObservationCorrection::draftTitle() const
{
    if (m_draftMode == QLatin1String("add"))
        return tr("Add a missed event");
    if (m_draftMode != QLatin1String("change") || !m_current)
        return {};
    for (const ObservationEvent &e : m_current->events()) {
        if (e.id == m_draftEventId)
            return tr("Change the event at %1 (%2)").arg(ObservationText::clock(e.offsetMs), ObservationText::localTime(e));
    }
    return {};
}

QVariantList ObservationCorrection::behaviourChoices() const
{
    if (!m_current || m_draftMode.isEmpty())
        return {};
    const CodingScheme &scheme = m_current->info().scheme;
    EventKind changing = EventKind::Point;
    if (m_draftMode == QLatin1String("change")) {
        for (const ObservationEvent &e : m_current->events()) {
            if (e.id == m_draftEventId)
                changing = e.kind;
        }
        if (changing == EventKind::Note)
            return {};
    }
    QVariantList out;
    for (const Behaviour &b : scheme.behaviours) {
        const bool state = b.type == EventType::State;
        if (m_draftMode == QLatin1String("change") && state != (changing == EventKind::Start))
            continue;
        out.append(QVariantMap{{QStringLiteral("key"), b.code}, {QStringLiteral("label"), labelIn(b.label, language())},
            {QStringLiteral("isState"), state}, {QStringLiteral("color"), b.color}});
    }
    if (m_draftMode == QLatin1String("add"))
        out.append(QVariantMap{{QStringLiteral("key"), kNoteKey}, {QStringLiteral("label"), tr("Note")},
            {QStringLiteral("isState"), false}, {QStringLiteral("color"), QString()}});
    return out;
}

void ObservationCorrection::setDraftBehaviour(const QString &code)
{
    if (code == m_draftBehaviour || m_draftMode.isEmpty())
        return;
    m_draftBehaviour = code;
    // Modifiers belong to the behaviour; the subject stays if the new one allows it.
    m_draftValues.clear();
    const Behaviour *b = m_current ? m_current->info().scheme.behaviour(code) : nullptr;
    if (!b || b->subject == SubjectRule::None) {
        m_draftSubject.clear();
    } else {
        const QVariantList subjects = subjectChoices();
        const bool kept = std::any_of(subjects.begin(), subjects.end(),
            [&](const QVariant &v) { return v.toMap().value(QStringLiteral("key")).toString() == m_draftSubject; });
        if (!kept)
            m_draftSubject = subjects.isEmpty() ? QString()
                                                : subjects.constFirst().toMap().value(QStringLiteral("key")).toString();
    }
    emit draftChanged();
    emit draftValuesChanged();
}

bool ObservationCorrection::draftIsState() const
{
    const Behaviour *b = m_current ? m_current->info().scheme.behaviour(m_draftBehaviour) : nullptr;
    return b && b->type == EventType::State;
}

bool ObservationCorrection::draftIsNote() const
{
    return m_draftBehaviour == kNoteKey;
}

QVariantList ObservationCorrection::subjectChoices() const
{
    if (!m_current)
        return {};
    const CodingScheme &scheme = m_current->info().scheme;
    const Behaviour *b = scheme.behaviour(m_draftBehaviour);
    if (!b || b->subject == SubjectRule::None)
        return {};
    QVariantList out;
    auto add = [&](const QString &key, const QString &label, bool taggable, const QString &reason) {
        out.append(QVariantMap{{QStringLiteral("key"), key}, {QStringLiteral("label"), label},
            {QStringLiteral("taggable"), taggable}, {QStringLiteral("reason"), reason}});
    };
    if (b->subject != SubjectRule::Required)
        add(QString(), tr("No subject"), true, {});
    for (const SubjectRole &r : scheme.roles)
        add(QStringLiteral("r:") + r.code, labelIn(r.label, language()), true, {});
    if (!scheme.participantSubjects)
        return out;
    // Present at the session, and the gate's answer now: a correction tags no one it would refuse.
    store::LocalStore *store = m_session.store();
    const QStringList taggable = m_current->taggableCodes();
    for (const PresentParticipant &p : m_current->info().participants) {
        QString reason;
        if (!taggable.contains(p.code)) {
            reason = tr("Objected to being observed during this session: cannot be tagged.");
        } else if (store) {
            const domain::Decision d
                = domain::ConsentGate(store->records(), m_session.clock()).mayCollect(p.participantId, domain::Activity::Observation);
            if (!d.allowed)
                reason = domain::reasonText(d.reason);
        }
        add(QStringLiteral("p:") + p.code, p.code, reason.isEmpty(), reason);
    }
    return out;
}

void ObservationCorrection::setDraftSubject(const QString &key)
{
    if (key == m_draftSubject)
        return;
    for (const QVariant &v : subjectChoices()) {
        const QVariantMap m = v.toMap();
        if (m.value(QStringLiteral("key")).toString() != key)
            continue;
        if (!m.value(QStringLiteral("taggable")).toBool()) {
            const QString reason = m.value(QStringLiteral("reason")).toString();
            setMessages([key, reason] { return tr("%1 cannot be tagged: %2").arg(key.mid(2), reason); }, {});
            return;
        }
        m_draftSubject = key;
        emit draftChanged();
        return;
    }
}

QVariantList ObservationCorrection::draftModifiers() const
{
    return m_current ? ObservationText::modifierChoices(m_current->info().scheme, m_draftBehaviour, language()) : QVariantList();
}

void ObservationCorrection::setModifierValue(const QString &modifier, const QString &value)
{
    if (m_draftMode.isEmpty())
        return;
    ObservationText::setModifierValue(m_draftValues, modifier, value);
    emit draftValuesChanged();
}

void ObservationCorrection::toggleModifierOption(const QString &modifier, const QString &option)
{
    if (m_draftMode.isEmpty())
        return;
    ObservationText::toggleModifierOption(m_draftValues, modifier, option);
    emit draftValuesChanged();
}

void ObservationCorrection::setDraftComment(const QString &text)
{
    if (text == m_draftComment)
        return;
    m_draftComment = text;
    emit draftValuesChanged();
}

void ObservationCorrection::setTimeMode(const QString &mode)
{
    const QString m = mode == QLatin1String("clock") ? mode : QStringLiteral("offset");
    if (m == m_timeMode)
        return;
    m_timeMode = m;
    emit draftValuesChanged();
    emit draftChanged();
}

void ObservationCorrection::setDraftTime(const QString &text)
{
    if (text == m_draftTime)
        return;
    m_draftTime = text;
    emit draftValuesChanged();
}

void ObservationCorrection::setDraftEndTime(const QString &text)
{
    if (text == m_draftEndTime)
        return;
    m_draftEndTime = text;
    emit draftValuesChanged();
}

QString ObservationCorrection::draftTimeText() const
{
    if (!m_current || m_draftMode != QLatin1String("add"))
        return {};
    if (m_timeMode == QLatin1String("clock"))
        return tr("The time of day by the clock, as hours and minutes (10:42) or with seconds (10:42:30). A time "
                  "while the session was paused is refused: nothing was observed then.");
    return tr("Observed time as the list shows it, minutes and seconds (12:30) or hours, minutes and seconds "
              "(1:05:00), from 00:00 to %1.")
        .arg(ObservationText::clock(m_current->info().stopOffsetMs));
}

std::int64_t ObservationCorrection::parseClock(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{1,3}):(\\d{2})(?::(\\d{2}))?\\s*$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return -1;
    const std::int64_t a = m.captured(1).toLongLong(), b = m.captured(2).toLongLong();
    if (b > 59)
        return -1;
    if (m.captured(3).isEmpty())
        return (a * 60 + b) * 1000;   // m:ss (or hh:mm of a time of day)
    const std::int64_t c = m.captured(3).toLongLong();
    if (c > 59)
        return -1;
    return ((a * 60 + b) * 60 + c) * 1000;
}

std::optional<std::int64_t> ObservationCorrection::typedOffset(const QString &text, bool end)
{
    const SessionInfo &s = m_current->info();
    const QString limit = ObservationText::clock(s.stopOffsetMs);
    if (text.trimmed().isEmpty()) {
        setMessages([] { return tr("Write when the missed event happened first."); }, {});
        return std::nullopt;
    }
    if (m_timeMode != QLatin1String("clock")) {
        const std::int64_t ms = parseClock(text);
        if (ms < 0) {
            setMessages([text] {
                return tr("\"%1\" is not a time. Write minutes and seconds, e.g. 12:30, or hours, minutes and seconds, "
                          "e.g. 1:05:00.")
                    .arg(text.trimmed());
            }, {});
            return std::nullopt;
        }
        if (ms > s.stopOffsetMs) {
            setMessages([text, limit] {
                return tr("%1 is after the end of the session: it observed %2 in all. Choose a time from 00:00 to %2.")
                    .arg(text.trimmed(), limit);
            }, {});
            return std::nullopt;
        }
        return ms;
    }
    // A time of day, on the day the session ran (or the next, for a session past midnight).
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*$"));
    const QRegularExpressionMatch m = pattern.match(text);
    const QTime time = m.hasMatch()
        ? QTime(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).isEmpty() ? 0 : m.captured(3).toInt())
        : QTime();
    if (!time.isValid()) {
        setMessages([text] {
            return tr("\"%1\" is not a time of day. Write hours and minutes, e.g. 10:42, or with seconds, 10:42:30.")
                .arg(text.trimmed());
        }, {});
        return std::nullopt;
    }
    const QTimeZone zone(s.timeZone.toUtf8());
    const QDateTime started = zone.isValid() ? QDateTime::fromMSecsSinceEpoch(s.startedWallMs, zone)
                                             : QDateTime::fromMSecsSinceEpoch(s.startedWallMs, Qt::OffsetFromUTC, s.startUtcOffsetS);
    QDateTime at = zone.isValid() ? QDateTime(started.date(), time, zone)
                                  : QDateTime(started.date(), time, Qt::OffsetFromUTC, s.startUtcOffsetS);
    if (at.toMSecsSinceEpoch() < s.startedWallMs - 1000)
        at = at.addDays(1);
    auto offset = m_current->offsetAtWall(at.toMSecsSinceEpoch());
    if (offset.ok())
        return offset.value();
    const QString key = offset.error().detail;
    const auto hhmmss = [&](std::int64_t ms) {
        return (zone.isValid() ? QDateTime::fromMSecsSinceEpoch(ms, zone)
                               : QDateTime::fromMSecsSinceEpoch(ms, Qt::OffsetFromUTC, s.startUtcOffsetS))
            .toString(QStringLiteral("HH:mm:ss"));
    };
    const QString typed = text.trimmed();
    if (key == QLatin1String("in_pause")) {
        const auto pause = m_current->pauseAtWall(at.toMSecsSinceEpoch());
        const QString from = pause ? hhmmss(pause->first) : QString();
        const QString to = pause ? hhmmss(pause->second) : QString();
        setMessages([typed, from, to] {
            return tr("The session was paused from %1 to %2, so nothing was observed at %3. Choose a time before or "
                      "after the pause.")
                .arg(from, to, typed);
        }, {});
    } else if (key == QLatin1String("before_start")) {
        const QString start = hhmmss(s.startedWallMs);
        setMessages([typed, start] {
            return tr("%1 is before the session started at %2. Choose a time after that.").arg(typed, start);
        }, {});
    } else {
        const QString stop = hhmmss(s.stopWallMs > 0 ? s.stopWallMs : s.startedWallMs + s.stopElapsedMs);
        setMessages([typed, stop] {
            return tr("%1 is after the session stopped at %2. Choose a time before that.").arg(typed, stop);
        }, {});
    }
    Q_UNUSED(end);
    return std::nullopt;
}

ModifierValues ObservationCorrection::typedModifiers(const Behaviour &b) const
{
    ModifierValues values;
    for (const QString &code : b.modifiers) {
        const Modifier *m = m_current->info().scheme.modifier(code);
        if (!m || !m_draftValues.contains(code))
            continue;
        const QVariant typed = m_draftValues.value(code);
        if (m->type == ModifierType::Number) {
            bool ok = false;
            double n = m_settings.locale().toDouble(typed.toString().trimmed(), &ok);
            if (!ok)
                n = QLocale::c().toDouble(typed.toString().trimmed(), &ok);
            values.insert(code, ok ? QVariant(n) : QVariant(typed.toString()));
        } else if (m->type == ModifierType::MultipleChoice) {
            if (!typed.toStringList().isEmpty())
                values.insert(code, typed.toStringList());
        } else if (!typed.toString().isEmpty()) {
            values.insert(code, typed.toString());
        }
    }
    return values;
}

bool ObservationCorrection::saveDraft()
{
    if (!m_current || m_draftMode.isEmpty())
        return false;
    const bool note = draftIsNote();
    const Behaviour *b = m_current->info().scheme.behaviour(m_draftBehaviour);
    if (!note && !b)
        return false;
    const QString behaviour = note ? QString() : m_draftBehaviour;
    const Subject subject = note ? Subject::none() : subjectFromKey(m_draftSubject);
    const ModifierValues values = b ? typedModifiers(*b) : ModifierValues{};
    const QString comment = m_draftComment.trimmed();
    if (m_draftMode == QLatin1String("change")) {
        if (!check(m_current->change(m_draftEventId, behaviour, subject, values, comment)))
            return false;
        cancelDraft();
        afterChange();
        setMessages({}, [] { return tr("Changed. It keeps its time; the version being corrected stays as it was."); });
        return true;
    }
    const auto from = typedOffset(m_draftTime, false);
    if (!from)
        return false;
    std::optional<std::int64_t> to;
    if (b && b->type == EventType::State) {
        // Its end: as typed, or the end of the session.
        if (m_draftEndTime.trimmed().isEmpty()) {
            to = m_current->info().stopOffsetMs;
        } else {
            to = typedOffset(m_draftEndTime, true);
            if (!to)
                return false;
        }
        if (*to < *from) {
            setMessages([] { return tr("The end is before the start. Write an end time after the start."); }, {});
            return false;
        }
    }
    auto added = m_current->insertAt(*from, behaviour, subject, values, comment);
    if (!check(added))
        return false;
    if (to) {
        auto ended = m_current->insertStopAt(*to, added->id);
        if (!check(ended)) {
            afterChange();   // the start is in, unpaired: the row says so
            return false;
        }
    }
    cancelDraft();
    afterChange();
    setMessages({}, [] { return tr("Added at its time in the list."); });
    return true;
}

bool ObservationCorrection::finalise()
{
    if (!m_current)
        return false;
    if (!checkStatus(m_current->finalise()))
        return false;
    const QString id = m_current->id();
    const int version = m_current->info().versionNo;
    qCInfo(lcUi) << "correction" << id << "finalised";
    close();
    m_shownId = id;
    reloadHistory();
    setMessages({}, [version] {
        return tr("Correction finalised: version %1 is now the record. The earlier versions stay unchanged.").arg(version);
    });
    emit finalisedNow();
    return true;
}

} // namespace samla::ui
