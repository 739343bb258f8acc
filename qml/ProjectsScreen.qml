import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// Every project (case study) on this device: open one with a tap, or create a new one.
ScrollPage {
    id: screen
    objectName: "projectsScreen"
    readonly property string title: qsTr("Projects")

    Component.onCompleted: {
        ProjectList.clearError()
        ProjectList.refresh()
    }

    BodyText {
        color: Theme.textMuted
        text: qsTr("Tap a project to open it. Notes, participants, consent and settings then show that project. "
                   + "This device remembers the one you chose.")
    }

    // A Column positioner, not the page's layout: its rows are rebuilt when the list changes.
    Column {
        objectName: "projectRows"
        Layout.fillWidth: true
        spacing: Theme.smallSpacing
        Repeater {
            model: ProjectList.projects
            BigButton {
                required property var modelData
                objectName: "projectRow_" + modelData.codePrefix
                width: parent.width
                primary: modelData.open
                text: modelData.name
                description: {
                    const parts = [qsTr("Code prefix %1").arg(modelData.codePrefix),
                                   qsTr("%n participant(s)", "", modelData.participants),
                                   qsTr("%n field note(s)", "", modelData.notes)]
                    if (modelData.demo)
                        parts.push(qsTr("demo"))
                    if (modelData.open)
                        parts.push(qsTr("open now"))
                    return parts.join(" · ")
                }
                Accessible.description: description
                onClicked: {
                    if (ProjectList.open(modelData.id))
                        Navigator.home()
                }
            }
        }
    }

    SectionHeading {
        text: qsTr("New project")
    }
    BodyText {
        color: Theme.textMuted
        text: qsTr("Give the project a name and a participant code prefix. Next you set its sites, working "
                   + "languages, lawful basis, withdrawal policy, retention and re-consent interval.")
    }
    FieldLabel {
        text: qsTr("Project name")
    }
    AppTextField {
        id: nameField
        objectName: "newProjectNameField"
        Layout.fillWidth: true
        onTextEdited: ProjectList.clearError()
    }
    FieldLabel {
        text: qsTr("Participant code prefix (1–4 capital letters)")
    }
    AppTextField {
        id: prefixField
        objectName: "newProjectPrefixField"
        Layout.preferredWidth: Math.round(160 * Theme.scale)
        inputMethodHints: Qt.ImhUppercaseOnly | Qt.ImhNoPredictiveText
        onTextEdited: ProjectList.clearError()
    }
    MessageBanner {
        objectName: "projectsError"
        text: ProjectList.errorString
    }
    AppButton {
        objectName: "createProjectButton"
        primary: true
        text: qsTr("Create and set up")
        onClicked: {
            if (ProjectList.createProject(nameField.text, prefixField.text)) {
                nameField.clear()
                prefixField.clear()
                Navigator.push("project")
            }
        }
    }
}
