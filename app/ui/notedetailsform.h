// NoteDetailsForm: what a note is (field note or memo), its codes, and what it is about (site, participant).
#pragma once

#include "errortext.h"

#include "app/domain/codebook.h"
#include "app/domain/consenttypes.h"
#include "app/domain/notes.h"

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>

class QQmlEngine;
class QJSEngine;

namespace samla::ui {

class Session;

// The rules (codes from the codebook, consent to link a participant) are the
// domain's; this form holds the choices, shows why a participant cannot be
// linked before anyone tries, and saves them as a new version of the note.
class NoteDetailsForm : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString noteId READ noteId NOTIFY loaded)
    Q_PROPERTY(QString memoType READ memoType WRITE setMemoType NOTIFY choicesChanged)
    Q_PROPERTY(QVariantList memoTypes READ memoTypes NOTIFY loaded)
    Q_PROPERTY(QVariantList codes READ codes NOTIFY choicesChanged)
    Q_PROPERTY(QVariantList sites READ sites NOTIFY choicesChanged)
    Q_PROPERTY(QVariantList participants READ participants NOTIFY choicesChanged)
    Q_PROPERTY(QString siteId READ siteId WRITE setSiteId NOTIFY choicesChanged)
    Q_PROPERTY(QString participantId READ participantId WRITE setParticipantId NOTIFY choicesChanged)
    Q_PROPERTY(bool dirty READ dirty NOTIFY choicesChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY messageChanged)
    Q_PROPERTY(QString infoString READ infoString NOTIFY messageChanged)
public:
    explicit NoteDetailsForm(Session &session, QObject *parent = nullptr);
    static NoteDetailsForm *create(QQmlEngine *qml, QJSEngine *js);

    QString noteId() const { return m_noteId; }
    QString memoType() const { return domain::memoTypeKey(m_details.memoType); }
    void setMemoType(const QString &key);
    QVariantList memoTypes() const;
    QVariantList codes() const;           // [{id, name, color, checked}]
    QVariantList sites() const;           // [{key, label}], "" for none
    QVariantList participants() const;    // [{id, code, allowed, reason}]
    QString siteId() const { return m_details.siteId; }
    void setSiteId(const QString &id);
    QString participantId() const { return m_details.participantId; }
    void setParticipantId(const QString &id);
    bool dirty() const { return m_dirty; }
    QString errorString() const { return m_errorText ? m_errorText() : QString(); }
    QString infoString() const { return m_infoText ? m_infoText() : QString(); }

    Q_INVOKABLE bool load(const QString &noteId);
    Q_INVOKABLE void toggleCode(const QString &codeId);
    // Adds a code to the project's codebook and ticks it for this note.
    Q_INVOKABLE bool addCode(const QString &name);
    Q_INVOKABLE bool save();

signals:
    void loaded();
    void choicesChanged();
    void messageChanged();
    void saved();

private:
    void setMessages(std::function<QString()> error, std::function<QString()> info);
    void markDirty();
    bool reloadLists();

    Session &m_session;
    QString m_noteId;
    domain::NoteDetails m_details;
    QList<domain::Code> m_codes;
    QList<domain::Site> m_sites;
    struct ParticipantChoice {
        QString id;
        QString code;
        bool allowed = false;
        domain::Reason reason = domain::Reason::CheckFailed;
    };
    QList<ParticipantChoice> m_participants;
    bool m_dirty = false;
    std::function<QString()> m_errorText;
    std::function<QString()> m_infoText;
};

} // namespace samla::ui
