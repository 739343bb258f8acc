import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Ui

// An error or confirmation message in a tinted box; hidden when there is no text.
Rectangle {
    id: banner
    property string text
    property bool error: true

    Layout.fillWidth: true
    visible: text !== ""
    implicitHeight: label.implicitHeight + 2 * Theme.spacing
    implicitWidth: 200
    radius: Theme.radius / 2
    color: error ? Theme.dangerSoft : Theme.successSoft
    border.color: error ? Theme.danger : Theme.success
    border.width: 1
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text

    Rectangle {
        width: 6
        height: parent.height
        radius: 2
        color: banner.error ? Theme.danger : Theme.success
    }

    Label {
        id: label
        objectName: banner.objectName + "Label"
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing + 6
        anchors.rightMargin: Theme.spacing
        anchors.topMargin: Theme.spacing
        anchors.bottomMargin: Theme.spacing
        text: banner.text
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontBody
        color: banner.error ? Theme.danger : Theme.success
    }
}
