// SchemeEditor: the coding schemes of the project (built in and its own); building, saving, import and
// export.
#pragma once

#include "app/observation/schemelibrary.h"

#include <QObject>
#include <QSet>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <functional>

class QQmlEngine;
class QJSEngine;

namespace samla::ui {

class AppSettings;
class Session;

// The rules of a sound scheme are observation::schemeIssues(); this class keeps
// a draft, names every problem beside its field in the user's language, and
// saves the draft as the scheme's next version through SchemeLibrary.
// Built-in schemes are shown read-only; a copy of one can be edited.
// Lists are edited by name: "categories", "behaviours", "modifiers", "roles", "groups".
class SchemeEditor : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // [{key, schemeId, name, description, version, builtIn, behaviours, date}]
    Q_PROPERTY(QVariantList schemes READ schemes NOTIFY schemesChanged)
    Q_PROPERTY(QString listErrorString READ listErrorString NOTIFY schemesChanged)
    Q_PROPERTY(QString listInfoString READ listInfoString NOTIFY schemesChanged)

    // The draft. key is empty for a new scheme; readOnly for a built-in one.
    Q_PROPERTY(QString key READ key NOTIFY draftLoaded)
    Q_PROPERTY(bool readOnly READ readOnly NOTIFY draftLoaded)
    Q_PROPERTY(bool idEditable READ idEditable NOTIFY draftLoaded)
    Q_PROPERTY(int baseVersion READ baseVersion NOTIFY draftLoaded)
    Q_PROPERTY(QStringList languages READ languages NOTIFY draftLoaded)
    Q_PROPERTY(QString schemeId READ schemeId NOTIFY draftLoaded)
    Q_PROPERTY(QVariantMap name READ name NOTIFY draftLoaded)
    Q_PROPERTY(QVariantMap description READ description NOTIFY draftLoaded)
    Q_PROPERTY(QString samplingSeconds READ samplingSeconds NOTIFY draftLoaded)
    Q_PROPERTY(bool participantSubjects READ participantSubjects NOTIFY listsChanged)
    // [{code, label: {sv, en}, ordered}]
    Q_PROPERTY(QVariantList categories READ categories NOTIFY listsChanged)
    // [{code, label, state, category, subject, color, modifiers: [codes]}]
    Q_PROPERTY(QVariantList behaviours READ behaviours NOTIFY listsChanged)
    // [{code, label, type, required, minimum, maximum, options: [{code, label}]}]
    Q_PROPERTY(QVariantList modifiers READ modifiers NOTIFY listsChanged)
    // [{code, label}]
    Q_PROPERTY(QVariantList roles READ roles NOTIFY listsChanged)
    // [{code, behaviours: [codes]}]
    Q_PROPERTY(QVariantList groups READ groups NOTIFY listsChanged)
    // What a behaviour's and a group's choices are made from: [{key, label}]
    Q_PROPERTY(QVariantList categoryChoices READ categoryChoices NOTIFY choicesChanged)
    Q_PROPERTY(QVariantList modifierChoices READ modifierChoices NOTIFY choicesChanged)
    Q_PROPERTY(QVariantList stateBehaviourChoices READ stateBehaviourChoices NOTIFY choicesChanged)
    Q_PROPERTY(QVariantList subjectChoices READ subjectChoices NOTIFY choicesChanged)
    Q_PROPERTY(QVariantList modifierTypeChoices READ modifierTypeChoices NOTIFY choicesChanged)
    // What refers to other codes, kept apart from the lists so a renamed code
    // updates the ticks without rebuilding the field being typed in:
    // per behaviour {category, modifiers: [codes]}; per group [behaviour codes].
    Q_PROPERTY(QVariantList behaviourLinks READ behaviourLinks NOTIFY choicesChanged)
    Q_PROPERTY(QVariantList groupMembers READ groupMembers NOTIFY choicesChanged)
    Q_PROPERTY(bool dirty READ dirty NOTIFY draftChanged)
    // a path of the scheme ("name", "behaviours[2].code", "exclusive_groups[0].behaviours") -> the problem in
    // words
    Q_PROPERTY(QVariantMap problems READ problems NOTIFY problemsChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY messageChanged)
    Q_PROPERTY(QString infoString READ infoString NOTIFY messageChanged)

