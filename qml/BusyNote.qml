import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Ui

// A spinner with a sentence saying what Samla is doing.
RowLayout {
    id: busy
    property alias text: label.text
    property bool running: false

    Layout.fillWidth: true
    visible: running
    spacing: Theme.spacing
    BusyIndicator {
        running: busy.running
        Layout.preferredWidth: Theme.controlHeight
        Layout.preferredHeight: Theme.controlHeight
    }
    Label {
        id: label
        Layout.fillWidth: true
        font.pixelSize: Theme.fontBody
        color: Theme.text
        wrapMode: Text.WordWrap
    }
}
