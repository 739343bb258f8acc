import QtQuick
import QtQuick.Controls.Basic
import Samla.Ui

// A large home-screen button: a label and a short explanation under it.
AppButton {
    id: control
    property string description

    implicitHeight: Math.max(Theme.bigButtonHeight, implicitContentHeight + topPadding + bottomPadding)
    topPadding: Theme.spacing
    bottomPadding: Theme.spacing
    font.pixelSize: Theme.fontHeading

    // An Item with explicit implicit sizes: a Column would take its implicit
    // width from its children, whose width follows the button, and loop.
    contentItem: Item {
        implicitWidth: Math.max(label.implicitWidth, details.visible ? details.implicitWidth : 0)
        implicitHeight: label.height + (details.visible ? details.height + Theme.smallSpacing / 2 : 0)
        Text {
            id: label
            width: parent.width
            text: control.text
            font: control.font
            color: control.primary || control.danger ? Theme.textOnAccent : Theme.accent
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Text {
            id: details
            y: label.height + Theme.smallSpacing / 2
            width: parent.width
            visible: control.description !== ""
            text: control.description
            font.pixelSize: Theme.fontSmall
            color: control.primary || control.danger ? Theme.textOnAccent : Theme.textMuted
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
    }
}