    Q_PROPERTY(QString importErrorString READ importErrorString NOTIFY importMessageChanged)
    Q_PROPERTY(QString importInfoString READ importInfoString NOTIFY importMessageChanged)
    Q_PROPERTY(
        QString exportDirectory READ exportDirectory WRITE setExportDirectory NOTIFY exportDirectoryChanged)
    // The scheme the last export message is about, so the message shows beside its button.
    Q_PROPERTY(QString exportKey READ exportKey NOTIFY exportMessageChanged)
    Q_PROPERTY(QString exportMessage READ exportMessage NOTIFY exportMessageChanged)
    Q_PROPERTY(bool exportFailed READ exportFailed NOTIFY exportMessageChanged)
    Q_PROPERTY(QString lastExportPath READ lastExportPath NOTIFY exportMessageChanged)

public:
    SchemeEditor(Session &session, AppSettings &settings, QObject *parent = nullptr);
    static SchemeEditor *create(QQmlEngine *qml, QJSEngine *js);

    QVariantList schemes() const;
    QString listErrorString() const { return m_listErrorText ? m_listErrorText() : QString(); }
    QString listInfoString() const { return m_listInfoText ? m_listInfoText() : QString(); }

    QString key() const { return m_key; }
    bool readOnly() const { return m_readOnly; }
    bool idEditable() const { return !m_readOnly && m_key.isEmpty(); }
    int baseVersion() const { return m_base.version; }
    QStringList languages() const { return m_languages; }
    QString schemeId() const { return m_draft.id; }
    QVariantMap name() const;
    QVariantMap description() const;
    QString samplingSeconds() const { return m_samplingText; }
    bool participantSubjects() const { return m_draft.participantSubjects; }
    QVariantList categories() const;
    QVariantList behaviours() const;
    QVariantList modifiers() const;
    QVariantList roles() const;
    QVariantList groups() const;
    QVariantList categoryChoices() const;
    QVariantList modifierChoices() const;
    QVariantList stateBehaviourChoices() const;
    QVariantList subjectChoices() const;
    QVariantList modifierTypeChoices() const;
    QVariantList behaviourLinks() const;
    QVariantList groupMembers() const;
    bool dirty() const;
    QVariantMap problems() const;
    QString errorString() const;
    QString infoString() const { return m_infoText ? m_infoText() : QString(); }

    QString importErrorString() const { return m_importErrorText ? m_importErrorText() : QString(); }
    QString importInfoString() const { return m_importInfoText ? m_importInfoText() : QString(); }
    QString exportDirectory() const { return m_exportDirectory; }
    void setExportDirectory(const QString &dir);
    QString exportKey() const { return m_exportKey; }
    QString exportMessage() const { return m_exportText ? m_exportText() : QString(); }
    bool exportFailed() const { return m_exportFailed; }
    QString lastExportPath() const { return m_lastExportPath; }

    // Re-reads the project's schemes.
    Q_INVOKABLE void refresh();

    // A draft for a new scheme.
    Q_INVOKABLE void newScheme();
    // The latest version of a scheme in the list: editable when it is the project's, read-only when built in.
    Q_INVOKABLE bool openScheme(const QString &key);
    // An editable copy of any scheme in the list, under a new code; saved, it is a new scheme's version 1.
    Q_INVOKABLE bool duplicateScheme(const QString &key);
    Q_INVOKABLE void discardChanges();

    Q_INVOKABLE void setSchemeId(const QString &code);
    Q_INVOKABLE void setName(const QString &language, const QString &text);
    Q_INVOKABLE void setDescription(const QString &language, const QString &text);
    Q_INVOKABLE void setSamplingSeconds(const QString &text);
    Q_INVOKABLE void setParticipantSubjects(bool allowed);

    Q_INVOKABLE void add(const QString &list);
    Q_INVOKABLE void remove(const QString &list, int index);
    Q_INVOKABLE void move(const QString &list, int index, int delta);
    Q_INVOKABLE void setCode(const QString &list, int index, const QString &code);
    Q_INVOKABLE void setLabel(const QString &list, int index, const QString &language, const QString &text);
    Q_INVOKABLE void setCategoryOrdered(int index, bool ordered);
    Q_INVOKABLE void setBehaviourState(int index, bool state);
    Q_INVOKABLE void setBehaviourCategory(int index, const QString &category);
    Q_INVOKABLE void setBehaviourSubject(int index, const QString &rule);
    Q_INVOKABLE void setBehaviourColor(int index, const QString &color);
    Q_INVOKABLE void setBehaviourModifier(int index, const QString &modifier, bool on);
    Q_INVOKABLE void setModifierType(int index, const QString &type);
    Q_INVOKABLE void setModifierRequired(int index, bool required);
    // "minimum" or "maximum"; empty text is no bound.
    Q_INVOKABLE void setModifierBound(int index, const QString &which, const QString &text);
    Q_INVOKABLE void addOption(int modifier);
    Q_INVOKABLE void removeOption(int modifier, int option);
    Q_INVOKABLE void setOptionCode(int modifier, int option, const QString &code);
    Q_INVOKABLE void setOptionLabel(int modifier, int option, const QString &language, const QString &text);
    Q_INVOKABLE void setGroupMember(int index, const QString &behaviour, bool on);

