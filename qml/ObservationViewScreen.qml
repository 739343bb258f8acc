import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// A stopped or finalised session, read only: what the stop did, finalising, and every event in force.
ScrollPage {
    id: screen
    objectName: "observationViewScreen"
    readonly property string title: qsTr("Observation session")
    property bool confirming: false
    maxWidth: 1100
    // Column widths shared by the heads and the rows.
    readonly property int offsetWidth: Math.round(125 * Theme.scale)
    readonly property int timeWidth: Math.round(115 * Theme.scale)

    ScreenTitle {
        text: ObservationLive.title
    }
    BodyText {
        color: Theme.textMuted
        text: ObservationLive.contextText
    }
    BodyText {
        objectName: "viewState"
        font.weight: Font.DemiBold
        color: ObservationLive.finalised ? Theme.success : "#8a6100"
        text: ObservationLive.stateText
    }
    MessageBanner {
        objectName: "viewError"
        text: ObservationLive.errorString
    }
    MessageBanner {
        objectName: "viewInfo"
        error: false
        text: ObservationLive.infoString
    }
    Rectangle {
        Layout.fillWidth: true
        visible: ObservationLive.summaryText !== ""
        implicitHeight: summary.implicitHeight + 2 * Theme.spacing
        radius: Theme.radius / 2
        color: Theme.surface
        border.color: Theme.divider
        BodyText {
            id: summary
            objectName: "stopSummary"
            anchors.fill: parent
            anchors.margins: Theme.spacing
            text: ObservationLive.summaryText
        }
    }

    // Finalising cannot be taken back, so it asks once more.
    RowLayout {
        Layout.fillWidth: true
        visible: ObservationLive.stopped && !screen.confirming
        spacing: Theme.spacing
        BodyText {
            Layout.fillWidth: true
            color: Theme.textMuted
            text: qsTr("Check the events below. Finalise when they are right: after that the session cannot be changed.")
        }
        AppButton {
            objectName: "finaliseButton"
            primary: true
            text: qsTr("Finalise…")
            onClicked: screen.confirming = true
        }
    }
    Rectangle {
        Layout.fillWidth: true
        visible: ObservationLive.stopped && screen.confirming
        implicitHeight: confirmColumn.implicitHeight + 2 * Theme.spacing
        radius: Theme.radius / 2
        color: "#fff7e0"
        border.color: "#8a6100"
        ColumnLayout {
            id: confirmColumn
            anchors.fill: parent
            anchors.margins: Theme.spacing
            spacing: Theme.smallSpacing
            BodyText {
                font.weight: Font.DemiBold
                text: qsTr("Finalise this session? Its events can no longer be changed or undone. A correction will be a new version.")
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacing
                AppButton {
                    objectName: "cancelFinaliseButton"
                    text: qsTr("Cancel")
                    onClicked: screen.confirming = false
                }
                AppButton {
                    objectName: "confirmFinaliseButton"
                    primary: true
                    text: qsTr("Finalise session")
                    onClicked: {
                        ObservationLive.finalise()
                        screen.confirming = false
                    }
                }
            }
        }
    }

    AppButton {
        objectName: "sessionSummaryButton"
        text: qsTr("Summary and export")
        onClicked: {
            ObservationReports.showSession(ObservationLive.sessionId)
            Navigator.push("observationSummary")
        }
    }

    SectionHeading {
        text: qsTr("Events (%1)").arg(ObservationLive.eventCount)
    }
    BodyText {
        visible: ObservationLive.eventCount === 0
        color: Theme.textMuted
        text: qsTr("No events were coded in this session.")
    }
    // Column heads, in the same widths as the rows.
    RowLayout {
        Layout.fillWidth: true
        visible: ObservationLive.eventCount > 0
        spacing: Theme.spacing
        Label {
            Layout.preferredWidth: screen.offsetWidth
            Layout.maximumWidth: screen.offsetWidth
            elide: Text.ElideRight
            text: qsTr("Observed")
            font.pixelSize: Theme.fontSmall
            font.weight: Font.Bold
            color: Theme.textMuted
        }
        Label {
            Layout.preferredWidth: screen.timeWidth
            Layout.maximumWidth: screen.timeWidth
            elide: Text.ElideRight
            text: qsTr("Local time")
            font.pixelSize: Theme.fontSmall
            font.weight: Font.Bold
            color: Theme.textMuted
        }
        Label {
            Layout.fillWidth: true
            Layout.leftMargin: Math.round(12 * Theme.scale) + Theme.spacing
            text: qsTr("What · who · modifiers")
            font.pixelSize: Theme.fontSmall
            font.weight: Font.Bold
            color: Theme.textMuted
        }
    }
    // A positioner, not a layout, holds the rows: the model resets on every change.
    Column {
        Layout.fillWidth: true
        Repeater {
            model: ObservationLive.events
            Rectangle {
                id: eventRow
                required property int index
                required property string offset
                required property string localTime
                required property string what
                required property string subject
                required property string modifiers
                required property string comment
                required property string behaviourColor
                objectName: "event_" + index
                width: parent.width
                height: eventLine.implicitHeight + Theme.smallSpacing * 2
                color: index % 2 ? Theme.background : Theme.surface
                RowLayout {
                    id: eventLine
                    anchors.fill: parent
                    anchors.leftMargin: Theme.smallSpacing
                    anchors.rightMargin: Theme.smallSpacing
                    spacing: Theme.spacing
                    Label {
                        Layout.preferredWidth: screen.offsetWidth - Theme.smallSpacing
                        text: eventRow.offset
                        font.pixelSize: Theme.fontBody
                        font.family: Theme.monoFamily
                        color: Theme.text
                    }
                    Label {
                        Layout.preferredWidth: screen.timeWidth
                        text: eventRow.localTime
                        font.pixelSize: Theme.fontBody
                        font.family: Theme.monoFamily
                        color: Theme.textMuted
                    }
                    Rectangle {
                        Layout.alignment: Qt.AlignVCenter
                        implicitWidth: Math.round(12 * Theme.scale)
                        implicitHeight: implicitWidth
                        radius: width / 2
                        color: eventRow.behaviourColor !== "" ? eventRow.behaviourColor : "transparent"
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                        text: [eventRow.what, eventRow.subject, eventRow.modifiers, eventRow.comment]
                              .filter(s => s !== "").join(" · ")
                    }
                }
            }
        }
    }
}
