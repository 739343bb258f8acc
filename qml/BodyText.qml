import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Ui

// A paragraph of explanation that wraps to the available width.
Label {
    Layout.fillWidth: true
    font.pixelSize: Theme.fontBody
    color: Theme.text
    wrapMode: Text.WordWrap
    lineHeight: 1.15
}
