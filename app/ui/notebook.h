// Notebook: the open project, its note count, the notes list, search-as-you-type,
// and the quick note that can be written from any screen.
#pragma once

#include "errortext.h"
#include "notesmodel.h"

#include <QDateTime>
#include <QObject>
#include <functional>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace samla::ui {

class Session;
class AppSettings;

class Notebook : public QObject, private NoteSource {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString projectName READ projectName NOTIFY projectChanged)
    Q_PROPERTY(bool demoProject READ demoProject NOTIFY projectChanged)
    Q_PROPERTY(int noteCount READ noteCount NOTIFY noteCountChanged)
    Q_PROPERTY(samla::ui::NotesModel *notes READ notes CONSTANT)
    Q_PROPERTY(QString searchQuery READ searchQuery WRITE setSearchQuery NOTIFY searchQueryChanged)
    Q_PROPERTY(bool searchPending READ searchPending NOTIFY searchPendingChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    // The quick note's draft. It stays here (not in the dialog) so that closing
    // the dialog keeps it and locking saves it: nothing typed is lost.
    Q_PROPERTY(QString quickText READ quickText WRITE setQuickText NOTIFY quickTextChanged)
    Q_PROPERTY(QString quickError READ quickError NOTIFY quickStatusChanged)
    Q_PROPERTY(QString quickSavedText READ quickSavedText NOTIFY quickStatusChanged)
    // The REFI-QDA export (.qdpx) of the open project: where it goes, and what happened.
    Q_PROPERTY(
        QString exportDirectory READ exportDirectory WRITE setExportDirectory NOTIFY exportDirectoryChanged)
    Q_PROPERTY(QString lastExportPath READ lastExportPath NOTIFY exportMessageChanged)
    Q_PROPERTY(QString exportMessage READ exportMessage NOTIFY exportMessageChanged)
    Q_PROPERTY(bool exportMessageIsError READ exportMessageIsError NOTIFY exportMessageChanged)
public:
    static constexpr int kSearchDebounceMs = 150;

    Notebook(Session &session, AppSettings &settings, QObject *parent = nullptr);
    static Notebook *create(QQmlEngine *qml, QJSEngine *js);

    QString projectName() const;
    bool demoProject() const;
    int noteCount() const { return m_noteCount; }
    NotesModel *notes() { return &m_model; }
    QString searchQuery() const { return m_searchQuery; }
    // Searching waits kSearchDebounceMs after the last keystroke.
    void setSearchQuery(const QString &query);
    bool searchPending() const { return m_debounce.isActive(); }
    QString errorString() const { return ErrorText::forProblem(m_error); }
    QString quickText() const { return m_quickText; }
    void setQuickText(const QString &text);
    QString quickError() const { return ErrorText::forProblem(m_quickError); }
    QString quickSavedText() const;

    // Saves the quick note as a note of the open project, titled with the
    // time it was saved; the draft is then empty. False (and quickError) if
    // there is nothing to save or the store refuses.
    Q_INVOKABLE bool saveQuickNote();

    QString exportDirectory() const { return m_exportDirectory; }
    void setExportDirectory(const QString &dir);
    QString lastExportPath() const { return m_lastExportPath; }
    QString exportMessage() const { return m_exportText ? m_exportText() : QString(); }
    bool exportMessageIsError() const { return m_exportIsError; }

    // Writes the open project's notes, memos, codes and participants (by code,
    // as cases) as a REFI-QDA project into exportDirectory, for NVivo,
    // ATLAS.ti, MAXQDA and QualCoder. The message names the file, or says
    // what went wrong; a failed export leaves no file behind.
    Q_INVOKABLE bool exportQdpx();
    Q_INVOKABLE void clearExportMessage();
    // A failed export, as a sentence naming the file (exposed for tests).
    static QString exportErrorText(ErrorCode code, const QString &path);

    // Re-reads the count and the list (after a save, and when the store opens).
    Q_INVOKABLE void refresh();
    // Runs a pending search now (Enter in the search field).
    Q_INVOKABLE void searchNow();

signals:
    void projectChanged();
    void noteCountChanged();
    void searchQueryChanged();
    void searchPendingChanged();
    void errorStringChanged();
    void quickTextChanged();
    void quickStatusChanged();
    void quickNoteSaved(const QString &noteId);
    void exportDirectoryChanged();
    void exportMessageChanged();

private:
    Result<QList<domain::Note>> list(int limit, int offset) const override;
    Result<int> count() const override;
    Result<QList<domain::NoteHit>> search(const QString &query, int limit) const override;
    void onOpened();
    void onClosed();
    void onAboutToClose();
    void setError(std::optional<ErrorCode> code);
    void setExportMessage(bool error, std::function<QString()> text);

    Session &m_session;
    AppSettings &m_settings;
    NotesModel m_model;
    QTimer m_debounce;
    QString m_searchQuery;
    int m_noteCount = 0;
    UiProblem m_error;
    QString m_quickText;
    UiProblem m_quickError;
    QDateTime m_quickSavedAt;
    QString m_exportDirectory;
    QString m_lastExportPath;
    std::function<QString()> m_exportText;
    bool m_exportIsError = false;
};

} // namespace samla::ui
