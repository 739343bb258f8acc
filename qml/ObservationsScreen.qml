import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// The current project's observation sessions, newest first; a new one starts from here.
Item {
    id: screen
    objectName: "observationsScreen"
    readonly property string title: qsTr("Observation")

    Component.onCompleted: ObservationSetup.refresh()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                objectName: "observationsSummary"
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                color: Theme.textMuted
                text: qsTr("%1: %n observation session(s).", "", ObservationSetup.sessionCount)
                      .arg(ObservationSetup.projectName)
            }
            AppButton {
                objectName: "startSessionButton"
                primary: true
                text: qsTr("Start session")
                onClicked: {
                    ObservationSetup.reset()
                    Navigator.push("observationSetup")
                }
            }
        }

        // What a researcher does after sessions: summaries, agreement between observers, export.
        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing
            AppButton {
                objectName: "codingSchemesButton"
                text: qsTr("Coding schemes")
                onClicked: {
                    SchemeEditor.refresh()
                    Navigator.push("codingSchemes")
                }
            }
            AppButton {
                objectName: "summariesButton"
                visible: list.count > 0
                text: qsTr("Summaries and export")
                onClicked: {
                    ObservationReports.showAll()
                    Navigator.push("observationSummary")
                }
            }
            AppButton {
                objectName: "agreementButton"
                visible: list.count > 0
                text: qsTr("Observer agreement")
                onClicked: {
                    ObservationAgreement.refresh()
                    Navigator.push("observationAgreement")
                }
            }
        }

        MessageBanner {
            objectName: "observationsError"
            text: ObservationSetup.errorString
        }

        ListView {
            id: list
            objectName: "observationsList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.smallSpacing
            model: ObservationSetup.sessions
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {
                width: 12
            }
            delegate: ItemDelegate {
                id: row
                required property int index
                required property string sessionId
                required property string scheme
                required property string place
                required property string started
                required property string stateText
                required property string stateKey
                required property string observers
                required property string correcting
                objectName: "session_" + index
                width: ListView.view.width - 16
                padding: Theme.spacing
                implicitHeight: Math.max(Theme.controlHeight * 1.5, rowColumn.implicitHeight + topPadding + bottomPadding)
                Accessible.name: [scheme, started, stateText, correcting].filter(s => s !== "").join(", ")
                background: Rectangle {
                    radius: Theme.radius
                    color: row.down ? Theme.accentSoft : Theme.surface
                    border.color: row.visualFocus ? Theme.accent : Theme.divider
                    border.width: row.visualFocus ? 2 : 1
                }
                contentItem: ColumnLayout {
                    id: rowColumn
                    spacing: Theme.smallSpacing / 2
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        Text {
                            Layout.fillWidth: true
                            text: row.scheme
                            font.pixelSize: Theme.fontHeading
                            font.weight: Font.DemiBold
                            color: Theme.text
                            wrapMode: Text.WordWrap
                        }
                        Text {
                            text: row.stateText
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                            color: row.stateKey === "finalised" ? Theme.success
                                 : row.stateKey === "stopped" ? "#8a6100" : Theme.accent
                        }
                    }
                    Text {
                        Layout.fillWidth: true
                        text: [row.started, row.place, qsTr("Observers: %1").arg(row.observers)]
                              .filter(s => s !== "").join(" · ")
                        font.pixelSize: Theme.fontBody
                        color: Theme.textMuted
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        objectName: "correcting_" + row.index
                        Layout.fillWidth: true
                        visible: row.correcting !== ""
                        text: row.correcting
                        font.pixelSize: Theme.fontBody
                        font.weight: Font.DemiBold
                        color: "#8a6100"
                        wrapMode: Text.WordWrap
                    }
                }
                onClicked: {
                    if (!ObservationSetup.openSession(sessionId))
                        return
                    Navigator.push(ObservationLive.editable ? "observationLive" : "observationView")
                }
            }

            Label {
                objectName: "observationsEmpty"
                anchors.centerIn: parent
                width: parent.width * 0.8
                visible: list.count === 0
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                color: Theme.textMuted
                text: qsTr("No sessions yet. Start one when you begin observing: the clock runs from the start.")
            }
        }
    }
}
