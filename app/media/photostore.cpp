#include "photostore.h"

#include <QBuffer>
#include <QFile>
#include <QImageReader>
#include <QImageWriter>

#include <cstring>

namespace samla::media {

namespace {

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        std::memset(bytes.data(), 0, std::size_t(bytes.size()));
    bytes.clear();
}

} // namespace

Result<StoredPhoto> storeJpeg(
    const QImage &image, store::AttachmentStore &store, const crypto::SecureBytes &key, int quality)
{
    if (image.isNull())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("no image"));
    QByteArray encoded;
    {
        QBuffer out(&encoded);
        out.open(QIODevice::WriteOnly);
        QImageWriter writer(&out, "jpeg");
        writer.setQuality(quality);
        for (const QString &textKey : image.textKeys())
            writer.setText(textKey, image.text(textKey));
        if (!writer.write(image)) {
            wipe(encoded);
            return makeError(ErrorCode::Internal, QStringLiteral("jpeg encoding failed"));
        }
    }
    QBuffer in(&encoded);
    in.open(QIODevice::ReadOnly);
    auto ref = store.write(in, key);
    in.close();
    wipe(encoded);
    if (!ref.ok())
        return ref.error();
    return StoredPhoto { ref.value(), QStringLiteral("image/jpeg") };
}

Result<StoredPhoto> storeImageFile(
    const QString &path, store::AttachmentStore &store, const crypto::SecureBytes &key)
{
    QFile file(path);
    if (path.trimmed().isEmpty() || !file.exists())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such file"));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("cannot open file"));
    QString mime;
    {
        QImageReader reader(&file);
        reader.setDecideFormatFromContent(true);
        const QByteArray format = reader.format();
        if (format == "jpeg" || format == "jpg")
            mime = QStringLiteral("image/jpeg");
        else if (format == "png")
            mime = QStringLiteral("image/png");
        if (mime.isEmpty() || !reader.canRead() || reader.size().isEmpty())
            return makeError(ErrorCode::Unsupported, QStringLiteral("not a JPEG or PNG photo"));
    }
    if (!file.seek(0))
        return makeError(ErrorCode::Io, QStringLiteral("cannot read file"));
    auto ref = store.write(file, key);
    if (!ref.ok())
        return ref.error();
    return StoredPhoto { ref.value(), mime };
}

Result<QImage> loadPhoto(const store::AttachmentRef &ref, const store::AttachmentStore &store,
    const crypto::SecureBytes &key, QSize bound)
{
    QByteArray plain;
    QBuffer out(&plain);
    out.open(QIODevice::WriteOnly);
    const Status read = store.read(ref, key, out);
    out.close();
    if (!read.ok()) {
        wipe(plain);
        return read.error();
    }
    QImage image;
    {
        QBuffer in(&plain);
        in.open(QIODevice::ReadOnly);
        QImageReader reader(&in);
        reader.setAutoTransform(true);
        const QSize full = reader.size();
        if (bound.isValid() && full.isValid()
            && (full.width() > bound.width() || full.height() > bound.height()))
            reader.setScaledSize(full.scaled(bound, Qt::KeepAspectRatio));
        image = reader.read();
    }
    wipe(plain);
    if (image.isNull())
        return makeError(ErrorCode::Corrupt, QStringLiteral("photo does not decode"));
    return image;
}

bool looksLikeClearMedia(QByteArrayView bytes)
{
    if (bytes.size() >= 3 && quint8(bytes[0]) == 0xFF && quint8(bytes[1]) == 0xD8 && quint8(bytes[2]) == 0xFF)
        return true;
    return bytes.size() >= 12 && bytes.startsWith("RIFF") && bytes.sliced(8, 4) == QByteArrayView("WAVE");
}

} // namespace samla::media
