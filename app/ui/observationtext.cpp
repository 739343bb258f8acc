#include "observationtext.h"

#include "app/domain/consenttypes.h"
#include "errortext.h"

#include <QDateTime>

namespace samla::ui {

using namespace samla::observation;

namespace {

// The gate's reason from its stable key, as in "consent_refused: expired".
std::optional<domain::Reason> reasonFromKey(const QString &key)
{
    for (int i = int(domain::Reason::None); i <= int(domain::Reason::CheckFailed); ++i) {
        const auto reason = domain::Reason(i);
        if (domain::reasonKey(reason) == key)
            return reason;
    }
    return std::nullopt;
}

} // namespace

QString ObservationText::forError(const Error &error)
{
    const QString detail = error.detail;
    if (error.code == ErrorCode::ReadOnly && detail == QLatin1String("finalised"))
        return tr("This session is finalised and can no longer be changed. A correction is made as a new version.");
    if (error.code != ErrorCode::InvalidArgument)
        return ErrorText::forCode(error.code);

    const QString key = detail.section(QLatin1Char(':'), 0, 0).trimmed();
    const QString value = detail.section(QLatin1Char(':'), 1).trimmed();
    if (key == QLatin1String("consent_refused")) {
        const auto reason = reasonFromKey(value);
        return tr("This participant cannot be tagged: %1").arg(domain::reasonText(reason.value_or(domain::Reason::CheckFailed)));
    }
    if (key == QLatin1String("paused"))
        return tr("The session is paused. Resume it to code again.");
    if (key == QLatin1String("stopped"))
        return tr("The session has stopped, so nothing more can be coded.");
    if (key == QLatin1String("not_running"))
        return tr("The session is not running.");
    if (key == QLatin1String("not_paused"))
        return tr("The session is not paused.");
    if (key == QLatin1String("not_stopped"))
        return tr("Stop the session before you finalise it.");
    if (key == QLatin1String("subject_required"))
        return tr("Choose who this is about first: a role or a participant code.");
    if (key == QLatin1String("no_subject_allowed"))
        return tr("This behaviour is coded without a subject. Choose \"No subject\" and tap it again.");
    if (key == QLatin1String("unknown_role"))
        return tr("That role is not part of this coding scheme.");
    if (key == QLatin1String("participant_not_present"))
        return tr("That participant was not taken into this session, so they cannot be tagged.");
    if (key == QLatin1String("participant_dissented"))
        return tr("This participant has objected to being observed. They can no longer be tagged in this session.");
    if (key == QLatin1String("nothing_to_undo"))
        return tr("There is nothing to undo.");
    if (key == QLatin1String("empty_note"))
        return tr("Write something in the note first.");
    if (key == QLatin1String("comment_too_long"))
        return tr("The note is too long. Keep it under 10,000 characters.");
    if (key == QLatin1String("observer_missing"))
        return tr("Write your initials as the observer on this device.");
    if (key == QLatin1String("bad_interval"))
        return tr("The prompt interval must be between 0 (no prompts) and 1,440 minutes.");
    if (key == QLatin1String("bad_attendees"))
        return tr("Attendee counts must be whole numbers of 0 or more.");
    if (key == QLatin1String("unknown_site"))
        return tr("That site is not one of the project's sites. Choose a site from the list.");
    if (key == QLatin1String("bad_scheme"))
        return tr("The coding scheme is not valid, so the session was not started.");
    if (key == QLatin1String("bad_modifier"))
        return tr("A modifier of this behaviour is missing or out of range.");
    // Corrections.
    if (key == QLatin1String("reason_required"))
        return tr("Write why this session is corrected. The reason is kept with the correction and shown in its history.");
    if (key == QLatin1String("reason_too_long"))
        return tr("The reason is too long. Keep it under 2,000 characters.");
    if (key == QLatin1String("not_finalised"))
        return tr("Only a finalised session can be corrected. Check and finalise it first.");
    if (key == QLatin1String("superseded"))
        return tr("A correction has already replaced this version. Open the newest version and correct that one.");
    if (key == QLatin1String("correction_open"))
        return tr("A correction of this session is already being made. Continue it, or discard it first.");
    if (key == QLatin1String("running"))
        return tr("This session is still being coded. Stop it before you change its events.");
    if (key == QLatin1String("not_a_correction"))
        return tr("Events can be added or changed only in a correction of a finalised session.");
    if (key == QLatin1String("outside_session"))
        return tr("That time is outside the session. Choose a time between its start and its stop.");
    if (key == QLatin1String("before_start"))
        return tr("The end is before the start. Write an end time after the start.");
    if (key == QLatin1String("already_ended"))
        return tr("This state already has an end.");
    if (key == QLatin1String("kind_mismatch"))
        return tr("A point event can only become another point event, and a state another state. Remove it and add the "
                  "right one instead.");
    if (key == QLatin1String("not_changeable"))
        return tr("The end of a state follows its start: change the start, or remove the end.");
    if (key == QLatin1String("in_pause"))
        return tr("The session was paused then, so nothing was observed. Choose a time before or after the pause.");
    if (key == QLatin1String("unknown_behaviour") || key == QLatin1String("not_a_point_event")
        || key == QLatin1String("not_a_state_event") || key == QLatin1String("unknown_event"))
        return tr("That behaviour is not part of this session's coding scheme.");
    return ErrorText::forCode(ErrorCode::Internal);
}

std::function<QString()> ObservationText::later(const Error &error)
{
    return [error] { return forError(error); };
}

QStringList ObservationText::settingKeys()
{
    return {QStringLiteral("ward area"), QStringLiteral("meeting"), QStringLiteral("event")};
}

QString ObservationText::settingLabel(const QString &key)
{
    if (key == QLatin1String("ward area"))
        return tr("Ward area");
    if (key == QLatin1String("meeting"))
        return tr("Meeting");
    if (key == QLatin1String("event"))
        return tr("Event");
    return key;
}

QString ObservationText::stateLabel(SessionState state)
{
    switch (state) {
    case SessionState::Running: return tr("Running");
    case SessionState::Paused: return tr("Paused");
    case SessionState::Stopped: return tr("Stopped, not finalised");
    case SessionState::Finalised: return tr("Finalised");
    }
    return {};
}

QString ObservationText::clock(std::int64_t ms)
{
    const std::int64_t total = std::max<std::int64_t>(0, ms) / 1000;
    const auto hours = total / 3600;
    const auto minutes = (total / 60) % 60;
    const auto seconds = total % 60;
    if (hours > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(hours)
            .arg(minutes, 2, 10, QLatin1Char('0'))
            .arg(seconds, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(minutes, 2, 10, QLatin1Char('0')).arg(seconds, 2, 10, QLatin1Char('0'));
}

QString ObservationText::localTime(const ObservationEvent &event)
{
    return QDateTime::fromMSecsSinceEpoch(event.wallMs, Qt::OffsetFromUTC, event.utcOffsetS)
        .toString(QStringLiteral("HH:mm:ss"));
}

QVariantList ObservationText::modifierChoices(const observation::CodingScheme &scheme, const QString &behaviour,
                                              const QString &language)
{
    using namespace observation;
    const Behaviour *b = scheme.behaviour(behaviour);
    if (!b)
        return {};
    QVariantList out;
    for (const QString &code : b->modifiers) {
        const Modifier *m = scheme.modifier(code);
        if (!m)
            continue;
        QVariantList options;
        for (const ModifierOption &o : m->options)
            options.append(QVariantMap{{QStringLiteral("code"), o.code}, {QStringLiteral("label"), labelIn(o.label, language)}});
        const char *type = m->type == ModifierType::SingleChoice     ? "single"
                         : m->type == ModifierType::MultipleChoice ? "multiple"
                         : m->type == ModifierType::Number         ? "number"
                                                                   : "text";
        out.append(QVariantMap{{QStringLiteral("code"), m->code}, {QStringLiteral("label"), labelIn(m->label, language)},
                               {QStringLiteral("type"), QString::fromLatin1(type)}, {QStringLiteral("required"), m->required},
                               {QStringLiteral("options"), options}});
    }
    return out;
}

void ObservationText::setModifierValue(QVariantMap &values, const QString &modifier, const QString &value)
{
    if (value.isEmpty())
        values.remove(modifier);
    else
        values.insert(modifier, value);
}

void ObservationText::toggleModifierOption(QVariantMap &values, const QString &modifier, const QString &option)
{
    QStringList chosen = values.value(modifier).toStringList();
    if (chosen.contains(option))
        chosen.removeAll(option);
    else
        chosen.append(option);
    values.insert(modifier, chosen);
}

} // namespace samla::ui
