// ConsentText: the words a person reads for participant and consent vocabulary, in their language.
#pragma once

#include "app/domain/consentstate.h"

#include <QCoreApplication>
#include <QString>
#include <QVariantList>

namespace samla::ui {

// Every label is translated at the moment it is asked for, so models and
// controllers call these from data() and re-emit on a language switch.
class ConsentText {
    Q_DECLARE_TR_FUNCTIONS(ConsentText)
public:
    static QString category(domain::ParticipantCategory c);
    static QString ageBand(domain::AgeBand a);
    static QString activity(domain::Activity a);
    static QString eventType(domain::ConsentEventType t);
    static QString method(domain::ConsentMethod m);
    static QString route(domain::ConsentRoute r);
    static QString recheckOutcome(domain::RecheckOutcome o);
    static QString withdrawalScope(domain::WithdrawalScope s);
    static QString effect(domain::EventEffect e);
    static QString language(const QString &code); // "sv" -> "Svenska", named in itself
    // One line for a list row: withdrawn, objected, paused, due, in place, or what is missing.
    static QString stateSummary(const domain::ConsentState &state, std::int64_t nowMs);
    // True when at least one kind of new data may be collected now.
    static bool collectionAllowed(const domain::ConsentState &state);

    // [{key, label}] for a choice list in QML.
    static QVariantList categoryChoices();
    static QVariantList ageBandChoices();
};

} // namespace samla::ui
