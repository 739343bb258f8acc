// ConsentFormEditor: the project's consent forms and their versions; authoring, import, export and publishing.
#pragma once

#include "app/domain/consentforms.h"

#include <QObject>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <functional>

class QQmlEngine;
class QJSEngine;

namespace samla::ui {

class AppSettings;
class Session;

// The rules of a valid form are domain::ConsentForms::validate; this class
// keeps a draft, names each problem beside its field in the user's language
// (every working language must be complete), and publishes the draft as a new
// immutable version. Published versions are only ever read.
class ConsentFormEditor : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // [{formId, versionId, title, number, date, hash, languages, versions: [{versionId, number, date, hash, consents}]}]
    Q_PROPERTY(QVariantList forms READ forms NOTIFY formsChanged)
    Q_PROPERTY(QString listErrorString READ listErrorString NOTIFY formsChanged)

    // The draft. formId is empty for a new form; baseNumber is the version it started from (0: none).
    Q_PROPERTY(QString formId READ formId NOTIFY draftLoaded)
    Q_PROPERTY(int baseNumber READ baseNumber NOTIFY draftLoaded)
    Q_PROPERTY(QStringList languages READ languages NOTIFY draftLoaded)
    Q_PROPERTY(QVariantMap title READ title NOTIFY draftLoaded)
    Q_PROPERTY(QVariantMap information READ information NOTIFY draftLoaded)
    // [{itemId, activity, required, text: {sv, en}}]
    Q_PROPERTY(QVariantList items READ items NOTIFY itemsChanged)
    Q_PROPERTY(QVariantList activityChoices READ activityChoices NOTIFY textsChanged)
    Q_PROPERTY(bool dirty READ dirty NOTIFY draftChanged)
    // field ("title.sv", "information.en", "items", "item.2.id", "item.2.text.sv") -> the problem in words
    Q_PROPERTY(QVariantMap problems READ problems NOTIFY problemsChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY messageChanged)
    Q_PROPERTY(QString infoString READ infoString NOTIFY messageChanged)

    Q_PROPERTY(QString importErrorString READ importErrorString NOTIFY importMessageChanged)
    Q_PROPERTY(QString importInfoString READ importInfoString NOTIFY importMessageChanged)
    Q_PROPERTY(
        QString exportDirectory READ exportDirectory WRITE setExportDirectory NOTIFY exportDirectoryChanged)
    // The version the last export message is about, so the message shows beside its button.
    Q_PROPERTY(QString exportVersionId READ exportVersionId NOTIFY exportMessageChanged)
    Q_PROPERTY(QString exportMessage READ exportMessage NOTIFY exportMessageChanged)
    Q_PROPERTY(bool exportFailed READ exportFailed NOTIFY exportMessageChanged)
    Q_PROPERTY(QString lastExportPath READ lastExportPath NOTIFY exportMessageChanged)

    // The version shown read-only: {versionId, number, date, hash, latest, latestNumber, consents, codes,
    // languages, language, title, information, items: [{itemId, text, required, activity}]}
    Q_PROPERTY(QVariantMap shown READ shown NOTIFY shownChanged)
    Q_PROPERTY(QString shownErrorString READ shownErrorString NOTIFY shownChanged)

public:
    ConsentFormEditor(Session &session, AppSettings &settings, QObject *parent = nullptr);
    static ConsentFormEditor *create(QQmlEngine *qml, QJSEngine *js);

    QVariantList forms() const;
    QString listErrorString() const { return m_listErrorText ? m_listErrorText() : QString(); }

    QString formId() const { return m_formId; }
    int baseNumber() const { return m_baseNumber; }
    QStringList languages() const { return m_languages; }
    QVariantMap title() const;
    QVariantMap information() const;
    QVariantList items() const;
    QVariantList activityChoices() const;
    bool dirty() const;
    QVariantMap problems() const;
    QString errorString() const;
    QString infoString() const { return m_infoText ? m_infoText() : QString(); }

    QString importErrorString() const { return m_importErrorText ? m_importErrorText() : QString(); }
    QString importInfoString() const { return m_importInfoText ? m_importInfoText() : QString(); }
    QString exportDirectory() const { return m_exportDirectory; }
    void setExportDirectory(const QString &dir);
    QString exportVersionId() const { return m_exportVersionId; }
    QString exportMessage() const { return m_exportText ? m_exportText() : QString(); }
    bool exportFailed() const { return m_exportFailed; }
    QString lastExportPath() const { return m_lastExportPath; }

