// NoteEditor: the note being written — its draft, saving, and its version history.
#pragma once

#include "errortext.h"
#include "versionsmodel.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace samla::ui {

class Session;
class AppSettings;

// The draft lives here rather than in the text fields, so that locking can save
// it as a new version (nothing is lost) and then drop the plaintext, and
// unlocking can bring the same note back.
class NoteEditor : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString noteId READ noteId NOTIFY noteChanged)
    Q_PROPERTY(QString title READ title WRITE setTitle NOTIFY titleChanged)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(bool dirty READ dirty NOTIFY dirtyChanged)
    Q_PROPERTY(int version READ version NOTIFY noteChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusTextChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    Q_PROPERTY(samla::ui::VersionsModel *versions READ versions CONSTANT)
    Q_PROPERTY(int viewedVersion READ viewedVersion NOTIFY viewedVersionChanged)
    Q_PROPERTY(QString viewedTitle READ viewedTitle NOTIFY viewedVersionChanged)
    Q_PROPERTY(QString viewedText READ viewedText NOTIFY viewedVersionChanged)
    Q_PROPERTY(QString viewedSaved READ viewedSaved NOTIFY viewedVersionChanged)
public:
    NoteEditor(Session &session, AppSettings &settings, QObject *parent = nullptr);
    static NoteEditor *create(QQmlEngine *qml, QJSEngine *js);

    QString noteId() const { return m_noteId; }
    QString title() const { return m_title; }
    void setTitle(const QString &title);
    QString text() const { return m_text; }
    void setText(const QString &text);
    bool dirty() const { return m_dirty; }
    int version() const { return m_version; }
    QString statusText() const;
    QString errorString() const { return ErrorText::forProblem(m_error); }
    VersionsModel *versions() { return &m_versions; }
    int viewedVersion() const { return m_viewed; }
    QString viewedTitle() const;
    QString viewedText() const;
    QString viewedSaved() const;

    Q_INVOKABLE bool openNote(const QString &id);
    Q_INVOKABLE void newNote();
    // Saves a new version (or creates the note). Returns false and sets errorString on failure.
    Q_INVOKABLE bool save();
    Q_INVOKABLE bool loadVersions();
    Q_INVOKABLE bool viewVersion(int version);
    // Saves the viewed version's title and text as a new version; the history keeps everything.
    Q_INVOKABLE bool restoreViewedVersion();
    Q_INVOKABLE void clearError();
    // A version written elsewhere (an attachment added or removed) becomes the
    // one shown; only when the draft has no unsaved changes.
    void adoptSaved(const domain::Note &note);

signals:
    void noteChanged();
    void titleChanged();
    void textChanged();
    void dirtyChanged();
    void statusTextChanged();
    void errorStringChanged();
    void viewedVersionChanged();
    void saved(); // a new version was written

private:
    void onAboutToClose();
    void onOpened();
    void setDirty(bool dirty);
    void setError(const UiProblem &problem);
    void adoptNote(const domain::Note &note);
    void wipeDraft();

    Session &m_session;
    AppSettings &m_settings;
    QString m_noteId;
    QString m_title;
    QString m_text;
    bool m_dirty = false;
    int m_version = 0;
    std::int64_t m_savedMs = 0;
    UiProblem m_error;
    VersionsModel m_versions;
    int m_viewed = 0;
    bool m_reopenAfterUnlock = false;
};

} // namespace samla::ui
