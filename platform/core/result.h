// Result<T>: the value of an operation that can fail, or why it failed.
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace samla {

// Stable error codes. The UI maps each to a sentence in the user's language
// (app/ui/errortext.cpp); `detail` is for logs and tests and never carries
// personal data or secrets.
enum class ErrorCode {
    Internal,
    InvalidArgument,
    WrongPassphrase,    // key file slot did not open with this passphrase
    WrongRecoveryKey,   // key file slot did not open with this recovery key
    WrongKey,           // database did not open with this raw key
    Tampered,           // authentication failed: a byte was changed
    Corrupt,            // structure is broken (truncated, malformed, bad page)
    RolledBack,         // an older copy of the database was put back
    NotFound,
    AlreadyExists,
    DiskFull,
    ReadOnly,
    Io,
    CryptoSelfTestFailed,
    Unsupported,        // e.g. a newer file format than this build knows
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString detail;
};

inline Error makeError(ErrorCode code, QString detail = {})
{
    return Error{code, std::move(detail)};
}

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<T>(m_v); }
    const T &value() const & { return std::get<T>(m_v); }
    T &&value() && { return std::get<T>(std::move(m_v)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }

    const Error &error() const { return std::get<Error>(m_v); }
    ErrorCode code() const { return ok() ? ErrorCode::Internal : error().code; }

private:
    std::variant<T, Error> m_v;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }
    ErrorCode code() const { return ok() ? ErrorCode::Internal : m_error->code; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

// Propagates an error from an expression returning Result<...>.
#define SAMLA_TRY(expr)                                                                            \
    do {                                                                                           \
        auto samlaTryResult_ = (expr);                                                             \
        if (!samlaTryResult_.ok())                                                                 \
            return samlaTryResult_.error();                                                        \
    } while (0)

const char *errorCodeName(ErrorCode code);

} // namespace samla
