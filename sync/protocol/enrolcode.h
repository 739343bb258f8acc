// The enrolment code: everything a device needs to join a project, as one line of text (and a QR code).
#pragma once

#include "platform/core/result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace samla::protocol {

// samla-enrol:v1;host=<name or address>;port=<1-65535>;fp=<64 hex>;token=<64 hex>
//
// `fp` is the SHA-256 of the server's certificate, which the device pins;
// `token` is the one-time enrolment token. The code is a secret until it is
// used (anyone holding it can enrol once), so it is shown, never logged.
struct EnrolCode {
    QString host;              // DNS name, IPv4, or IPv6 in brackets
    std::uint16_t port = 0;
    QByteArray fingerprint;    // 32 bytes
    QByteArray token;          // 32 bytes

    QString encode() const;
    // Strict: the fields in this order, nothing else; surrounding white space
    // (from pasting) is ignored. InvalidArgument, with the part at fault.
    [[nodiscard]] static Result<EnrolCode> decode(QStringView text);
};

} // namespace samla::protocol
