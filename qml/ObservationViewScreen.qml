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
    property string correcting: ""     // "", "ask" (the reason), "discard"
    maxWidth: 1100
    // The versions of the session shown, and whether it can be corrected.
    readonly property string shownId: ObservationLive.sessionId
    onShownIdChanged: ObservationCorrection.showHistory(shownId)
    Component.onCompleted: ObservationCorrection.showHistory(shownId)
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
    MessageBanner {
        objectName: "versionNote"
        error: false
        text: ObservationCorrection.versionNote
    }
    MessageBanner {
        objectName: "correctionViewError"
        text: ObservationCorrection.errorString
    }
    MessageBanner {
        objectName: "correctionViewInfo"
        error: false
        text: ObservationCorrection.infoString
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

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing
        AppButton {
            objectName: "sessionSummaryButton"
            text: qsTr("Summary and export")
            onClicked: {
                ObservationReports.showSession(ObservationLive.sessionId)
                Navigator.push("observationSummary")
            }
        }
        // A finalised session is corrected as a new version, with a reason.
        AppButton {
            objectName: "correctSessionButton"
            visible: ObservationCorrection.canCorrect && screen.correcting === ""
            text: qsTr("Correct this session…")
            onClicked: {
                ObservationCorrection.clearMessages()
                screen.correcting = "ask"
            }
        }
        AppButton {
            objectName: "continueCorrectionButton"
            visible: ObservationCorrection.hasOpenCorrection && screen.correcting === ""
            primary: true
            text: qsTr("Continue correction")
            onClicked: {
                if (ObservationCorrection.continueCorrection())
                    Navigator.push("observationCorrection")
            }
        }
        AppButton {
            objectName: "discardOpenCorrectionButton"
            visible: ObservationCorrection.hasOpenCorrection && screen.correcting === ""
            text: qsTr("Discard correction…")
            onClicked: screen.correcting = "discard"
        }
    }
    Rectangle {
        objectName: "correctionPanel"
        Layout.fillWidth: true
        visible: screen.correcting !== ""
        implicitHeight: correctColumn.implicitHeight + 2 * Theme.spacing
        radius: Theme.radius / 2
        color: "#fff7e0"
        border.color: "#8a6100"
        ColumnLayout {
            id: correctColumn
            anchors.fill: parent
            anchors.margins: Theme.spacing
            spacing: Theme.smallSpacing
            BodyText {
                font.weight: Font.DemiBold
                text: screen.correcting === "discard"
                      ? qsTr("Discard the unfinished correction? Its changes are dropped; this version stays as it is.")
                      : qsTr("Correcting makes a new version of this session. This version stays unchanged and readable. Why is it corrected?")
            }
            FieldLabel {
                visible: screen.correcting === "ask"
                text: qsTr("Reason (required, kept with the correction)")
            }
            AppTextField {
                id: reasonField
                objectName: "correctionReasonField"
                visible: screen.correcting === "ask"
                Layout.fillWidth: true
                placeholderText: qsTr("e.g. an interaction at 10:42 was coded as neutral but was positive care")
                Accessible.name: qsTr("Reason")
            }
            FieldLabel {
                visible: screen.correcting === "ask"
                text: qsTr("Your initials")
            }
            AppTextField {
                id: byField
                objectName: "correctionByField"
                visible: screen.correcting === "ask"
                Layout.preferredWidth: Math.round(200 * Theme.scale)
                Accessible.name: qsTr("Your initials")
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacing
                AppButton {
                    objectName: "cancelCorrectionButton"
                    text: qsTr("Cancel")
                    onClicked: screen.correcting = ""
                }
                AppButton {
                    objectName: "beginCorrectionButton"
                    primary: screen.correcting === "ask"
                    danger: screen.correcting === "discard"
                    text: screen.correcting === "discard" ? qsTr("Discard correction") : qsTr("Start correction")
                    onClicked: {
                        if (screen.correcting === "discard") {
                            if (ObservationCorrection.discard()) {
                                screen.correcting = ""
                                ObservationSetup.refresh()
                            }
                        } else if (ObservationCorrection.begin(reasonField.text, byField.text)) {
                            screen.correcting = ""
                            reasonField.text = ""
                            ObservationSetup.refresh()
                            Navigator.push("observationCorrection")
                        }
                    }
                }
            }
        }
    }

    // Every version of the session: the first coded live, then each correction with why and by whom.
    SectionHeading {
        objectName: "versionsHeading"
        visible: ObservationCorrection.versions.length > 1
        text: qsTr("Versions (%1)").arg(ObservationCorrection.versions.length)
    }
    Column {
        Layout.fillWidth: true
        visible: ObservationCorrection.versions.length > 1
        spacing: Theme.smallSpacing
        Repeater {
            model: ObservationCorrection.versions
            Rectangle {
                id: versionRow
                required property int index
                required property var modelData
                objectName: "version_" + index
                width: parent.width
                height: versionLine.implicitHeight + 2 * Theme.smallSpacing
                radius: Theme.radius / 2
                color: modelData.shown ? Theme.accentSoft : Theme.surface
                border.color: modelData.shown ? Theme.accent : Theme.divider
                RowLayout {
                    id: versionLine
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.margins: Theme.smallSpacing
                    spacing: Theme.spacing
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            wrapMode: Text.WordWrap
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                            color: Theme.text
                            text: versionRow.modelData.title + " · " + versionRow.modelData.stateText
                                  + (versionRow.modelData.inForce ? " · " + qsTr("the record") : "")
                        }
                        Label {
                            Layout.fillWidth: true
                            wrapMode: Text.WordWrap
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                            text: versionRow.modelData.detail
                        }
                        Label {
                            objectName: "versionReason_" + versionRow.index
                            Layout.fillWidth: true
                            visible: text !== ""
                            wrapMode: Text.WordWrap
                            font.pixelSize: Theme.fontSmall
                            color: Theme.text
                            text: versionRow.modelData.reason
                        }
                    }
                    Label {
                        visible: versionRow.modelData.shown
                        font.pixelSize: Theme.fontSmall
                        font.weight: Font.DemiBold
                        color: Theme.accent
                        text: qsTr("Shown")
                    }
                    AppButton {
                        objectName: "openVersion_" + versionRow.index
                        visible: !versionRow.modelData.shown && versionRow.modelData.finalised
                        text: qsTr("Open")
                        Accessible.name: qsTr("Open %1").arg(versionRow.modelData.title)
                        onClicked: ObservationLive.open(versionRow.modelData.id)
                    }
                }
            }
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
