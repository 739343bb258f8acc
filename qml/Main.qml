import QtQuick
import QtQuick.Controls.Basic
import Samla.Ui

// The app window. Everything inside is AppRoot, so tests can host the same UI in their own window.
ApplicationWindow {
    id: window
    objectName: "mainWindow"
    width: 1280
    height: 800
    minimumWidth: 360
    minimumHeight: 480
    visible: true
    title: "Samla"
    color: Theme.background
    font.pixelSize: Theme.fontBody

    AppRoot {
        anchors.fill: parent
    }
}
