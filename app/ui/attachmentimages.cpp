#include "attachmentimages.h"

#include "notemedia.h"

namespace samla::ui {

AttachmentImages::AttachmentImages(std::shared_ptr<ThumbnailCache> cache)
    : QQuickImageProvider(QQuickImageProvider::Image)
    , m_cache(std::move(cache))
{
}

QImage AttachmentImages::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    QImage image = m_cache->get(id);
    if (!image.isNull() && requestedSize.isValid()
        && (image.width() > requestedSize.width() || image.height() > requestedSize.height()))
        image = image.scaled(requestedSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    if (size)
        *size = image.size();
    return image;
}

} // namespace samla::ui
