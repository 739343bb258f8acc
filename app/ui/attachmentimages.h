// AttachmentImages: the QML image provider "image://attachment/<hash>" for thumbnails decrypted in memory.
#pragma once

#include <QQuickImageProvider>

#include <memory>

namespace samla::ui {

class ThumbnailCache;

// Serves thumbnails NoteMedia has already decrypted and decoded; it never
// reads the store itself (the store belongs to the GUI thread).
class AttachmentImages : public QQuickImageProvider {
public:
    explicit AttachmentImages(std::shared_ptr<ThumbnailCache> cache);
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

private:
    std::shared_ptr<ThumbnailCache> m_cache;
};

} // namespace samla::ui
