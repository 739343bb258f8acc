#include "qrimage.h"

#include <QImage>
#include <QImageReader>

#include <ZXing/ReadBarcode.h>

namespace samla::appsync {

Result<QString> qrTextFromImage(const QString &path)
{
    QImageReader reader(path);
    // An enrolment QR code needs no more than a few megapixels; a bigger
    // "image" is refused before it is decoded into memory.
    if (reader.size().isValid() && qint64(reader.size().width()) * reader.size().height() > 40'000'000)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("image too large"));
    const QImage image = reader.read();
    if (image.isNull())
        return makeError(ErrorCode::Io, QStringLiteral("not a readable image"));
    return qrTextFromImage(image);
}

Result<QString> qrTextFromImage(const QImage &picture, bool tryHarder)
{
    const QImage image = picture.convertToFormat(QImage::Format_Grayscale8);
    if (image.isNull())
        return makeError(ErrorCode::Io, QStringLiteral("not a readable image"));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(tryHarder);
    const ZXing::ImageView view(image.constBits(), image.width(), image.height(), ZXing::ImageFormat::Lum,
                                int(image.bytesPerLine()));
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid())
        return makeError(ErrorCode::NotFound, QStringLiteral("no QR code in the image"));
    return QString::fromStdString(result.text());
}

} // namespace samla::appsync
