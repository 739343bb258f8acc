import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Templates as T
import Samla.Core
import Samla.Ui

// A note jotted down from any screen without leaving it. The draft lives in
// Notebook: closing keeps it for later, locking saves it.
Popup {
    id: dialog
    objectName: "quickNoteDialog"
    parent: T.Overlay.overlay
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    width: parent ? Math.min(parent.width - 2 * Theme.spacing, Math.round(720 * Theme.scale)) : 0
    x: parent ? Math.round((parent.width - width) / 2) : 0
    y: Theme.controlHeight + 2 * Theme.spacing
    padding: Theme.spacing
    background: Rectangle {
        color: Theme.background
        radius: Theme.radius
        border.color: Theme.border
    }
    onOpened: quickArea.forceActiveFocus()
    // Locking closes it at once (the draft was saved and dropped by Notebook).
    Connections {
        target: Session
        function onStateChanged() {
            if (Session.state !== Session.Unlocked)
                dialog.close()
        }
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacing
        ScreenTitle {
            Layout.fillWidth: true
            text: qsTr("Quick note")
        }
        BodyText {
            color: Theme.textMuted
            text: qsTr("Saved among the notes of %1, titled with the time. Add details later under Field notes.")
                  .arg(Notebook.projectName)
        }
        MessageBanner {
            objectName: "quickNoteError"
            text: Notebook.quickError
        }
        MessageBanner {
            objectName: "quickNoteSaved"
            error: false
            text: Notebook.quickSavedText
        }
        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.controlHeight * 4
            clip: true
            TextArea {
                id: quickArea
                objectName: "quickNoteText"
                text: Notebook.quickText
                wrapMode: TextEdit.Wrap
                font.pixelSize: Theme.fontBody
                color: Theme.text
                selectByMouse: true
                padding: Theme.spacing
                placeholderText: qsTr("What did you see, hear or think?")
                placeholderTextColor: Theme.textMuted
                Accessible.name: qsTr("Quick note")
                onTextChanged: {
                    if (text !== Notebook.quickText)
                        Notebook.quickText = text
                }
                background: Rectangle {
                    radius: Theme.radius / 2
                    color: Theme.surface
                    border.width: quickArea.activeFocus ? 2 : 1
                    border.color: quickArea.activeFocus ? Theme.accent : Theme.border
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            AppButton {
                objectName: "quickNoteClose"
                text: qsTr("Close")
                Accessible.description: qsTr("Closes the note. What you typed is kept until you save it.")
                onClicked: dialog.close()
            }
            Item {
                Layout.fillWidth: true
            }
            AppButton {
                objectName: "quickNoteSave"
                primary: true
                text: qsTr("Save note")
                onClicked: Notebook.saveQuickNote()
            }
        }
    }
}
