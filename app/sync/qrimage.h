// Reading an enrolment code from the QR image samla-server writes (or a photo or screenshot of it).
#pragma once

#include "platform/core/result.h"

#include <QString>

class QImage;

namespace samla::appsync {

// The text of the first QR code in the image file. NotFound when the file
// holds no readable QR code; Io when it cannot be read as an image.
[[nodiscard]] Result<QString> qrTextFromImage(const QString &path);
// The same for an image in memory (a camera frame). `tryHarder` costs time
// a live camera does not have: the next frame is another try.
[[nodiscard]] Result<QString> qrTextFromImage(const QImage &image, bool tryHarder = true);

} // namespace samla::appsync
