import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// One text in each of a consent form's languages: side by side when there is
// room, one above the other when not; a problem shows under its own language.
Grid {
    id: field
    property var languages: []
    property var values: ({})
    property var problems: ({})
    // The problem key of a language is problemPrefix + language, e.g. "title.sv".
    property string problemPrefix
    property string namePrefix
    property string accessibleName
    property bool multiline: false
    signal edited(string language, string text)

    Layout.fillWidth: true
    columns: languages.length > 1 && width >= Math.round(900 * Theme.scale) ? languages.length : 1
    columnSpacing: Theme.spacing
    rowSpacing: Theme.smallSpacing
    readonly property real cellWidth: (width - (columns - 1) * columnSpacing) / columns

    Repeater {
        model: field.languages
        Column {
            id: cell
            required property string modelData
            readonly property string problem: field.problems[field.problemPrefix + modelData] || ""
            width: field.cellWidth
            spacing: Math.round(Theme.smallSpacing / 2)

            Label {
                width: parent.width
                visible: field.languages.length > 1
                text: cell.modelData === "sv" ? "Svenska" : "English"
                font.pixelSize: Theme.fontSmall
                font.weight: Font.DemiBold
                color: Theme.textMuted
            }
            AppTextField {
                objectName: field.multiline ? "" : field.namePrefix + cell.modelData
                visible: !field.multiline
                width: parent.width
                text: field.values[cell.modelData] || ""
                Accessible.name: field.accessibleName + " (" + cell.modelData + ")"
                onTextEdited: field.edited(cell.modelData, text)
            }
            TextArea {
                id: area
                objectName: field.multiline ? field.namePrefix + cell.modelData : ""
                visible: field.multiline
                width: parent.width
                text: field.values[cell.modelData] || ""
                wrapMode: TextEdit.Wrap
                font.pixelSize: Theme.fontBody
                color: Theme.text
                selectByMouse: true
                padding: Theme.smallSpacing * 1.5
                Accessible.name: field.accessibleName + " (" + cell.modelData + ")"
                // TextArea has no textEdited: what changes while it has focus is typed.
                onTextChanged: {
                    if (field.multiline && activeFocus)
                        field.edited(cell.modelData, text)
                }
                background: Rectangle {
                    implicitHeight: Theme.controlHeight * 2
                    radius: Theme.radius / 2
                    color: Theme.surface
                    border.width: area.activeFocus ? 2 : 1
                    border.color: cell.problem !== "" ? Theme.danger : area.activeFocus ? Theme.accent : Theme.border
                }
            }
            Label {
                objectName: field.namePrefix + cell.modelData + "_problem"
                width: parent.width
                visible: cell.problem !== ""
                text: cell.problem
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontSmall
                color: Theme.danger
            }
        }
    }
}
