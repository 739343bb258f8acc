import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Ui

// A coding-scheme label in each of its languages ("" is one text for every
// language, as a file may give it): side by side when there is room, with the
// label's problem under the fields.
Column {
    id: field
    property var languages: []
    property var values: ({})
    property string problem
    property string namePrefix
    property string accessibleName
    property bool readOnly: false
    property bool multiline: false
    signal edited(string language, string text)

    Layout.fillWidth: true
    spacing: Math.round(Theme.smallSpacing / 2)

    function languageName(code) {
        return code === "sv" ? "Svenska" : code === "en" ? "English" : qsTr("Every language")
    }

    Grid {
        id: grid
        width: parent.width
        columns: field.languages.length > 1 && width >= Math.round(640 * Theme.scale) ? field.languages.length : 1
        columnSpacing: Theme.spacing
        rowSpacing: Theme.smallSpacing
        readonly property real cellWidth: (width - (columns - 1) * columnSpacing) / columns

        Repeater {
            model: field.languages
            Column {
                id: cell
                required property string modelData
                width: grid.cellWidth
                spacing: 2
                Label {
                    width: parent.width
                    visible: field.languages.length > 1
                    text: field.languageName(cell.modelData)
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                }
                AppTextField {
                    objectName: field.multiline ? "" : field.namePrefix + (cell.modelData === "" ? "all" : cell.modelData)
                    visible: !field.multiline
                    width: parent.width
                    readOnly: field.readOnly
                    text: field.values[cell.modelData] || ""
                    Accessible.name: field.accessibleName + " (" + field.languageName(cell.modelData) + ")"
                    onTextEdited: field.edited(cell.modelData, text)
                    // A long text shown, not typed, starts at its beginning.
                    onTextChanged: if (!activeFocus) cursorPosition = 0
                }
                TextArea {
                    id: area
                    objectName: field.multiline ? field.namePrefix + (cell.modelData === "" ? "all" : cell.modelData) : ""
                    visible: field.multiline
                    width: parent.width
                    readOnly: field.readOnly
                    text: field.values[cell.modelData] || ""
                    wrapMode: TextEdit.Wrap
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    selectByMouse: true
                    padding: Theme.smallSpacing * 1.5
                    Accessible.name: field.accessibleName + " (" + field.languageName(cell.modelData) + ")"
                    // TextArea has no textEdited: what changes while it has focus is typed.
                    onTextChanged: {
                        if (field.multiline && activeFocus)
                            field.edited(cell.modelData, text)
                    }
                    background: Rectangle {
                        implicitHeight: Theme.controlHeight
                        radius: Theme.radius / 2
                        color: area.readOnly ? Theme.background : Theme.surface
                        border.width: area.activeFocus ? 2 : 1
                        border.color: area.activeFocus ? Theme.accent : Theme.border
                    }
                }
            }
        }
    }
    Label {
        objectName: field.namePrefix + "problem"
        width: parent.width
        visible: text !== ""
        text: field.problem
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontSmall
        color: Theme.danger
    }
}
