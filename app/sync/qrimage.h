// Reading an enrolment code from the QR image samla-server writes (or a photo or screenshot of it).
#pragma once

#include "platform/core/result.h"

#include <QString>

namespace samla::appsync {

// The text of the first QR code in the image file. NotFound when the file
// holds no readable QR code; Io when it cannot be read as an image.
[[nodiscard]] Result<QString> qrTextFromImage(const QString &path);

} // namespace samla::appsync
