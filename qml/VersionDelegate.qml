import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Ui

// One saved version of a note in the versions list.
ItemDelegate {
    id: delegate
    property int version
    property string saved
    property bool isCurrent
    property bool selected

    implicitHeight: Math.max(Theme.controlHeight, column.implicitHeight + topPadding + bottomPadding)
    padding: Theme.smallSpacing * 1.5
    Accessible.name: versionLabel.text

    background: Rectangle {
        radius: Theme.radius / 2
        color: delegate.selected ? Theme.accentSoft : (delegate.down ? Theme.background : Theme.surface)
        border.color: delegate.selected ? Theme.accent : Theme.divider
        border.width: delegate.selected ? 2 : 1
    }

    contentItem: ColumnLayout {
        id: column
        spacing: 2
        Label {
            id: versionLabel
            Layout.fillWidth: true
            text: delegate.isCurrent ? qsTr("Version %1 (current)").arg(delegate.version)
                                     : qsTr("Version %1").arg(delegate.version)
            font.pixelSize: Theme.fontBody
            font.weight: Font.DemiBold
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Saved %1").arg(delegate.saved)
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
            wrapMode: Text.WordWrap
        }
    }
}
