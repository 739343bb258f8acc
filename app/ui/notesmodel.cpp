#include "notesmodel.h"

#include <QDateTime>
#include <QScopeGuard>

namespace samla::ui {

namespace {
constexpr QChar kMatchStart(0x02);
constexpr QChar kMatchEnd(0x03);
} // namespace

QString highlightedToRichText(const QString &marked)
{
    QString out;
    out.reserve(marked.size() + 64);
    QString plain;
    bool inMatch = false;
    auto flush = [&] {
        if (plain.isEmpty())
            return;
        const QString escaped = plain.toHtmlEscaped();
        if (inMatch)
            out += QStringLiteral("<span style=\"background-color:#ffd54f; font-weight:bold;\">") + escaped
                + QStringLiteral("</span>");
        else
            out += escaped;
        plain.clear();
    };
    for (const QChar c : marked) {
        if (c == kMatchStart || c == kMatchEnd) {
            flush();
            inMatch = (c == kMatchStart);
            continue;
        }
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t')) {
            plain += QLatin1Char(' ');
            continue;
        }
        if (c.unicode() < 0x20 || c.category() == QChar::Other_Format)
            continue; // other control characters and bidi overrides do not belong in a list row
        plain += c;
    }
    flush();
    return out;
}

QString firstLineOf(const QString &text, int maxChars)
{
    const auto lines = QStringView(text).split(QLatin1Char('\n'));
    for (const QStringView line : lines) {
        const QStringView trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        if (trimmed.size() <= maxChars)
            return trimmed.toString();
        return trimmed.left(maxChars - 1).toString() + QChar(0x2026);
    }
    return {};
}

NotesModel::NotesModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void NotesModel::setSource(const NoteSource *source)
{
    m_source = source;
    reload();
}

void NotesModel::setLocale(const QLocale &locale)
{
    if (locale == m_locale)
        return;
    m_locale = locale;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), { UpdatedRole, TitleRole, TitleRichRole });
}

void NotesModel::setQuery(const QString &query)
{
    const QString trimmed = query.trimmed();
    if (trimmed == m_query)
        return;
    const bool wasSearching = searching();
    m_query = trimmed;
    if (wasSearching != searching())
        emit searchingChanged();
    reload();
}

void NotesModel::clear()
{
    if (!m_rows.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }
    setTotal(0);
}

void NotesModel::reload()
{
    beginResetModel();
    m_rows.clear();
    int total = 0;
    if (m_source) {
        if (m_query.isEmpty()) {
            auto count = m_source->count();
            if (count.ok())
                total = count.value();
            else
                emit failed(int(count.code()));
            auto page = m_source->list(kPageSize, 0);
            if (page.ok()) {
                for (const auto &note : page.value())
                    m_rows.append(Row { note, {}, highlightedToRichText(firstLineOf(note.text)) });
            } else {
                emit failed(int(page.code()));
            }
        } else {
            auto hits = m_source->search(m_query, kSearchLimit);
            if (hits.ok()) {
                for (const auto &hit : hits.value()) {
                    QString snippet = hit.snippetHighlighted;
                    if (snippet.isEmpty())
                        snippet = firstLineOf(hit.note.text);
                    m_rows.append(Row { hit.note, highlightedToRichText(hit.titleHighlighted),
                        highlightedToRichText(snippet) });
                }
                total = int(m_rows.size());
            } else {
                emit failed(int(hits.code()));
            }
        }
    }
    endResetModel();
    setTotal(std::max(total, int(m_rows.size())));
}

void NotesModel::setTotal(int total)
{
    if (total == m_total)
        return;
    m_total = total;
    emit totalCountChanged();
}

int NotesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString NotesModel::untitled() const
{
    return tr("Untitled note");
}

QVariant NotesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return row.note.id;
    case Qt::DisplayRole:
    case TitleRole:
        return row.note.title.trimmed().isEmpty() ? untitled() : row.note.title;
    case TitleRichRole:
        if (row.note.title.trimmed().isEmpty())
            return untitled().toHtmlEscaped();
        return row.titleRich.isEmpty() ? highlightedToRichText(row.note.title) : row.titleRich;
    case FirstLineRole:
        return firstLineOf(row.note.text);
    case SnippetRichRole:
        return row.snippetRich;
    case UpdatedRole:
        return m_locale.toString(QDateTime::fromMSecsSinceEpoch(row.note.updatedMs), QLocale::ShortFormat);
    case UpdatedMsRole:
        return QVariant::fromValue<qint64>(row.note.updatedMs);
    case VersionRole:
        return row.note.version;
    default:
        return {};
    }
}

QHash<int, QByteArray> NotesModel::roleNames() const
{
    return {
        { IdRole, "noteId" },
        { TitleRole, "title" },
        { TitleRichRole, "titleRich" },
        { FirstLineRole, "firstLine" },
        { SnippetRichRole, "snippetRich" },
        { UpdatedRole, "updated" },
        { UpdatedMsRole, "updatedMs" },
        { VersionRole, "version" },
    };
}

bool NotesModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_fetching && m_source && m_query.isEmpty() && m_rows.size() < m_total;
}

void NotesModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    const auto done = qScopeGuard([this] { m_fetching = false; });
    auto page = m_source->list(kPageSize, int(m_rows.size()));
    if (!page.ok()) {
        emit failed(int(page.code()));
        return;
    }
    if (page.value().isEmpty()) {
        // The store has fewer notes than it counted (one was removed meanwhile).
        setTotal(int(m_rows.size()));
        return;
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(page.value().size()) - 1);
    for (const auto &note : page.value())
        m_rows.append(Row { note, {}, highlightedToRichText(firstLineOf(note.text)) });
    endInsertRows();
    if (m_rows.size() > m_total)
        setTotal(int(m_rows.size()));
}

} // namespace samla::ui
