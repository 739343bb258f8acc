// NotesModel: the notes list (newest first, paged by 50) or the search hits, for a QML ListView.
#pragma once

#include "app/domain/notes.h"

#include <QAbstractListModel>
#include <QLocale>
#include <QtQml/qqmlregistration.h>

namespace samla::ui {

// Where the model gets notes from: the domain in the app, a fake in tests.
class NoteSource {
public:
    virtual ~NoteSource() = default;
    virtual Result<QList<domain::Note>> list(int limit, int offset) const = 0;
    virtual Result<int> count() const = 0;
    virtual Result<QList<domain::NoteHit>> search(const QString &query, int limit) const = 0;
};

// Turns text with matches wrapped in \x02 … \x03 into rich text: everything
// else is HTML-escaped, so a note containing "<b>" shows as typed.
QString highlightedToRichText(const QString &marked);
// First non-empty line, trimmed and shortened for a list row.
QString firstLineOf(const QString &text, int maxChars = 140);

class NotesModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Notes come from the Notebook singleton")
    Q_PROPERTY(int totalCount READ totalCount NOTIFY totalCountChanged)
    Q_PROPERTY(bool searching READ searching NOTIFY searchingChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole, // plain text; "Untitled note" when empty
        TitleRichRole, // rich text with search matches highlighted
        FirstLineRole, // plain text
        SnippetRichRole, // rich text: search snippet, or the escaped first line
        UpdatedRole, // date and time in the user's locale
        UpdatedMsRole,
        VersionRole,
    };
    Q_ENUM(Role)

    static constexpr int kPageSize = 50;
    static constexpr int kSearchLimit = 200;

    explicit NotesModel(QObject *parent = nullptr);

    // Null source: an empty model (while locked).
    void setSource(const NoteSource *source);
    void setLocale(const QLocale &locale);
    // Empty query: the list; otherwise the search hits (not paged).
    void setQuery(const QString &query);
    QString query() const { return m_query; }
    // Loads the first page (or the hits) again.
    void reload();
    void clear();

    int totalCount() const { return m_total; }
    bool searching() const { return !m_query.isEmpty(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void totalCountChanged();
    void searchingChanged();
    void failed(int errorCode); // a samla::ErrorCode

private:
    struct Row {
        domain::Note note;
        QString titleRich;
        QString snippetRich;
    };
    void setTotal(int total);
    QString untitled() const;

    const NoteSource *m_source = nullptr;
    QLocale m_locale;
    QString m_query;
    QList<Row> m_rows;
    int m_total = 0;
    bool m_fetching = false; // views and testers may call fetchMore() again from our own signals
};

} // namespace samla::ui
