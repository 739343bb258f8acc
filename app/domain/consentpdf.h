// ConsentPdf: the PDF snapshot of one consent, in the language it was given in.
#pragma once

#include "consentforms.h"
#include "consenttypes.h"

#include "platform/core/result.h"

#include <QImage>

namespace samla::domain {

// What the snapshot shows. Never a name: the participant appears by code only.
struct ConsentSnapshot {
    QString projectName;
    QString participantCode;
    QString eventId;
    ConsentEventType type = ConsentEventType::ConsentGiven;
    ConsentFormVersion form;          // the exact version consented to
    QString language;                 // "sv" or "en": the text and the labels
    QList<ItemAnswer> answers;
    ConsentMethod method = ConsentMethod::Written;
    QString obtainedBy;
    QString witness;
    QString role;
    std::optional<CapacityAssessment> capacity;
    std::int64_t effectiveMs = 0;
    QString deviceId;                 // hex
    QImage signature;                 // may be null (verbal consent)
};

// Renders the snapshot as PDF/A-1b. Needs a QGuiApplication (fonts); without
// one it fails with Unsupported rather than crash.
[[nodiscard]] Result<QByteArray> renderConsentPdf(const ConsentSnapshot &snapshot);

} // namespace samla::domain
