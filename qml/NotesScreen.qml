import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// The field notes of the project, newest first, with search as you type.
Item {
    id: screen
    objectName: "notesScreen"
    readonly property string title: qsTr("Field notes")
    property bool exportOpen: false

    function openNote(id) {
        if (NoteEditor.openNote(id))
            Navigator.push("editor")
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            AppTextField {
                id: searchField
                objectName: "searchField"
                Layout.fillWidth: true
                placeholderText: qsTr("Search notes")
                Accessible.name: qsTr("Search notes")
                text: Notebook.searchQuery
                inputMethodHints: Qt.ImhNoPredictiveText
                rightPadding: clearButton.visible ? clearButton.width + Theme.smallSpacing : Theme.smallSpacing * 1.5
                onTextEdited: Notebook.searchQuery = text
                onAccepted: Notebook.searchNow()

                // Inside the field, so showing it never shifts the row.
                AppButton {
                    id: clearButton
                    objectName: "clearSearchButton"
                    flat: true
                    visible: searchField.text !== ""
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    height: searchField.height - 4
                    font.pixelSize: Theme.fontSmall
                    focusPolicy: Qt.NoFocus
                    text: qsTr("Clear")
                    Accessible.name: qsTr("Clear search")
                    onClicked: {
                        Notebook.searchQuery = ""
                        Notebook.searchNow()
                    }
                }
            }
            AppButton {
                objectName: "newNoteButton"
                primary: true
                text: qsTr("New note")
                onClicked: {
                    NoteEditor.newNote()
                    Navigator.push("editor")
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                objectName: "notesSummary"
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
                text: Notebook.notes.searching
                      ? qsTr("%n note(s) found", "", Notebook.notes.totalCount)
                      : qsTr("%n field note(s), newest first", "", Notebook.noteCount)
            }
            AppButton {
                objectName: "exportToggleButton"
                flat: true
                text: exportPanel.visible ? qsTr("Close export") : qsTr("Export for analysis")
                Accessible.name: text
                onClicked: {
                    if (exportPanel.visible) {
                        screen.exportOpen = false
                        Notebook.clearExportMessage()
                    } else {
                        screen.exportOpen = true
                    }
                }
            }
        }

        // The REFI-QDA export: the project's notes, memos, codes and participants
        // (by code) as one .qdpx file that QDA software opens.
        Rectangle {
            id: exportPanel
            objectName: "exportPanel"
            Layout.fillWidth: true
            visible: screen.exportOpen || Notebook.exportMessage !== ""
            implicitHeight: exportColumn.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius / 2
            color: "transparent"
            border.color: Theme.border
            border.width: 1

            ColumnLayout {
                id: exportColumn
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: Theme.smallSpacing
                BodyText {
                    text: qsTr("Save this project's field notes, memos, codes and participants (by code, as cases) as one REFI-QDA file (.qdpx) that NVivo, ATLAS.ti, MAXQDA and QualCoder open. Names from the identity vault are never included.")
                }
                FieldLabel {
                    text: qsTr("Save in this folder")
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    AppTextField {
                        objectName: "qdpxFolderField"
                        Layout.fillWidth: true
                        text: Notebook.exportDirectory
                        Accessible.name: qsTr("Export folder")
                        onEditingFinished: Notebook.exportDirectory = text.trim()
                    }
                    AppButton {
                        objectName: "exportQdpxButton"
                        primary: true
                        text: qsTr("Export .qdpx")
                        onClicked: Notebook.exportQdpx()
                    }
                }
                MessageBanner {
                    objectName: "qdpxMessage"
                    error: Notebook.exportMessageIsError
                    text: Notebook.exportMessage
                }
            }
        }

        ListView {
            id: list
            objectName: "notesList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.smallSpacing
            model: Notebook.notes
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {
                width: 12
            }
            delegate: NoteListDelegate {
                width: ListView.view.width - 16
                noteId: model.noteId
                titleRich: model.titleRich
                snippetRich: model.snippetRich
                updated: model.updated
                onClicked: screen.openNote(noteId)
            }

            Label {
                objectName: "notesEmpty"
                anchors.centerIn: parent
                width: parent.width * 0.8
                visible: list.count === 0
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                color: Theme.textMuted
                text: Notebook.notes.searching
                      ? qsTr("No notes match \"%1\".").arg(Notebook.searchQuery)
                      : qsTr("No notes yet. Tap New note to write one.")
            }
        }
        MessageBanner {
            text: Notebook.errorString
        }
    }
}
