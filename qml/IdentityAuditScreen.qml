import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// For the data protection officer: every identity look-up (device, time, code, purpose), no names.
Item {
    id: screen
    objectName: "identityAuditScreen"
    readonly property string title: qsTr("Identity look-ups")

    Component.onCompleted: IdentityLookup.refreshLookups()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        BodyText {
            objectName: "auditSummary"
            color: Theme.textMuted
            text: qsTr("%n look-up(s) of who is behind a code, newest first, from every device that has synced its audit log. Names are never recorded here.", "", IdentityLookup.lookupCount)
        }
        BodyText {
            objectName: "dataManagers"
            Layout.fillWidth: true
            text: IdentityLookup.dataManagersText
        }

        ListView {
            id: list
            objectName: "lookupList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.smallSpacing
            model: IdentityLookup.lookups
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {
                width: 12
            }
            delegate: Rectangle {
                id: row
                required property string when
                required property string device
                required property string code
                required property string purpose
                width: ListView.view.width - 16
                implicitHeight: rowColumn.implicitHeight + 2 * Theme.smallSpacing
                radius: Theme.radius / 2
                color: Theme.surface
                border.color: Theme.divider
                ColumnLayout {
                    id: rowColumn
                    anchors.fill: parent
                    anchors.margins: Theme.smallSpacing
                    anchors.leftMargin: Theme.spacing
                    spacing: 2
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        Label {
                            objectName: "lookupCode"
                            text: row.code
                            font.pixelSize: Theme.fontBody
                            font.family: Theme.monoFamily
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }
                        Label {
                            Layout.fillWidth: true
                            text: row.purpose
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                            wrapMode: Text.WordWrap
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("%1 · device %2").arg(row.when).arg(row.device)
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                        wrapMode: Text.WordWrap
                    }
                }
            }

            Label {
                objectName: "lookupsEmpty"
                anchors.centerIn: parent
                width: parent.width * 0.8
                visible: list.count === 0
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                color: Theme.textMuted
                text: qsTr("No identity has been looked up yet.")
            }
        }
    }
}
