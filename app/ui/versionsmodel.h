// VersionsModel: every saved version of one note, newest first.
#pragma once

#include "app/domain/notes.h"

#include <QAbstractListModel>
#include <QLocale>
#include <QtQml/qqmlregistration.h>

namespace samla::ui {

class VersionsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Versions come from the NoteEditor singleton")
public:
    enum Role {
        VersionRole = Qt::UserRole + 1,
        TitleRole,
        SavedRole, // date and time in the user's locale
        SavedMsRole,
        IsCurrentRole, // the version the note has now
    };
    Q_ENUM(Role)

    explicit VersionsModel(QObject *parent = nullptr);

    void setVersions(QList<domain::NoteVersion> versions, int currentVersion);
    void setLocale(const QLocale &locale);
    void clear();
    const domain::NoteVersion *find(int version) const;
    QString formatTime(std::int64_t ms) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<domain::NoteVersion> m_versions;
    int m_current = 0;
    QLocale m_locale;
};

} // namespace samla::ui
