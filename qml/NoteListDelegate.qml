import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Ui

// One note in the list: title, first line (or the search snippet) and when it was last saved.
ItemDelegate {
    id: delegate
    property string noteId
    property string titleRich
    property string snippetRich
    property string updated

    implicitHeight: Math.max(Theme.controlHeight * 1.5, column.implicitHeight + topPadding + bottomPadding)
    padding: Theme.spacing
    Accessible.name: titleText.text

    background: Rectangle {
        radius: Theme.radius
        color: delegate.down ? Theme.accentSoft : Theme.surface
        border.color: delegate.visualFocus ? Theme.accent : Theme.divider
        border.width: delegate.visualFocus ? 2 : 1
    }

    contentItem: ColumnLayout {
        id: column
        spacing: Theme.smallSpacing / 2
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Text {
                id: titleText
                objectName: "noteTitle"
                Layout.fillWidth: true
                textFormat: Text.RichText
                text: delegate.titleRich
                font.pixelSize: Theme.fontHeading
                font.weight: Font.DemiBold
                color: Theme.text
                wrapMode: Text.Wrap
            }
            Text {
                Layout.alignment: Qt.AlignTop
                text: delegate.updated
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
        }
        Text {
            objectName: "noteSnippet"
            Layout.fillWidth: true
            Layout.maximumHeight: Math.ceil(fontMetrics.height * 2.2)
            clip: true
            visible: text !== ""
            textFormat: Text.RichText
            text: delegate.snippetRich
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
            wrapMode: Text.Wrap
            FontMetrics {
                id: fontMetrics
                font.pixelSize: Theme.fontBody
            }
        }
    }
}
