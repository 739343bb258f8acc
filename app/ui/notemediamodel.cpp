// NoteAttachmentsModel and ThumbnailCache (see notemedia.h).
#include "notemedia.h"
#include "observationtext.h"

#include <QDateTime>
#include <QMutexLocker>

namespace samla::ui {

void ThumbnailCache::put(const QString &hash, const QImage &image)
{
    QMutexLocker lock(&m_mutex);
    m_images.insert(hash, image);
}

QImage ThumbnailCache::get(const QString &hash) const
{
    QMutexLocker lock(&m_mutex);
    return m_images.value(hash);
}

void ThumbnailCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_images.clear();
}

NoteAttachmentsModel::NoteAttachmentsModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void NoteAttachmentsModel::setAttachments(
    QList<domain::NoteAttachment> attachments, QHash<QString, ErrorCode> problems)
{
    beginResetModel();
    m_items = std::move(attachments);
    m_problems = std::move(problems);
    endResetModel();
}

void NoteAttachmentsModel::setPlaying(const QString &hash)
{
    if (hash == m_playing)
        return;
    m_playing = hash;
    if (!m_items.isEmpty())
        emit dataChanged(index(0), index(int(m_items.size()) - 1), { PlayingRole });
}

void NoteAttachmentsModel::setLocale(const QLocale &locale)
{
    m_locale = locale;
    retranslate();
}

void NoteAttachmentsModel::retranslate()
{
    if (!m_items.isEmpty())
        emit dataChanged(index(0), index(int(m_items.size()) - 1), { LabelRole, AddedRole, ProblemRole });
}

const domain::NoteAttachment *NoteAttachmentsModel::find(const QString &hash) const
{
    for (const domain::NoteAttachment &a : m_items) {
        if (a.ref.hash == hash)
            return &a;
    }
    return nullptr;
}

int NoteAttachmentsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant NoteAttachmentsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const domain::NoteAttachment &a = m_items.at(index.row());
    const bool audio = a.kind == QLatin1String("audio");
    const auto problem = m_problems.find(a.ref.hash);
    switch (role) {
    case HashRole:
        return a.ref.hash;
    case KindRole:
        return a.kind;
    case Qt::DisplayRole:
    case LabelRole:
        return audio ? NoteMedia::tr("Recording, %1").arg(ObservationText::clock(a.durationMs))
                     : NoteMedia::tr("Photo");
    case DurationRole:
        return audio ? ObservationText::clock(a.durationMs) : QString();
    case AddedRole:
        return m_locale.toString(QDateTime::fromMSecsSinceEpoch(a.addedMs), QLocale::ShortFormat);
    case ThumbnailRole:
        if (audio || problem != m_problems.end())
            return QString();
        return QStringLiteral("image://attachment/") + a.ref.hash;
    case ProblemRole:
        if (problem == m_problems.end())
            return QString();
        if (problem.value() == ErrorCode::NotFound)
            return NoteMedia::tr("The file of this attachment is missing on this device.");
        return audio ? NoteMedia::tr("This recording cannot be played: its file is damaged.")
                     : NoteMedia::tr("This photo cannot be shown: its file is damaged.");
    case PlayingRole:
        return !m_playing.isEmpty() && m_playing == a.ref.hash;
    default:
        return {};
    }
}

QHash<int, QByteArray> NoteAttachmentsModel::roleNames() const
{
    return {
        { HashRole, "hash" },
        { KindRole, "kind" },
        { LabelRole, "label" },
        { DurationRole, "duration" },
        { AddedRole, "added" },
        { ThumbnailRole, "thumbnail" },
        { ProblemRole, "problem" },
        { PlayingRole, "playing" },
    };
}

} // namespace samla::ui
