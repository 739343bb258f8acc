import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Ui

// The label above a form field.
Label {
    Layout.fillWidth: true
    Layout.topMargin: Theme.smallSpacing
    font.pixelSize: Theme.fontLabel
    font.weight: Font.DemiBold
    color: Theme.text
    wrapMode: Text.WordWrap
}
