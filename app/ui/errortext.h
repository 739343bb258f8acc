// ErrorText: the one place that turns error codes into sentences a person can act on.
#pragma once

#include "platform/core/result.h"

#include <QCoreApplication>
#include <QString>

namespace samla::ui {

// Problems the UI itself finds before anything reaches the store.
enum class UiError {
    None,
    PassphrasesDiffer,
    PassphraseTooShort,
    PassphraseTooWeak,
    PassphraseEmpty,
    RecoveryKeyEmpty,
    RecoveryNotConfirmed,
    RecoveryGroupMismatch,
    NewPassphraseSameAsCurrent,
    NothingToSave,
    QuickNoteEmpty,
};

// An error as the UI keeps it: either one of its own checks or a store/domain
// error code. Kept as a code, not as text, so it can be re-translated when the
// user switches language while the message is on screen.
struct UiProblem {
    UiError ui = UiError::None;
    std::optional<ErrorCode> code;

    bool isNull() const { return ui == UiError::None && !code.has_value(); }
    static UiProblem fromUi(UiError e) { return UiProblem { e, std::nullopt }; }
    static UiProblem fromCode(ErrorCode c) { return UiProblem { UiError::None, c }; }
};

class ErrorText {
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
    static QString forCode(ErrorCode code);
    static QString forUi(UiError error);
    static QString forProblem(const UiProblem &problem);
};

} // namespace samla::ui
