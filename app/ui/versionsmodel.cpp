#include "versionsmodel.h"

#include <QDateTime>

#include <algorithm>

namespace samla::ui {

VersionsModel::VersionsModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void VersionsModel::setVersions(QList<domain::NoteVersion> versions, int currentVersion)
{
    std::sort(versions.begin(), versions.end(),
        [](const domain::NoteVersion &a, const domain::NoteVersion &b) { return a.version > b.version; });
    beginResetModel();
    m_versions = std::move(versions);
    m_current = currentVersion;
    endResetModel();
}

void VersionsModel::setLocale(const QLocale &locale)
{
    if (locale == m_locale)
        return;
    m_locale = locale;
    if (!m_versions.isEmpty())
        emit dataChanged(index(0), index(int(m_versions.size()) - 1), { SavedRole });
}

void VersionsModel::clear()
{
    if (m_versions.isEmpty())
        return;
    beginResetModel();
    m_versions.clear();
    m_current = 0;
    endResetModel();
}

const domain::NoteVersion *VersionsModel::find(int version) const
{
    for (const auto &v : m_versions) {
        if (v.version == version)
            return &v;
    }
    return nullptr;
}

QString VersionsModel::formatTime(std::int64_t ms) const
{
    return m_locale.toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

int VersionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_versions.size());
}

QVariant VersionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const domain::NoteVersion &v = m_versions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case VersionRole:
        return v.version;
    case TitleRole:
        return v.title;
    case SavedRole:
        return formatTime(v.savedMs);
    case SavedMsRole:
        return QVariant::fromValue<qint64>(v.savedMs);
    case IsCurrentRole:
        return v.version == m_current;
    default:
        return {};
    }
}

QHash<int, QByteArray> VersionsModel::roleNames() const
{
    return { { VersionRole, "version" }, { TitleRole, "title" }, { SavedRole, "saved" },
        { SavedMsRole, "savedMs" }, { IsCurrentRole, "isCurrent" } };
}

} // namespace samla::ui
