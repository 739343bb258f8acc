import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// Home: the project, how many notes it has, and big buttons to the main tasks.
ScrollPage {
    id: screen
    objectName: "homeScreen"
    readonly property string title: qsTr("Home")
    maxWidth: Math.round(900 * Theme.scale)

    ScreenTitle {
        objectName: "projectNameLabel"
        text: Notebook.projectName
    }
    BodyText {
        visible: Notebook.demoProject
        color: Theme.textMuted
        text: qsTr("Demo project: example notes to try Samla with. Nothing here is real data.")
    }
    BodyText {
        objectName: "noteCountLabel"
        font.pixelSize: Theme.fontHeading
        text: qsTr("%n field note(s)", "", Notebook.noteCount)
    }

    GridLayout {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacing
        columns: screen.width > 720 ? 2 : 1
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing

        BigButton {
            objectName: "notesButton"
            Layout.fillWidth: true
            primary: true
            text: qsTr("Field notes")
            description: qsTr("Read, search and edit your notes")
            onClicked: Navigator.push("notes")
        }
        BigButton {
            objectName: "newNoteButton"
            Layout.fillWidth: true
            primary: true
            text: qsTr("New note")
            description: qsTr("Start writing straight away")
            onClicked: {
                NoteEditor.newNote()
                Navigator.push("editor")
            }
        }
        BigButton {
            objectName: "participantsButton"
            Layout.fillWidth: true
            primary: true
            text: qsTr("Participants")
            description: qsTr("Enrol, take consent, see each consent timeline")
            onClicked: Navigator.push("participants")
        }
        BigButton {
            objectName: "consentFormsButton"
            Layout.fillWidth: true
            text: qsTr("Consent forms")
            description: qsTr("Write or import forms; every version is kept as published")
            onClicked: Navigator.push("forms")
        }
        BigButton {
            objectName: "observationButton"
            Layout.fillWidth: true
            primary: true
            text: qsTr("Observation")
            description: qsTr("Code a live session: QuIS, co-production meetings")
            onClicked: Navigator.push("observations")
        }
        BigButton {
            objectName: "syncButton"
            Layout.fillWidth: true
            text: qsTr("Sync")
            description: SyncController.joined ? SyncController.lastSyncText
                                               : qsTr("Join your project's server with an enrolment code")
            onClicked: Navigator.push("sync")
        }
        BigButton {
            objectName: "projectsButton"
            Layout.fillWidth: true
            text: qsTr("Projects")
            description: qsTr("Open another case study or create a new project")
            onClicked: Navigator.push("projects")
        }
        BigButton {
            objectName: "projectButton"
            Layout.fillWidth: true
            text: qsTr("Project settings")
            description: qsTr("Sites, languages, lawful basis, withdrawal, re-consent")
            onClicked: Navigator.push("project")
        }
        BigButton {
            objectName: "settingsButton"
            Layout.fillWidth: true
            text: qsTr("Settings")
            description: qsTr("Language, text size, automatic lock, passphrase")
            onClicked: Navigator.push("settings")
        }
        BigButton {
            objectName: "homeLockButton"
            Layout.fillWidth: true
            text: qsTr("Lock")
            description: qsTr("Close your data when you step away")
            onClicked: Session.lock()
        }
    }
    MessageBanner {
        text: Notebook.errorString
    }
}
