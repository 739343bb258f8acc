// ProjectList: every project (case study) on this device, which one is open, switching, and creating one.
#pragma once

#include "errortext.h"

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>

class QQmlEngine;
class QJSEngine;

namespace samla::ui {

class Session;

// The rules for a name and a code prefix are domain::Projects::validate, worded
// by ProjectEditor::validationText; the rest of the settings are edited on the
// project screen after the project is created.
class ProjectList : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // [{id, name, codePrefix, demo, open, participants, notes}], the open one first.
    Q_PROPERTY(QVariantList projects READ projects NOTIFY projectsChanged)
    Q_PROPERTY(QString openProjectId READ openProjectId NOTIFY projectsChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY messageChanged)
public:
    // Filled in for a new project; the person checks it on the project screen.
    static QString defaultLawfulBasis();

    explicit ProjectList(Session &session, QObject *parent = nullptr);
    static ProjectList *create(QQmlEngine *qml, QJSEngine *js);

    QVariantList projects() const { return m_projects; }
    QString openProjectId() const;
    QString errorString() const { return m_errorText ? m_errorText() : QString(); }

    Q_INVOKABLE void refresh();
    // Shows the project everywhere (notes, participants, settings); remembered on this device.
    Q_INVOKABLE bool open(const QString &projectId);
    // Creates a project with a name and a participant code prefix and opens it.
    Q_INVOKABLE bool createProject(const QString &name, const QString &codePrefix);
    Q_INVOKABLE void clearError();

signals:
    void projectsChanged();
    void messageChanged();

private:
    void setError(std::function<QString()> text);

    Session &m_session;
    QVariantList m_projects;
    std::function<QString()> m_errorText;
};

} // namespace samla::ui
