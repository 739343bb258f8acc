#include "errortext.h"

namespace samla::ui {

QString ErrorText::forCode(ErrorCode code)
{
    switch (code) {
    case ErrorCode::WrongPassphrase:
        return tr("That passphrase is not right. Nothing has been changed. "
                  "Try again, or use your recovery key.");
    case ErrorCode::WrongRecoveryKey:
        return tr("That recovery key is not right. Nothing has been changed. "
                  "Check each group of characters and try again.");
    case ErrorCode::WrongKey:
    case ErrorCode::Tampered:
    case ErrorCode::Corrupt:
        return tr("The data file is damaged or was changed outside Samla. "
                  "Nothing was overwritten. Contact your data manager.");
    case ErrorCode::RolledBack:
        return tr("This data is an older copy than the one last used on this device. "
                  "Samla has not opened it, so nothing newer is lost. Contact your data manager.");
    case ErrorCode::DiskFull:
        return tr("The device is full. Your last change was not saved; free some space "
                  "and try again. Everything saved earlier is safe.");
    case ErrorCode::ReadOnly:
        return tr("Samla cannot write to its data folder. Your last change was not saved. "
                  "Check that the device is not write-protected, or contact your IT support.");
    case ErrorCode::Io:
        return tr("The device could not read or write Samla's data. Your last change may not "
                  "have been saved. Try again; if it keeps happening, contact your IT support.");
    case ErrorCode::NotFound:
        return tr("That item could not be found. It may have been removed.");
    case ErrorCode::AlreadyExists:
        return tr("There is already Samla data in this folder. Nothing was overwritten.");
    case ErrorCode::Unsupported:
        return tr("This data was made by a newer version of Samla. Update Samla to open it.");
    case ErrorCode::CryptoSelfTestFailed:
        return tr("Samla's encryption check failed on this device, so Samla will not start. "
                  "Your data has not been touched. Contact your IT support.");
    case ErrorCode::InvalidArgument:
    case ErrorCode::Internal:
        break;
    }
    return tr("Something went wrong inside Samla. Nothing was overwritten. "
              "Try again; if it keeps happening, contact your data manager.");
}

QString ErrorText::forUi(UiError error)
{
    switch (error) {
    case UiError::None:
        return {};
    case UiError::PassphrasesDiffer:
        return tr("The two passphrases are not the same. Type the same passphrase in both fields.");
    case UiError::PassphraseTooShort:
        return tr("Use at least 10 characters. A longer passphrase is much harder to guess.");
    case UiError::PassphraseTooWeak:
        return tr("This passphrase is too easy to guess. It protects participants' data, so it "
                  "must be at least \"Fair\". Try a few unrelated words.");
    case UiError::PassphraseEmpty:
        return tr("Type your passphrase.");
    case UiError::RecoveryKeyEmpty:
        return tr("Type your recovery key.");
    case UiError::RecoveryNotConfirmed:
        return tr("Tick the box to confirm that you have written down or stored the recovery key.");
    case UiError::RecoveryGroupMismatch:
        return tr("The last group does not match the recovery key shown. Check it and type it again.");
    case UiError::NewPassphraseSameAsCurrent:
        return tr("The new passphrase is the same as the current one. Choose a different one.");
    case UiError::NothingToSave:
        return tr("There is nothing to save yet. Write a title or some text first.");
    case UiError::QuickNoteEmpty:
        return tr("The note is empty. Type what you want to keep first.");
    }
    return {};
}

QString ErrorText::forProblem(const UiProblem &problem)
{
    if (problem.code)
        return forCode(*problem.code);
    return forUi(problem.ui);
}

} // namespace samla::ui
