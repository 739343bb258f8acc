// ObservationLive, what the screen shows: the grid, the subjects, the clock texts and the stop summary.
#include "observationlive.h"

#include "appsettings.h"
#include "observationtext.h"
#include "session.h"

#include "app/domain/consenttypes.h"

#include <QColor>
#include <QVariantMap>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace samla::ui {

using namespace samla::observation;

namespace {

// Behaviours without a colour of their own take their category's from here.
const char *const kCategoryPalette[] = {"#1d4e89", "#6a1b9a", "#00695c", "#8d6e00", "#ad1457", "#37474f"};

QString textColorOn(const QString &background)
{
    const QColor c(background);
    // Relative luminance (sRGB, WCAG): dark text on light buttons, white on dark ones.
    auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    const double l = 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    return l > 0.30 ? QStringLiteral("#1b1f24") : QStringLiteral("#ffffff");
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

QString ObservationLive::sessionId() const
{
    return m_current ? m_current->id() : QString();
}

QString ObservationLive::title() const
{
    return m_current ? labelIn(m_current->info().scheme.name, language()) : QString();
}

QString ObservationLive::contextText() const
{
    if (!m_current)
        return {};
    const SessionInfo &info = m_current->info();
    QStringList parts;
    for (const domain::Site &site : m_session.project().settings.sites) {
        if (site.id == info.siteId)
            parts << site.name;
    }
    if (!info.setting.isEmpty())
        parts << ObservationText::settingLabel(info.setting);
    parts << tr("Observers: %1").arg(info.observers.join(QStringLiteral(", ")));
    parts << tr("Coding here: %1").arg(info.observer);
    return parts.join(QStringLiteral(" · "));
}

QString ObservationLive::stateKey() const
{
    return m_current ? sessionStateKey(m_current->state()) : QString();
}

QString ObservationLive::stateText() const
{
    return m_current ? ObservationText::stateLabel(m_current->state()) : QString();
}

bool ObservationLive::editable() const
{
    // Coding is possible while the clock runs or is paused; a stopped session
    // only waits to be finalised.
    return m_current
        && (m_current->state() == SessionState::Running || m_current->state() == SessionState::Paused);
}

bool ObservationLive::paused() const
{
    return m_current && m_current->state() == SessionState::Paused;
}

bool ObservationLive::stopped() const
{
    return m_current && m_current->state() == SessionState::Stopped;
}

bool ObservationLive::finalised() const
{
    return m_current && m_current->state() == SessionState::Finalised;
}

QString ObservationLive::clockText() const
{
    return ObservationText::clock(m_current ? m_current->offsetMs() : 0);
}

QString ObservationLive::pausedText() const
{
    if (!m_current)
        return {};
    std::int64_t pausedTotal = 0;
    for (const PauseSpan &p : m_current->pauses()) {
        if (p.endMs >= 0)
            pausedTotal += p.endMs - p.startMs;
    }
    if (m_current->state() == SessionState::Paused)
        return tr("Paused: the clock is stopped, and paused time is not observation time.");
    if (pausedTotal > 0)
        return tr("%1 paused in all, not counted as observation time").arg(ObservationText::clock(pausedTotal));
    return {};
}

bool ObservationLive::hasPrompts() const
{
    return m_current && m_current->info().promptIntervalS > 0;
}

QString ObservationLive::promptText() const
{
    if (!hasPrompts() || !editable())
        return {};
    if (m_current->state() == SessionState::Paused)
        return tr("Prompts wait while the session is paused");
    return tr("Next prompt in %1 (every %2)")
        .arg(ObservationText::clock(m_current->msUntilNextPrompt()),
            ObservationText::clock(std::int64_t(m_current->info().promptIntervalS) * 1000));
}

QVariantList ObservationLive::categories() const
{
    if (!m_current)
        return {};
    const CodingScheme &scheme = m_current->info().scheme;
    QList<Category> groups = scheme.categories;
    const bool uncategorised = std::any_of(scheme.behaviours.begin(), scheme.behaviours.end(),
        [&](const Behaviour &b) { return !scheme.category(b.category); });
    if (uncategorised)
        groups.append(Category{QString(), {}, false});
    QVariantList out;
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const Category &c = groups[i];
        const QString fallback = QString::fromLatin1(kCategoryPalette[i % std::size(kCategoryPalette)]);
        QVariantList behaviours;
        for (const Behaviour &b : scheme.behaviours) {
            const bool inGroup = c.code.isEmpty() ? !scheme.category(b.category) : b.category == c.code;
            if (!inGroup)
                continue;
            const QString color = b.color.isEmpty() ? fallback : b.color;
            behaviours.append(QVariantMap{{QStringLiteral("code"), b.code},
                                          {QStringLiteral("label"), labelIn(b.label, language())},
                                          {QStringLiteral("color"), color},
                                          {QStringLiteral("textColor"), textColorOn(color)},
                                          {QStringLiteral("isState"), b.type == EventType::State}});
        }
        if (behaviours.isEmpty())
            continue;
        out.append(QVariantMap{{QStringLiteral("code"), c.code},
                               {QStringLiteral("label"), labelIn(c.label, language())},
                               {QStringLiteral("behaviours"), behaviours}});
    }
    return out;
}

QVariantList ObservationLive::subjects() const
{
    if (!m_current)
        return {};
    const CodingScheme &scheme = m_current->info().scheme;
    QVariantList out;
    auto add = [&](const QString &key, const QString &label, bool taggable, const QString &reason) {
        out.append(QVariantMap{{QStringLiteral("key"), key}, {QStringLiteral("label"), label},
                               {QStringLiteral("taggable"), taggable}, {QStringLiteral("reason"), reason}});
    };
    if (std::any_of(scheme.behaviours.begin(), scheme.behaviours.end(),
            [](const Behaviour &b) { return b.subject != SubjectRule::Required; }))
        add(QString(), tr("No subject"), true, {});
    for (const SubjectRole &r : scheme.roles)
        add(QStringLiteral("r:") + r.code, labelIn(r.label, language()), true, {});
    for (const QVariant &p : participants()) {
        const QVariantMap m = p.toMap();
        add(QStringLiteral("p:") + m.value(QStringLiteral("code")).toString(), m.value(QStringLiteral("code")).toString(),
            m.value(QStringLiteral("taggable")).toBool(), m.value(QStringLiteral("reason")).toString());
    }
    return out;
}

QVariantList ObservationLive::participants() const
{
    if (!m_current || !m_current->info().scheme.participantSubjects)
        return {};
    const QStringList taggable = m_current->taggableCodes();
    QVariantList out;
    for (const PresentParticipant &p : m_current->info().participants) {
        const bool ok = taggable.contains(p.code);
        out.append(QVariantMap{{QStringLiteral("code"), p.code}, {QStringLiteral("taggable"), ok},
            {QStringLiteral("reason"),
                ok ? QString() : tr("Objected to being observed during this session: cannot be tagged.")}});
    }
    for (const ParticipantRefusal &r : m_refused) {
        out.append(QVariantMap{{QStringLiteral("code"), r.code}, {QStringLiteral("taggable"), false},
            {QStringLiteral("reason"), domain::reasonText(r.reason)}});
    }
    return out;
}

Subject ObservationLive::chosenSubject() const
{
    return subjectFromKey(m_subject);
}

void ObservationLive::setSubject(const QString &key)
{
    if (key == m_subject)
        return;
    for (const QVariant &s : subjects()) {
        const QVariantMap m = s.toMap();
        if (m.value(QStringLiteral("key")).toString() != key)
            continue;
        if (!m.value(QStringLiteral("taggable")).toBool()) {
            // Refused before anything is tapped, with the reason (read again
            // when shown, so it follows a language switch).
            setMessages([this, key] {
                for (const QVariant &again : subjects()) {
                    const QVariantMap entry = again.toMap();
                    if (entry.value(QStringLiteral("key")).toString() == key)
                        return tr("%1 cannot be tagged: %2").arg(key.mid(2), entry.value(QStringLiteral("reason")).toString());
                }
                return QString();
            }, m_infoText);
            return;
        }
        m_subject = key;
        emit codingChanged();
        return;
    }
}

QStringList ObservationLive::runningCodes() const
{
    if (!m_current)
        return {};
    const Subject who = chosenSubject();
    QStringList out;
    for (const StateInterval &s : m_current->runningStates()) {
        if (s.subject == who)
            out << s.behaviour;
    }
    return out;
}

QString ObservationLive::runningText() const
{
    if (!m_current)
        return {};
    const CodingScheme &scheme = m_current->info().scheme;
    QStringList parts;
    for (const StateInterval &s : m_current->runningStates()) {
        const QString who = ObservationEventsModel::subjectText(s.subject, scheme, language());
        const Behaviour *b = scheme.behaviour(s.behaviour);
        const QString what = b ? labelIn(b->label, language()) : s.behaviour;
        parts << (who.isEmpty() ? what : QStringLiteral("%1 (%2)").arg(what, who));
    }
    return parts.isEmpty() ? QString() : tr("Running now: %1").arg(parts.join(QStringLiteral(", ")));
}

QString ObservationLive::lastEventText() const
{
    if (!m_current)
        return {};
    const QList<ObservationEvent> all = m_current->events();
    if (all.isEmpty())
        return {};
    const ObservationEvent &e = all.constLast();
    const CodingScheme &scheme = m_current->info().scheme;
    const QString what = ObservationEventsModel::whatText(e, scheme, language());
    const QString who = ObservationEventsModel::subjectText(e.subject, scheme, language());
    return who.isEmpty() ? tr("Last: %1 at %2").arg(what, ObservationText::clock(e.offsetMs))
                         : tr("Last: %1 · %2 at %3").arg(what, who, ObservationText::clock(e.offsetMs));
}

QString ObservationLive::summaryText() const
{
    if (!m_current || (m_current->state() != SessionState::Stopped && m_current->state() != SessionState::Finalised))
        return {};
    const CodingScheme &scheme = m_current->info().scheme;
    QStringList closed;
    QStringList flagged;
    for (const StateInterval &s : m_current->intervals()) {
        const Behaviour *b = scheme.behaviour(s.behaviour);
        const QString who = ObservationEventsModel::subjectText(s.subject, scheme, language());
        const QString what = b ? labelIn(b->label, language()) : s.behaviour;
        const QString text = who.isEmpty() ? what : QStringLiteral("%1 (%2)").arg(what, who);
        if (s.closedAtStop)
            closed << text;
        else if (s.needsReview)
            flagged << text;
    }
    QStringList lines;
    lines << tr("Stopped after %1 of observation time; %n event(s) in force.", "", int(m_current->events().size()))
                 .arg(ObservationText::clock(m_current->info().stopOffsetMs));
    if (closed.isEmpty() && flagged.isEmpty())
        lines << tr("No state event was running at the stop.");
    if (!closed.isEmpty())
        lines << tr("Ended at the stop: %1").arg(closed.join(QStringLiteral(", ")));
    if (!flagged.isEmpty())
        lines << tr("Flagged for review (running at the stop): %1").arg(flagged.join(QStringLiteral(", ")));
    return lines.join(QLatin1Char('\n'));
}

} // namespace samla::ui
