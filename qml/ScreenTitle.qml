import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Ui

// The big heading at the top of a screen.
Label {
    Layout.fillWidth: true
    font.pixelSize: Theme.fontTitle
    font.weight: Font.Bold
    color: Theme.text
    wrapMode: Text.WordWrap
    Accessible.role: Accessible.Heading
}