    QVariantMap shown() const;
    QString shownErrorString() const { return m_shownErrorText ? m_shownErrorText() : QString(); }

    // Re-reads the project's forms and versions.
    Q_INVOKABLE void refresh();

    // A draft for a new form. A new form's unpublished draft is kept and continued.
    Q_INVOKABLE void newForm();
    // A draft from the latest version of formId; its own unpublished draft is kept and continued.
    Q_INVOKABLE bool editForm(const QString &formId);
    // Back to the version the draft started from (or an empty form).
    Q_INVOKABLE void discardChanges();
    Q_INVOKABLE void setTitle(const QString &language, const QString &text);
    Q_INVOKABLE void setInformation(const QString &language, const QString &text);
    Q_INVOKABLE void addItem();
    Q_INVOKABLE void removeItem(int index);
    Q_INVOKABLE void moveItem(int index, int delta);
    Q_INVOKABLE void setItemId(int index, const QString &id);
    Q_INVOKABLE void setItemActivity(int index, const QString &activityKey);
    Q_INVOKABLE void setItemRequired(int index, bool required);
    Q_INVOKABLE void setItemText(int index, const QString &language, const QString &text);
    // Publishes the draft as the next version. Problems are shown beside their fields and the
    // draft stays as it is; content the same as the latest version makes no version (infoString says so).
    Q_INVOKABLE bool publish();

    // A form from a JSON file (a path or a file: URL), published as a new form's version 1.
    Q_INVOKABLE bool importFile(const QString &pathOrUrl);
    // Writes the version's content as JSON into exportDirectory.
    Q_INVOKABLE bool exportVersion(const QString &versionId);

    // Shows a published version read-only, exactly as stored (its hash is checked).
    Q_INVOKABLE bool showVersion(const QString &versionId);
    Q_INVOKABLE void setShownLanguage(const QString &language);

    // The sentence for a domain::ConsentForms refusal (its detail names the problem).
    static QString issueText(const QString &detail);

signals:
    void formsChanged();
    void draftLoaded();
    void draftChanged();
    void itemsChanged();
    void textsChanged();
    void problemsChanged();
    void messageChanged();
    void importMessageChanged();
    void exportDirectoryChanged();
    void exportMessageChanged();
    void shownChanged();
    // A new version was published or imported.
    void published(const QString &versionId);

private:
    enum class ProblemKind { TitleMissing, InformationMissing, NoItems, IdInvalid, IdDuplicate, ItemTextMissing };
    struct Problem {
        QString field;
        ProblemKind kind;
        QString language;
        QString id;
    };
    QList<Problem> check() const;
    static QString problemText(const Problem &problem);
    domain::ConsentFormContent trimmedDraft() const;
    void loadDraft(const QString &formId, int baseNumber, const domain::ConsentFormContent &content);
    void changed(bool itemsToo = false);
    void setMessages(std::function<QString()> error, std::function<QString()> info);
    void setImportMessages(std::function<QString()> error, std::function<QString()> info);
    void setExportMessage(const QString &versionId, bool failed, std::function<QString()> text);
    QString formatDate(std::int64_t ms) const;
    QString titleIn(const domain::ConsentFormContent &content, const QString &preferred) const;
    QString newItemId(domain::Activity activity) const;

    Session &m_session;
    AppSettings &m_settings;

    // Every version of every form, grouped by form (newest form first, newest version first).
    QList<QList<domain::ConsentFormVersion>> m_forms;
    QHash<QString, QStringList> m_consentCodes; // version id -> participant codes, one per consent given with it
    std::function<QString()> m_listErrorText;

    QString m_projectId;
    QString m_formId;
    int m_baseNumber = 0;
    QStringList m_languages;
    domain::ConsentFormContent m_base;
    domain::ConsentFormContent m_draft;
    bool m_checking = false; // after a refused publish, problems follow every edit
    std::function<QString()> m_errorText;
    std::function<QString()> m_infoText;

    std::function<QString()> m_importErrorText;
    std::function<QString()> m_importInfoText;
    QString m_exportDirectory;
    QString m_exportVersionId;
    bool m_exportFailed = false;
    std::function<QString()> m_exportText;
    QString m_lastExportPath;

    std::optional<domain::ConsentFormVersion> m_shown;
    QString m_shownLanguage;
    std::function<QString()> m_shownErrorText;
};

} // namespace samla::ui
