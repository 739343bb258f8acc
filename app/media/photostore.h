// PhotoStore: photos encoded in memory and encrypted into the attachment store, and thumbnails decrypted in
// memory.
#pragma once

#include "app/store/attachmentstore.h"

#include <QImage>
#include <QSize>
#include <QString>

namespace samla::media {

struct StoredPhoto {
    store::AttachmentRef ref;
    QString mimeType;
};

// Encodes `image` as JPEG into a buffer in memory (never a file), encrypts it
// into `store` under `key` and wipes the buffer. Text set on the image
// (QImage::setText) goes into the JPEG as comments.
[[nodiscard]] Result<StoredPhoto> storeJpeg(
    const QImage &image, store::AttachmentStore &store, const crypto::SecureBytes &key, int quality = 90);

// A photo the user chose from a file: checked to be a JPEG or PNG this build
// can show, then read straight from the file into the encrypted store; no copy
// is made in clear. NotFound when it is not there, Unsupported when it is not
// such a photo.
[[nodiscard]] Result<StoredPhoto> storeImageFile(
    const QString &path, store::AttachmentStore &store, const crypto::SecureBytes &key);

// Decrypts a photo into memory and decodes it to fit `bound` (or whole when
// `bound` is empty). Tampered/Corrupt when the file is damaged.
[[nodiscard]] Result<QImage> loadPhoto(const store::AttachmentRef &ref, const store::AttachmentStore &store,
    const crypto::SecureBytes &key, QSize bound = {});

// Whether `bytes` start like a JPEG (FF D8 FF) or a RIFF/WAVE file: what a clear
// photo or recording would look like on disk.
bool looksLikeClearMedia(QByteArrayView bytes);

} // namespace samla::media
