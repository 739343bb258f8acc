import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Ui

// A heading inside a screen, e.g. "Language" on the settings screen.
Label {
    Layout.fillWidth: true
    Layout.topMargin: Theme.spacing
    font.pixelSize: Theme.fontHeading
    font.weight: Font.Bold
    color: Theme.text
    wrapMode: Text.WordWrap
    Accessible.role: Accessible.Heading
}
