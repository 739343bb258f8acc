import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// The bar on every unlocked screen: Back, the screen's name, a quick note and
// Lock (always reachable).
ToolBar {
    id: header
    property string title

    implicitHeight: Theme.controlHeight + 2 * Theme.smallSpacing
    background: Rectangle {
        color: Theme.header
    }

    QuickNoteDialog {
        id: quickNote
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.smallSpacing
        anchors.rightMargin: Theme.smallSpacing
        spacing: Theme.smallSpacing

        AppButton {
            objectName: "backButton"
            visible: Navigator.canGoBack
            text: qsTr("‹ Back")
            Accessible.name: qsTr("Back")
            onClicked: Navigator.back()
        }
        Label {
            objectName: "headerTitle"
            Layout.fillWidth: true
            Layout.leftMargin: Navigator.canGoBack ? 0 : Theme.smallSpacing
            text: header.title
            elide: Text.ElideRight
            font.pixelSize: Theme.fontHeading
            font.weight: Font.Bold
            color: Theme.textOnAccent
            Accessible.role: Accessible.Heading
        }
        AppButton {
            objectName: "quickNoteButton"
            text: qsTr("+ Note")
            Accessible.name: qsTr("Quick note")
            Accessible.description: qsTr("Write a note without leaving this screen.")
            onClicked: quickNote.open()
        }
        AppButton {
            objectName: "lockButton"
            text: qsTr("Lock")
            Accessible.description: qsTr("Close your data now. You will need your passphrase to open it again.")
            onClicked: Session.lock()
        }
    }
}
