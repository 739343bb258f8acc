#include "observationlive.h"

#include "appsettings.h"
#include "engineservices.h"
#include "languagewatcher.h"
#include "observationtext.h"
#include "session.h"

#include "app/domain/consenttypes.h"
#include "app/store/localstore.h"
#include "platform/core/logging.h"

#include <algorithm>

namespace samla::ui {

using namespace samla::observation;

namespace {

constexpr int kTickMs = 250;

} // namespace

ObservationLive::ObservationLive(Session &session, AppSettings &settings, const MonotonicClock &monotonic,
    const QTimeZone &zone, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
    , m_monotonic(monotonic)
    , m_zone(zone)
{
    m_ticker.setInterval(kTickMs);
    connect(&m_ticker, &QTimer::timeout, this, &ObservationLive::tick);
    // The session holds the store: it goes before the store closes. A running
    // one is paused first, so the time locked away is not observation time.
    connect(&m_session, &Session::aboutToClose, this, [this] {
        if (!m_current)
            return;
        if (m_current->state() == SessionState::Running && !m_current->pause().ok())
            qCWarning(lcUi) << "observation: could not pause session" << m_current->id() << "on lock";
        m_reopenAfterUnlock = m_current->id();
        close();
    });
    connect(&m_session, &Session::opened, this, [this] {
        const QString id = std::exchange(m_reopenAfterUnlock, QString());
        if (!id.isEmpty())
            open(id);
    });
    new LanguageWatcher(this, [this] {
        m_events.retranslate(language());
        emit sessionChanged();
        emit stateChanged();
        emit clockChanged();
        emit subjectsChanged();
        emit codingChanged();
        emit cueChanged();
        emit eventsChanged();
        emit pendingChanged();
        emit messageChanged();
    });
}

ObservationLive::~ObservationLive() = default;

ObservationLive *ObservationLive::create(QQmlEngine *qml, QJSEngine *)
{
    return serviceFromEngine<ObservationLive>(qml);
}

QString ObservationLive::language() const
{
    return m_settings.language();
}

std::unique_ptr<Sessions> ObservationLive::sessions()
{
    store::LocalStore *store = m_session.store();
    if (!store)
        return nullptr;
    return std::make_unique<Sessions>(*store, m_session.clock(), m_monotonic, m_zone);
}

void ObservationLive::setMessages(std::function<QString()> error, std::function<QString()> info)
{
    m_errorText = std::move(error);
    m_infoText = std::move(info);
    emit messageChanged();
}

void ObservationLive::clearMessages()
{
    setMessages({}, {});
}

template <typename T> bool ObservationLive::check(const Result<T> &result)
{
    if (!result.ok()) {
        const QString key = result.error().detail.section(QLatin1Char(':'), 0, 0);
        qCInfo(lcUi) << "observation: refused" << int(result.code()) << key;
        if (key == QLatin1String("bad_modifier") && m_current) {
            // The modifier by its label, not the scheme's code.
            const QString modifier = result.error().detail.section(QLatin1Char(':'), 1).trimmed();
            setMessages([this, modifier] {
                const Modifier *m = m_current ? m_current->info().scheme.modifier(modifier) : nullptr;
                return tr("\"%1\" is missing or not one of the allowed values.")
                    .arg(m ? labelIn(m->label, language()) : modifier);
            }, m_infoText);
            return false;
        }
        setMessages(ObservationText::later(result.error()), m_infoText);
        return false;
    }
    if (m_errorText)
        setMessages({}, m_infoText);
    return true;
}

void ObservationLive::adopt(std::unique_ptr<ObservationSession> session, QList<ParticipantRefusal> refused)
{
    // One session is coded at a time: one left running is paused, so the
    // time it is not watched is not observation time.
    if (m_current && m_current->state() == SessionState::Running && !m_current->pause().ok())
        qCWarning(lcUi) << "observation: could not pause session" << m_current->id();
    m_current = std::move(session);
    m_refused = std::move(refused);
    m_subject.clear();
    setPending({});
    if (m_current) {
        // A scheme whose every behaviour needs a subject starts on its first role.
        const CodingScheme &scheme = m_current->info().scheme;
        const bool needsSubject = std::all_of(scheme.behaviours.begin(), scheme.behaviours.end(),
            [](const Behaviour &b) { return b.subject == SubjectRule::Required; });
        if (needsSubject && !scheme.roles.isEmpty())
            m_subject = QStringLiteral("r:") + scheme.roles.constFirst().code;
    }
    std::function<QString()> info;
    if (!m_refused.isEmpty()) {
        info = [refused = m_refused] {
            QStringList lines;
            for (const ParticipantRefusal &r : refused)
                lines << tr("%1 was left out: %2").arg(r.code, domain::reasonText(r.reason));
            return lines.join(QLatin1Char('\n'));
        };
    }
    setMessages({}, info);
    resetPrompts();
    emit sessionChanged();
    emit subjectsChanged();
    afterChange();
}

bool ObservationLive::open(const QString &sessionId)
{
    // The session in hand is the live one: reopening it from the store would
    // bring it back paused at its last event.
    if (m_current && m_current->id() == sessionId)
        return true;
    auto all = sessions();
    if (!all)
        return false;
    auto opened = all->open(sessionId);
    if (!check(opened))
        return false;
    adopt(std::move(opened).value());
    return true;
}

void ObservationLive::close()
{
    m_ticker.stop();
    m_current.reset();
    m_pending.clear();
    m_pendingValues.clear();
    emit pendingChanged();
    emit pendingValuesChanged();
    m_refused.clear();
    m_subject.clear();
    m_promptDue = false;
    m_events.clear();
    setMessages({}, {});
    emit sessionChanged();
    emit stateChanged();
    emit subjectsChanged();
    emit codingChanged();
    emit eventsChanged();
    emit promptDueChanged();
}

void ObservationLive::afterChange()
{
    if (m_current)
        m_events.setEvents(m_current->events(), m_current->info().scheme, language());
    else
        m_events.clear();
    if (m_current && m_current->state() == SessionState::Running)
        m_ticker.start();
    else
        m_ticker.stop();
    emit eventsChanged();
    emit codingChanged();
    emit stateChanged();
    emit clockChanged();
}

void ObservationLive::resetPrompts()
{
    m_promptsSeen = 0;
    if (m_current && m_current->info().promptIntervalS > 0)
        m_promptsSeen = m_current->offsetMs() / (std::int64_t(m_current->info().promptIntervalS) * 1000);
    if (m_promptDue) {
        m_promptDue = false;
        emit promptDueChanged();
    }
}

// ---- actions ----

bool ObservationLive::tap(const QString &behaviour)
{
    if (!m_current)
        return false;
    const Behaviour *b = m_current->info().scheme.behaviour(behaviour);
    if (!b) {
        check(m_current->logPoint(behaviour, chosenSubject()));
        return false;
    }
    // Ending a running state needs no modifiers; anything else with modifiers asks for them first.
    const bool ending = b->type == EventType::State && runningCodes().contains(behaviour);
    if (!b->modifiers.isEmpty() && !ending && editable()) {
        setPending(behaviour);
        return true;
    }
    setPending({});
    return code(*b, {});
}

bool ObservationLive::code(const Behaviour &b, const ModifierValues &values)
{
    const Subject who = chosenSubject();
    const bool ok = b.type == EventType::State ? check(m_current->toggleState(b.code, who, values))
                                               : check(m_current->logPoint(b.code, who, values));
    afterChange();
    return ok;
}

void ObservationLive::setPending(const QString &behaviour)
{
    if (behaviour == m_pending && m_pendingValues.isEmpty())
        return;
    m_pending = behaviour;
    m_pendingValues.clear();
    emit pendingChanged();
    emit pendingValuesChanged();
}

QString ObservationLive::pendingLabel() const
{
    const Behaviour *b = m_current ? m_current->info().scheme.behaviour(m_pending) : nullptr;
    return b ? labelIn(b->label, language()) : QString();
}

QVariantList ObservationLive::pendingModifiers() const
{
    return m_current ? ObservationText::modifierChoices(m_current->info().scheme, m_pending, language()) : QVariantList();
}

void ObservationLive::setModifierValue(const QString &modifier, const QString &value)
{
    if (m_pending.isEmpty())
        return;
    ObservationText::setModifierValue(m_pendingValues, modifier, value);
    emit pendingValuesChanged();
}

void ObservationLive::toggleModifierOption(const QString &modifier, const QString &option)
{
    if (m_pending.isEmpty())
        return;
    ObservationText::toggleModifierOption(m_pendingValues, modifier, option);
    emit pendingValuesChanged();
}

bool ObservationLive::confirmModifiers()
{
    const Behaviour *b = m_current ? m_current->info().scheme.behaviour(m_pending) : nullptr;
    if (!b)
        return false;
    ModifierValues values;
    for (const QString &code : b->modifiers) {
        const Modifier *m = m_current->info().scheme.modifier(code);
        if (!m || !m_pendingValues.contains(code))
            continue;
        const QVariant typed = m_pendingValues.value(code);
        if (m->type == ModifierType::Number) {
            // As typed in the user's language ("2,5" in Swedish), or with a point.
            bool ok = false;
            double n = m_settings.locale().toDouble(typed.toString().trimmed(), &ok);
            if (!ok)
                n = QLocale::c().toDouble(typed.toString().trimmed(), &ok);
            values.insert(code, ok ? QVariant(n) : QVariant(typed.toString()));
        } else if (m->type == ModifierType::MultipleChoice) {
            values.insert(code, typed.toStringList());
        } else {
            values.insert(code, typed.toString());
        }
    }
    if (!code(*b, values))
        return false;   // still waiting, with the values typed so far
    m_pending.clear();
    m_pendingValues.clear();
    emit pendingChanged();
    emit pendingValuesChanged();
    return true;
}

void ObservationLive::cancelModifiers()
{
    setPending({});
}

bool ObservationLive::undo()
{
    if (!m_current)
        return false;
    const bool ok = check(m_current->undoLast());
    afterChange();
    return ok;
}

bool ObservationLive::addNote(const QString &text)
{
    if (!m_current)
        return false;
    const bool ok = check(m_current->note(text.trimmed()));
    afterChange();
    return ok;
}

bool ObservationLive::dissent(const QString &code)
{
    if (!m_current)
        return false;
    const bool ok = check(m_current->recordDissent(code));
    if (ok && m_subject == QStringLiteral("p:") + code)
        m_subject.clear();
    if (ok)
        emit subjectsChanged();
    afterChange();
    return ok;
}

bool ObservationLive::pause()
{
    if (!m_current)
        return false;
    const bool ok = check(m_current->pause());
    afterChange();
    return ok;
}

bool ObservationLive::resume()
{
    if (!m_current)
        return false;
    const bool ok = check(m_current->resume());
    afterChange();
    return ok;
}

bool ObservationLive::stop()
{
    if (!m_current)
        return false;
    const bool ok = check(m_current->stop());
    if (ok)
        setPending({});
    if (ok && m_promptDue) {
        m_promptDue = false;
        emit promptDueChanged();
    }
    afterChange();
    return ok;
}

bool ObservationLive::finalise()
{
    if (!m_current)
        return false;
    const Status done = m_current->finalise();
    if (!done.ok()) {
        setMessages(ObservationText::later(done.error()), {});
        return false;
    }
    setMessages({}, [] { return tr("The session is finalised. It can be read but no longer changed."); });
    afterChange();
    emit finalisedNow();
    return true;
}

void ObservationLive::acknowledgePrompt()
{
    if (!m_promptDue)
        return;
    m_promptDue = false;
    emit promptDueChanged();
}

void ObservationLive::tick()
{
    if (!m_current)
        return;
    emit clockChanged();
    if (m_current->state() != SessionState::Running || !hasPrompts())
        return;
    const std::int64_t index = m_current->offsetMs() / (std::int64_t(m_current->info().promptIntervalS) * 1000);
    if (index > m_promptsSeen) {
        m_promptsSeen = index;
        m_promptDue = true;
        emit promptDueChanged();
        // The chime goes with the visual cue; where it cannot play, the banner says why.
        m_cue.play(m_settings.promptSound());
        emit cueChanged();
        emit promptFell();
    }
}

QString ObservationLive::cueText() const
{
    switch (m_cue.lastOutcome()) {
    case media::PromptCue::Outcome::None:
    case media::PromptCue::Outcome::Played:
        return {};
    case media::PromptCue::Outcome::TurnedOff:
        return tr("The prompt sound is turned off.");
    case media::PromptCue::Outcome::NoOutput:
        return tr("No sound: this device has no audio output.");
    }
    return {};
}

} // namespace samla::ui
