#include "result.h"

namespace samla {

const char *errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Internal: return "internal";
    case ErrorCode::InvalidArgument: return "invalid-argument";
    case ErrorCode::WrongPassphrase: return "wrong-passphrase";
    case ErrorCode::WrongRecoveryKey: return "wrong-recovery-key";
    case ErrorCode::WrongKey: return "wrong-key";
    case ErrorCode::Tampered: return "tampered";
    case ErrorCode::Corrupt: return "corrupt";
    case ErrorCode::RolledBack: return "rolled-back";
    case ErrorCode::NotFound: return "not-found";
    case ErrorCode::AlreadyExists: return "already-exists";
    case ErrorCode::DiskFull: return "disk-full";
    case ErrorCode::ReadOnly: return "read-only";
    case ErrorCode::Io: return "io";
    case ErrorCode::CryptoSelfTestFailed: return "crypto-self-test-failed";
    case ErrorCode::Unsupported: return "unsupported";
    }
    return "unknown";
}

} // namespace samla
