// IdentityLookup: shows one participant's identity after an audited look-up, and the look-ups for the DPO.
#pragma once

#include "app/domain/identityvault.h"
#include "errortext.h"

#include <QAbstractListModel>
#include <QLocale>
#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>

class QQmlEngine;
class QJSEngine;

namespace samla::ui {

class AppSettings;
class ParticipantRegister;
class Session;

// The identity look-ups recorded in the audit log (every device's that has
// synced them): who (which device), when, which participant code, and why.
// No names: the audit log never holds any.
class IdentityAuditModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Look-ups come from the IdentityLookup singleton")
public:
    enum Role {
        WhenRole = Qt::UserRole + 1,
        DeviceRole, // the device's tag, e.g. "K7Q (this device)"
        CodeRole,
        PurposeRole, // translated
    };
    Q_ENUM(Role)

    struct Row {
        std::int64_t atMs = 0;
        QString deviceTag;
        bool thisDevice = false;
        QString code; // empty when the participant has been erased
        QString purposeKey;
    };

    explicit IdentityAuditModel(QObject *parent = nullptr);
    void setRows(QList<Row> rows);
    void setLocale(const QLocale &locale);
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<Row> m_rows;
    QLocale m_locale;
};

// Looking up who is behind a code is a recorded act (GDPR Art 4(5)): the
// person chooses why, the look-up is written to the audit log first, and only
// then are the details shown. They are kept only while the identity screen
// is open: leaving it, or locking, clears them. A device without the vault
// grant gets the reason instead.
class IdentityLookup : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString participantId READ participantId NOTIFY participantChanged)
    Q_PROPERTY(QString participantCode READ participantCode NOTIFY participantChanged)
    Q_PROPERTY(bool available READ available NOTIFY availabilityChanged)
    Q_PROPERTY(QString refusalText READ refusalText NOTIFY availabilityChanged)
    Q_PROPERTY(QVariantList purposeChoices READ purposeChoices NOTIFY languageChanged)
    Q_PROPERTY(QString purpose READ purpose WRITE setPurpose NOTIFY purposeChanged)
    Q_PROPERTY(bool shown READ shown NOTIFY identityChanged)
    Q_PROPERTY(QString name READ name NOTIFY identityChanged)
    Q_PROPERTY(QString contact READ contact NOTIFY identityChanged)
    Q_PROPERTY(QString dateOfBirth READ dateOfBirth NOTIFY identityChanged)
    Q_PROPERTY(QString guardianOrConsultee READ guardianOrConsultee NOTIFY identityChanged)
    Q_PROPERTY(QString shownNotice READ shownNotice NOTIFY identityChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    Q_PROPERTY(samla::ui::IdentityAuditModel *lookups READ lookups CONSTANT)
    Q_PROPERTY(int lookupCount READ lookupCount NOTIFY lookupsChanged)
    // Which devices hold the project's identity register, for the DPO.
    Q_PROPERTY(QString dataManagersText READ dataManagersText NOTIFY lookupsChanged)
public:
    IdentityLookup(Session &session, AppSettings &settings, ParticipantRegister &participants,
        QObject *parent = nullptr);
    static IdentityLookup *create(QQmlEngine *qml, QJSEngine *js);

    QString participantId() const { return m_participantId; }
    QString participantCode() const { return m_code; }
    bool available() const;
    QString refusalText() const;
    QVariantList purposeChoices() const;
    QString purpose() const { return m_purpose; }
    void setPurpose(const QString &purpose);
    bool shown() const { return m_shown; }
    QString name() const { return m_identity.name; }
    QString contact() const { return m_identity.contact; }
    QString dateOfBirth() const { return m_identity.dateOfBirth; }
    QString guardianOrConsultee() const { return m_identity.guardianOrConsultee; }
    QString shownNotice() const;
    QString errorString() const;
    IdentityAuditModel *lookups() { return &m_lookups; }
    int lookupCount() const { return m_lookups.rowCount(); }
    QString dataManagersText() const;

    // Chooses the participant (of the current project) and forgets any identity shown.
    Q_INVOKABLE bool open(const QString &participantId);
    // The audited look-up, for the chosen purpose; the details are shown only if it was recorded.
    Q_INVOKABLE bool lookUp();
    // Forgets the identity shown (leaving the screen, locking).
    Q_INVOKABLE void clear();
    // Re-reads the look-ups from the audit log.
    Q_INVOKABLE void refreshLookups();

    static QString purposeText(const QString &purposeKey);

signals:
    void participantChanged();
    void availabilityChanged();
    void languageChanged();
    void purposeChanged();
    void identityChanged();
    void errorStringChanged();
    void lookupsChanged();

private:
    void setError(const UiProblem &problem, std::function<QString()> text = {});

    Session &m_session;
    AppSettings &m_settings;
    ParticipantRegister &m_participants;
    QString m_participantId;
    QString m_code;
    QString m_purpose;
    bool m_shown = false;
    domain::IdentityDetails m_identity;
    QString m_shownPurpose;
    std::int64_t m_shownAtMs = 0;
    UiProblem m_error;
    std::function<QString()> m_errorText;
    IdentityAuditModel m_lookups;
    struct DataManager {
        QString device;       // tag
        bool self = false;
        QString grantedBy;    // tag; empty for the device that made the register
        std::int64_t grantedMs = 0;
    };
    QList<DataManager> m_dataManagers;
};

} // namespace samla::ui
