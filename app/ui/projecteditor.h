// ProjectEditor: the current project's name and governance settings, edited as a draft and saved as a new
// version.
#pragma once

#include "app/domain/projects.h"
#include "errortext.h"

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>

class QQmlEngine;
class QJSEngine;

namespace samla::ui {

class Session;

// The rules themselves (what is valid) are domain::Projects::validate; this
// class keeps the draft, names the field that is wrong in words, and saves.
class ProjectEditor : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY draftChanged)
    Q_PROPERTY(QString codePrefix READ codePrefix WRITE setCodePrefix NOTIFY draftChanged)
    Q_PROPERTY(QString description READ description WRITE setDescription NOTIFY draftChanged)
    Q_PROPERTY(bool swedish READ swedish WRITE setSwedish NOTIFY draftChanged)
    Q_PROPERTY(bool english READ english WRITE setEnglish NOTIFY draftChanged)
    Q_PROPERTY(QString lawfulBasis READ lawfulBasis WRITE setLawfulBasis NOTIFY draftChanged)
    Q_PROPERTY(bool erasePolicy READ erasePolicy WRITE setErasePolicy NOTIFY draftChanged)
    Q_PROPERTY(QString jurisdiction READ jurisdiction WRITE setJurisdiction NOTIFY draftChanged)
    Q_PROPERTY(int retentionMonths READ retentionMonths WRITE setRetentionMonths NOTIFY draftChanged)
    Q_PROPERTY(int reconsentIntervalDays READ reconsentIntervalDays WRITE setReconsentIntervalDays NOTIFY
            draftChanged)
    Q_PROPERTY(
        bool recheckEverySession READ recheckEverySession WRITE setRecheckEverySession NOTIFY draftChanged)
    Q_PROPERTY(
        bool childAssentRequired READ childAssentRequired WRITE setChildAssentRequired NOTIFY draftChanged)
    Q_PROPERTY(QVariantList sites READ sites NOTIFY sitesChanged)
    Q_PROPERTY(bool dirty READ dirty NOTIFY draftChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY messageChanged)
    Q_PROPERTY(QString infoString READ infoString NOTIFY messageChanged)
public:
    explicit ProjectEditor(Session &session, QObject *parent = nullptr);
    static ProjectEditor *create(QQmlEngine *qml, QJSEngine *js);

    QString name() const { return m_name; }
    void setName(const QString &name);
    QString codePrefix() const { return m_settings.codePrefix; }
    void setCodePrefix(const QString &prefix);
    QString description() const { return m_settings.description; }
    void setDescription(const QString &description);
    bool swedish() const { return m_settings.languages.contains(QStringLiteral("sv")); }
    void setSwedish(bool on);
    bool english() const { return m_settings.languages.contains(QStringLiteral("en")); }
    void setEnglish(bool on);
    QString lawfulBasis() const { return m_settings.lawfulBasis; }
    void setLawfulBasis(const QString &basis);
    bool erasePolicy() const { return m_settings.withdrawalPolicy == domain::WithdrawalPolicy::StopAndErase; }
    void setErasePolicy(bool erase);
    QString jurisdiction() const { return domain::jurisdictionKey(m_settings.jurisdiction); }
    void setJurisdiction(const QString &key);
    int retentionMonths() const { return m_settings.retentionMonths; }
    void setRetentionMonths(int months);
    int reconsentIntervalDays() const { return m_settings.reconsentIntervalDays; }
    void setReconsentIntervalDays(int days);
    bool recheckEverySession() const { return m_settings.recheckEverySession; }
    void setRecheckEverySession(bool on);
    bool childAssentRequired() const { return m_settings.childAssentRequired; }
    void setChildAssentRequired(bool on);
    // [{id, name, jurisdiction, arm}]
    QVariantList sites() const;
    bool dirty() const;
    QString errorString() const { return m_errorText ? m_errorText() : QString(); }
    QString infoString() const { return m_infoText ? m_infoText() : QString(); }

    // Starts the draft from the project as saved.
    Q_INVOKABLE void load();
    Q_INVOKABLE void addSite();
    Q_INVOKABLE void removeSite(int index);
    Q_INVOKABLE void setSiteName(int index, const QString &name);
    Q_INVOKABLE void setSiteJurisdiction(int index, const QString &key);
    // "none", "intervention" or "control": the site's study arm.
    Q_INVOKABLE void setSiteArm(int index, const QString &key);
    // Validates and saves as a new version of the project; errorString says which field is wrong.
    Q_INVOKABLE bool save();

    // The sentence for a domain::Projects::validate refusal (its detail names the field).
    static QString validationText(const QString &detail);

signals:
    void draftChanged();
    void sitesChanged();
    void messageChanged();
    void saved();

private:
    template <typename T> void change(T &field, const T &value);
    void setMessages(std::function<QString()> error, std::function<QString()> info);

    Session &m_session;
    domain::Project m_saved;
    QString m_name;
    domain::ProjectSettings m_settings;
    std::function<QString()> m_errorText;
    std::function<QString()> m_infoText;
};

} // namespace samla::ui