    // Saves the draft as the scheme's next version (a new scheme's version 1).
    // Problems are shown beside their fields and the draft stays as it is.
    Q_INVOKABLE bool save();

    // A samla-coding-scheme JSON file (a path or a file: URL) into the project.
    Q_INVOKABLE bool importFile(const QString &pathOrUrl);
    // Writes the scheme's latest version as JSON into exportDirectory.
    Q_INVOKABLE bool exportScheme(const QString &key);
    // Puts a project scheme away (not offered for new sessions; sessions coded
    // with it keep it) or brings it back. The outcome shows on its card.
    Q_INVOKABLE bool archiveScheme(const QString &key);
    Q_INVOKABLE bool restoreScheme(const QString &key);
    // Removes a project scheme no session was coded with.
    Q_INVOKABLE bool removeScheme(const QString &key);

signals:
    void schemesChanged();
    void draftLoaded();
    void draftChanged();
    void listsChanged();
    void choicesChanged();
    void problemsChanged();
    void messageChanged();
    void importMessageChanged();
    void exportDirectoryChanged();
    void exportMessageChanged();
    // A scheme was saved or imported into the project.
    void saved(const QString &key);

private:
    struct Entry {
        QString key; // record id, or "builtin:<id>"
        bool builtIn = false;
        observation::SavedScheme saved;
        int sessions = 0; // the project's sessions coded with its code
    };
    bool setArchived(const QString &key, bool archived);
    const Entry *entry(const QString &key) const;
    void loadDraft(const QString &key, bool readOnly, const observation::CodingScheme &scheme);
    observation::CodingScheme trimmedDraft() const;
    void changed(bool lists = false, bool choices = false);
    void setMessages(std::function<QString()> error, std::function<QString()> info);
    void setImportMessages(std::function<QString()> error, std::function<QString()> info);
    void setExportMessage(const QString &key, bool failed, std::function<QString()> text);
    QString uniqueCode(const QString &base, const QStringList &taken) const;
    QString schemeName(const observation::CodingScheme &scheme) const;
    QString formatDate(std::int64_t ms) const;
    observation::Label *label(const QString &list, int index);

    // What refers to another item refers to the item, not to its code: a code
    // being retyped (and for a moment empty or taken) keeps every reference.
    // A code the scheme does not have (from a file) is kept as written.
    struct Ref {
        int index = -1; // into the list referred to; -1: `code` as written
        QString code;
        bool operator==(const Ref &) const = default;
    };
    Ref refTo(const QString &list, const QString &code) const;
    QString codeOf(const QString &list, const Ref &ref) const;
    void loadRefs();
    void writeRefs(); // the codes referred to, into m_draft
    void dropRefsTo(const QString &list, int index);
    void renumberRefs(const QString &list, const QList<int> &newIndexOf);
    QList<Ref> m_categoryRefs; // per behaviour; index -1 and no code: none
    QList<QList<Ref>> m_modifierRefs; // per behaviour
    QList<QList<Ref>> m_memberRefs; // per exclusive group, behaviours

    Session &m_session;
    AppSettings &m_settings;

    QList<Entry> m_entries; // built in first, then the project's by name
    std::function<QString()> m_listErrorText;
    std::function<QString()> m_listInfoText;

    QString m_projectId;
    QString m_key;
    bool m_readOnly = false;
    QStringList m_languages;
    observation::CodingScheme m_base;
    observation::CodingScheme m_draft;
    QString m_samplingText;
    QMap<QString, QString> m_boundTexts; // "modifiers[1].minimum" -> text as typed
    bool m_checking = false; // after a refused save, problems follow every edit
    std::function<QString()> m_saveProblem; // a refusal of the library that belongs to the code field
    std::function<QString()> m_errorText;
    std::function<QString()> m_infoText;

    std::function<QString()> m_importErrorText;
    std::function<QString()> m_importInfoText;
    QString m_exportDirectory;
    QString m_exportKey;
    bool m_exportFailed = false;
    std::function<QString()> m_exportText;
    QString m_lastExportPath;
};

} // namespace samla::ui
