// ObservationText: the observation domain's refusals, states and times as text a person reads.
#pragma once

#include "app/observation/session.h"
#include "platform/core/result.h"

#include <QCoreApplication>
#include <QString>
#include <QVariantList>
#include <QVariantMap>

#include <functional>

namespace samla::ui {

class ObservationText {
    Q_DECLARE_TR_FUNCTIONS(ObservationText)
public:
    // A refusal of Sessions or ObservationSession ("paused", "participant_dissented",
    // "consent_refused: expired", ReadOnly "finalised" …) as a sentence that says
    // what happened and what to do. Never the key itself.
    static QString forError(const Error &error);
    // The same, kept as a function so a message on screen re-translates on a language switch.
    static std::function<QString()> later(const Error &error);

    static QString settingLabel(const QString &key);   // "meeting", "event", "ward area"
    static QStringList settingKeys();
    static QString stateLabel(observation::SessionState state);
    // Observation time as m:ss (h:mm:ss from an hour on).
    static QString clock(std::int64_t ms);
    // The event's local wall time (with its own UTC offset) as HH:mm:ss.
    static QString localTime(const observation::ObservationEvent &event);

    // The modifiers a behaviour asks for, as the modifier sheets show them:
    // [{code, label, type ("single", "multiple", "number", "text"), required, options: [{code, label}]}].
    static QVariantList modifierChoices(const observation::CodingScheme &scheme, const QString &behaviour,
                                        const QString &language);
    // Sets one modifier's value in `values` (empty removes it), or adds or
    // removes an option of a multiple-choice modifier.
    static void setModifierValue(QVariantMap &values, const QString &modifier, const QString &value);
    static void toggleModifierOption(QVariantMap &values, const QString &modifier, const QString &option);
};

} // namespace samla::ui
