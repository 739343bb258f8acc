// ParticipantRegister: the current project's participants, enrolment, and whether names may be stored here.
#pragma once

#include "app/domain/identityvault.h"
#include "consentmodels.h"
#include "errortext.h"

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>

class QQmlEngine;
class QJSEngine;

namespace samla::ui {

class Session;
class AppSettings;

// Research data holds only codes. Names and contact details go into the
// identity vault, and only on a device holding the vault grant; elsewhere the
// enrol form says why those fields are unavailable (vaultStatusText).
class ParticipantRegister : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(samla::ui::ParticipantsModel *participants READ participants CONSTANT)
    Q_PROPERTY(int count READ count NOTIFY participantsChanged)
    Q_PROPERTY(QString projectName READ projectName NOTIFY projectChanged)
    Q_PROPERTY(QVariantList categoryChoices READ categoryChoices NOTIFY languageChanged)
    Q_PROPERTY(QVariantList ageBandChoices READ ageBandChoices NOTIFY languageChanged)
    Q_PROPERTY(QVariantList siteChoices READ siteChoices NOTIFY projectChanged)
    Q_PROPERTY(bool vaultAvailable READ vaultAvailable NOTIFY vaultChanged)
    Q_PROPERTY(bool canCreateVault READ canCreateVault NOTIFY vaultChanged)
    Q_PROPERTY(QString vaultStatusText READ vaultStatusText NOTIFY vaultChanged)
    // This device's role for identities: data manager (holds the identity
    // register) or a researcher's device (codes only), and why.
    Q_PROPERTY(bool dataManager READ dataManager NOTIFY vaultChanged)
    Q_PROPERTY(QString deviceRoleText READ deviceRoleText NOTIFY vaultChanged)
    // "Codes made on this device look like LC-K7Q-012."
    Q_PROPERTY(QString codeFormatText READ codeFormatText NOTIFY participantsChanged)
    // Two participants under one code (see domain::DuplicateCode); empty if none.
    Q_PROPERTY(QString duplicateCodesText READ duplicateCodesText NOTIFY participantsChanged)
    Q_PROPERTY(QString lastEnrolledCode READ lastEnrolledCode NOTIFY enrolled)
    Q_PROPERTY(QString lastEnrolledId READ lastEnrolledId NOTIFY enrolled)
    Q_PROPERTY(QString reconsentDueText READ reconsentDueText NOTIFY participantsChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
public:
    // Participants whose re-consent falls due within this many days are listed too.
    static constexpr int kReconsentSoonDays = 14;

    ParticipantRegister(Session &session, AppSettings &settings, QObject *parent = nullptr);
    ~ParticipantRegister() override;
    static ParticipantRegister *create(QQmlEngine *qml, QJSEngine *js);

    ParticipantsModel *participants() { return &m_model; }
    int count() const { return m_model.rowCount(); }
    QString projectName() const;
    QVariantList categoryChoices() const;
    QVariantList ageBandChoices() const;
    QVariantList siteChoices() const;
    bool vaultAvailable() const { return m_vault != nullptr; }
    bool canCreateVault() const;
    QString vaultStatusText() const;
    bool dataManager() const { return m_vault != nullptr; }
    QString deviceRoleText() const;
    QString codeFormatText() const;
    QString duplicateCodesText() const;
    // The open vault (data-manager devices only), for the identity lookup; null elsewhere.
    domain::IdentityVault *vault() const { return m_vault.get(); }
    domain::VaultRefusal vaultRefusal() const { return m_refusal; }
    // Why this device may not hold the vault, or None: only a device that
    // administers the project (or keeps it alone, without sync) may become its data manager.
    bool joinedAsMember() const { return m_joinedAsMember; }
    QString lastEnrolledCode() const { return m_lastCode; }
    QString lastEnrolledId() const { return m_lastId; }
    QString errorString() const;
    // "Re-consent is due for …": codes whose project interval has lapsed or soon will; empty if none.
    QString reconsentDueText() const;

    // Re-reads the participants, their consent state and the vault's status.
    Q_INVOKABLE void refresh();
    // Enrols a participant. Identity fields are used only when the vault is
    // open; if any is filled in without the vault, nothing is enrolled.
    Q_INVOKABLE bool enrol(const QString &categoryKey, const QString &ageBandKey, const QString &siteId,
        bool understandsConsent, const QString &capacityNotes, const QString &name, const QString &contact,
        const QString &dateOfBirth, const QString &guardianOrConsultee);
    // Creates the identity vault on this device and grants it here (the data manager's device).
    Q_INVOKABLE bool createVault();
    // Re-reads whether this device holds the vault grant (after a grant was accepted or revoked).
    Q_INVOKABLE void reloadVault() { openVault(); }
    Q_INVOKABLE void clearError();

signals:
    void participantsChanged();
    void projectChanged();
    void languageChanged();
    void vaultChanged();
    void enrolled();
    void errorStringChanged();

private:
    void onOpened();
    void onClosed();
    void openVault();
    void readRole();
    void setError(const UiProblem &problem, std::function<QString()> text = {});
    void retranslate();

    Session &m_session;
    AppSettings &m_settings;
    ParticipantsModel m_model;
    std::unique_ptr<domain::IdentityVault> m_vault;
    domain::VaultRefusal m_refusal = domain::VaultRefusal::NotCreated;
    bool m_joinedAsMember = false;
    QString m_codeTag;
    int m_nextNumber = 1;
    QStringList m_duplicates;
    QString m_lastCode;
    QList<domain::ReconsentDue> m_due;
    QString m_lastId;
    // Either a store error (re-translated on a language switch) or a sentence
    // of this class, kept as a function so it re-translates too.
    UiProblem m_error;
    std::function<QString()> m_errorText;
};

} // namespace samla::ui
