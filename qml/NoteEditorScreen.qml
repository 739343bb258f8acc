import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// Writing a note: title, text, Save (Ctrl+S), whether it is saved, its versions, photos and recordings.
Item {
    id: screen
    objectName: "noteEditorScreen"
    readonly property string title: NoteEditor.noteId === "" ? qsTr("New note") : qsTr("Edit note")

    Shortcut {
        sequences: [StandardKey.Save]
        onActivated: NoteEditor.save()
    }

    Component.onCompleted: {
        if (NoteEditor.noteId === "")
            titleField.forceActiveFocus()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.smallSpacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Rectangle {
                width: Math.round(14 * Theme.scale)
                height: width
                radius: width / 2
                color: NoteEditor.dirty ? "#c2410c" : Theme.success
                Accessible.ignored: true
            }
            Label {
                objectName: "saveStatus"
                Layout.fillWidth: true
                text: NoteEditor.statusText
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                color: NoteEditor.dirty ? "#9a3412" : Theme.success
            }
            AppButton {
                objectName: "detailsButton"
                text: qsTr("Details")
                Accessible.description: qsTr("Field note or memo, codes, site and participant.")
                onClicked: {
                    if (NoteEditor.save())
                        Navigator.push("noteDetails")
                }
            }
            AppButton {
                objectName: "versionsButton"
                enabled: NoteEditor.noteId !== ""
                text: qsTr("Versions")
                onClicked: {
                    NoteEditor.save()
                    Navigator.push("versions")
                }
            }
            AppButton {
                objectName: "saveButton"
                primary: true
                text: qsTr("Save")
                Accessible.description: qsTr("Saves a new version. Earlier versions are kept.")
                onClicked: NoteEditor.save()
            }
        }

        MessageBanner {
            objectName: "editorError"
            text: NoteEditor.errorString
        }

        FieldLabel {
            text: qsTr("Title")
        }
        AppTextField {
            id: titleField
            objectName: "titleField"
            Layout.fillWidth: true
            text: NoteEditor.title
            font.pixelSize: Theme.fontHeading
            Accessible.name: qsTr("Title")
            onTextEdited: NoteEditor.title = text
            onAccepted: noteArea.forceActiveFocus()
        }
        FieldLabel {
            text: qsTr("Note")
        }
        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: Theme.controlHeight * 3
            clip: true
            TextArea {
                id: noteArea
                objectName: "noteTextArea"
                text: NoteEditor.text
                wrapMode: TextEdit.Wrap
                font.pixelSize: Theme.fontBody
                color: Theme.text
                selectByMouse: true
                padding: Theme.spacing
                placeholderText: qsTr("Write what you observed…")
                placeholderTextColor: Theme.textMuted
                Accessible.name: qsTr("Note")
                onTextChanged: {
                    if (text !== NoteEditor.text)
                        NoteEditor.text = text
                }
                background: Rectangle {
                    radius: Theme.radius / 2
                    color: Theme.surface
                    border.width: noteArea.activeFocus ? 2 : 1
                    border.color: noteArea.activeFocus ? Theme.accent : Theme.border
                }
            }
        }
        FieldLabel {
            text: NoteMedia.attachmentCount > 0 ? qsTr("Photos and recordings (%1)").arg(NoteMedia.attachmentCount)
                                                : qsTr("Photos and recordings")
        }
        NoteMediaPanel {
            Layout.fillWidth: true
        }
    }
}
