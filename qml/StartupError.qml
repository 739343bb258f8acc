import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Shown instead of the app when Samla must not start (the encryption self-test failed).
// Uses no Samla services: none exist at this point.
ApplicationWindow {
    id: window
    objectName: "startupErrorWindow"
    property string message

    width: 720
    height: 480
    visible: true
    title: "Samla"
    color: "#ffffff"
    font.pixelSize: 18

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 32
        spacing: 20
        Label {
            Layout.fillWidth: true
            text: qsTr("Samla cannot start")
            font.pixelSize: 30
            font.bold: true
            color: "#1b1f24"
            wrapMode: Text.WordWrap
        }
        Label {
            objectName: "startupErrorMessage"
            Layout.fillWidth: true
            Layout.fillHeight: true
            text: window.message
            color: "#a4161a"
            wrapMode: Text.WordWrap
        }
        Button {
            Layout.alignment: Qt.AlignRight
            implicitHeight: 52
            text: qsTr("Close")
            onClicked: Qt.quit()
        }
    }
}
