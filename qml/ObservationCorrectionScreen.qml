import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// A correction of a finalised session: its events in order, each one changed
// or removed, missed ones added at their time, then finalised as a new version.
ScrollPage {
    id: screen
    objectName: "observationCorrectionScreen"
    readonly property string title: qsTr("Correct a session")
    property string confirming: ""      // "", "finalise", "discard"
    property string removing: ""        // the event id asked about
    maxWidth: 1100
    readonly property int offsetWidth: Math.round(95 * Theme.scale)
    readonly property int timeWidth: Math.round(105 * Theme.scale)

    // After finalising, the new version is the one shown.
    function afterFinalise() {
        ObservationLive.open(ObservationCorrection.newestId)
        ObservationSetup.refresh()
        Navigator.push("observationView")
    }

    component FieldHeading: Label {
        width: parent ? parent.width : implicitWidth
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontLabel
        font.weight: Font.DemiBold
        color: Theme.text
    }
    component Choice: AppButton {
        property bool chosen: false
        property string label
        // Marked, not only coloured: a chosen value must not look like an action.
        text: (chosen ? "✓ " : "") + label
        primary: chosen
        Accessible.checkable: true
        Accessible.checked: chosen
    }

    ScreenTitle {
        text: ObservationCorrection.title
    }
    BodyText {
        objectName: "correctionReason"
        font.weight: Font.DemiBold
        text: ObservationCorrection.reasonText
    }
    BodyText {
        color: Theme.textMuted
        text: ObservationCorrection.observedText
    }
    MessageBanner {
        objectName: "correctionError"
        text: ObservationCorrection.errorString
    }
    MessageBanner {
        objectName: "correctionInfo"
        error: false
        text: ObservationCorrection.infoString
    }
    MessageBanner {
        objectName: "unpairedText"
        text: ObservationCorrection.unpairedText
    }

    // The event being changed or added.
    Rectangle {
        objectName: "draftPanel"
        Layout.fillWidth: true
        visible: ObservationCorrection.draftMode !== ""
        implicitHeight: draftColumn.implicitHeight + 2 * Theme.spacing
        radius: Theme.radius / 2
        color: Theme.accentSoft
        border.color: Theme.accent
        border.width: 2
        Column {
            id: draftColumn
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: Theme.spacing
            spacing: Theme.smallSpacing

            Label {
                width: parent.width
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontHeading
                font.weight: Font.Bold
                color: Theme.text
                text: ObservationCorrection.draftTitle
            }

            // When: adding only (a change keeps the event's time).
            FieldHeading {
                visible: ObservationCorrection.draftMode === "add"
                text: qsTr("When")
            }
            Flow {
                width: parent.width
                visible: ObservationCorrection.draftMode === "add"
                spacing: Theme.smallSpacing
                Choice {
                    objectName: "timeModeOffset"
                    label: qsTr("Observed time")
                    chosen: ObservationCorrection.timeMode === "offset"
                    onClicked: ObservationCorrection.timeMode = "offset"
                }
                Choice {
                    objectName: "timeModeClock"
                    label: qsTr("Time of day")
                    chosen: ObservationCorrection.timeMode === "clock"
                    onClicked: ObservationCorrection.timeMode = "clock"
                }
            }
            Flow {
                width: parent.width
                visible: ObservationCorrection.draftMode === "add"
                spacing: Theme.spacing
                Column {
                    spacing: Theme.smallSpacing / 2
                    width: Math.min(draftColumn.width, Math.round(260 * Theme.scale))
                    FieldHeading {
                        text: ObservationCorrection.draftIsState ? qsTr("Start") : qsTr("Time")
                    }
                    AppTextField {
                        objectName: "draftTime"
                        width: parent.width
                        placeholderText: ObservationCorrection.timeMode === "clock" ? "10:42" : "12:30"
                        text: ObservationCorrection.draftTime
                        inputMethodHints: Qt.ImhPreferNumbers
                        Accessible.name: qsTr("Time")
                        onTextEdited: ObservationCorrection.draftTime = text
                    }
                }
                Column {
                    visible: ObservationCorrection.draftIsState
                    spacing: Theme.smallSpacing / 2
                    width: Math.min(draftColumn.width, Math.round(380 * Theme.scale))
                    FieldHeading {
                        text: qsTr("End (empty: when the session stopped)")
                    }
                    AppTextField {
                        objectName: "draftEndTime"
                        width: parent.width
                        text: ObservationCorrection.draftEndTime
                        inputMethodHints: Qt.ImhPreferNumbers
                        Accessible.name: qsTr("End")
                        onTextEdited: ObservationCorrection.draftEndTime = text
                    }
                }
            }
            Label {
                width: parent.width
                visible: text !== ""
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
                text: ObservationCorrection.draftTimeText
            }

            FieldHeading {
                visible: ObservationCorrection.behaviourChoices.length > 0
                text: qsTr("What")
            }
            Flow {
                width: parent.width
                spacing: Theme.smallSpacing
                Repeater {
                    model: ObservationCorrection.behaviourChoices
                    Choice {
                        required property var modelData
                        objectName: "draftBehaviour_" + modelData.key
                        label: modelData.isState ? qsTr("%1 (state)").arg(modelData.label) : modelData.label
                        chosen: ObservationCorrection.draftBehaviour === modelData.key
                        onClicked: ObservationCorrection.draftBehaviour = modelData.key
                    }
                }
            }

            FieldHeading {
                visible: ObservationCorrection.subjectChoices.length > 0
                text: qsTr("Who")
            }
            Flow {
                width: parent.width
                spacing: Theme.smallSpacing
                Repeater {
                    model: ObservationCorrection.subjectChoices
                    Choice {
                        required property var modelData
                        objectName: "draftSubject_" + modelData.key
                        label: modelData.taggable ? modelData.label : qsTr("%1 (cannot be tagged)").arg(modelData.label)
                        chosen: ObservationCorrection.draftSubject === modelData.key
                        opacity: modelData.taggable ? 1 : 0.6
                        onClicked: ObservationCorrection.draftSubject = modelData.key
                    }
                }
            }

            Repeater {
                model: ObservationCorrection.draftModifiers
                Column {
                    id: modifier
                    required property var modelData
                    readonly property bool choice: modelData.type === "single" || modelData.type === "multiple"
                    width: draftColumn.width
                    spacing: Theme.smallSpacing / 2
                    FieldHeading {
                        text: modifier.modelData.required ? qsTr("%1 (required)").arg(modifier.modelData.label)
                                                          : modifier.modelData.label
                    }
                    Flow {
                        width: parent.width
                        visible: modifier.choice
                        spacing: Theme.smallSpacing
                        Repeater {
                            model: modifier.modelData.options
                            Choice {
                                required property var modelData
                                objectName: "draftModifier_" + modifier.modelData.code + "_" + modelData.code
                                label: modelData.label
                                chosen: {
                                    const value = ObservationCorrection.draftValues[modifier.modelData.code]
                                    return modifier.modelData.type === "single" ? value === modelData.code
                                         : value !== undefined && value.indexOf(modelData.code) >= 0
                                }
                                onClicked: {
                                    if (modifier.modelData.type === "single")
                                        ObservationCorrection.setModifierValue(modifier.modelData.code, modelData.code)
                                    else
                                        ObservationCorrection.toggleModifierOption(modifier.modelData.code, modelData.code)
                                }
                            }
                        }
                    }
                    AppTextField {
                        objectName: "draftModifier_" + modifier.modelData.code
                        visible: !modifier.choice
                        width: Math.min(parent.width, Math.round(420 * Theme.scale))
                        text: modifier.choice ? "" : (ObservationCorrection.draftValues[modifier.modelData.code] || "")
                        inputMethodHints: modifier.modelData.type === "number" ? Qt.ImhFormattedNumbersOnly : Qt.ImhNone
                        Accessible.name: modifier.modelData.label
                        onTextEdited: ObservationCorrection.setModifierValue(modifier.modelData.code, text)
                    }
                }
            }

            FieldHeading {
                visible: !ObservationCorrection.draftIsState
                text: ObservationCorrection.draftIsNote ? qsTr("Note") : qsTr("Comment (optional)")
            }
            AppTextField {
                objectName: "draftComment"
                visible: !ObservationCorrection.draftIsState
                width: parent.width
                text: ObservationCorrection.draftComment
                Accessible.name: ObservationCorrection.draftIsNote ? qsTr("Note") : qsTr("Comment (optional)")
                onTextEdited: ObservationCorrection.draftComment = text
            }

            Flow {
                width: parent.width
                spacing: Theme.spacing
                AppButton {
                    objectName: "cancelDraftButton"
                    text: qsTr("Cancel")
                    onClicked: ObservationCorrection.cancelDraft()
                }
                AppButton {
                    objectName: "saveDraftButton"
                    primary: true
                    text: ObservationCorrection.draftMode === "add" ? qsTr("Add event") : qsTr("Save change")
                    onClicked: ObservationCorrection.saveDraft()
                }
            }
        }
    }

    Flow {
        Layout.fillWidth: true
        visible: ObservationCorrection.draftMode === "" && screen.confirming === ""
        spacing: Theme.spacing
        AppButton {
            objectName: "addEventButton"
            text: qsTr("Add a missed event")
            onClicked: ObservationCorrection.startAdd()
        }
        AppButton {
            objectName: "finaliseCorrectionButton"
            primary: true
            text: qsTr("Finalise correction…")
            onClicked: screen.confirming = "finalise"
        }
        AppButton {
            objectName: "discardCorrectionButton"
            text: qsTr("Discard correction…")
            onClicked: screen.confirming = "discard"
        }
    }

    // Finalising and discarding cannot be taken back, so each asks once more.
    Rectangle {
        Layout.fillWidth: true
        visible: screen.confirming !== ""
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
                text: screen.confirming === "discard"
                      ? qsTr("Discard this correction? Its changes are dropped; the finalised version stays as it is.")
                      : qsTr("Finalise this correction as the session's new version? Summaries, exports and agreement will use it. The earlier version stays unchanged and readable, and this one can only be corrected again as a new version.")
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacing
                AppButton {
                    objectName: "cancelConfirmButton"
                    text: qsTr("Cancel")
                    onClicked: screen.confirming = ""
                }
                AppButton {
                    objectName: "confirmCorrectionButton"
                    primary: screen.confirming === "finalise"
                    danger: screen.confirming === "discard"
                    text: screen.confirming === "discard" ? qsTr("Discard correction") : qsTr("Finalise correction")
                    onClicked: {
                        const what = screen.confirming
                        screen.confirming = ""
                        if (what === "discard") {
                            if (ObservationCorrection.discard()) {
                                ObservationSetup.refresh()
                                Navigator.back()
                            }
                        } else if (ObservationCorrection.finalise()) {
                            screen.afterFinalise()
                        }
                    }
                }
            }
        }
    }

    SectionHeading {
        text: qsTr("Events (%1)").arg(ObservationCorrection.rows.length)
    }
    BodyText {
        visible: ObservationCorrection.rows.length === 0
        color: Theme.textMuted
        text: qsTr("No events left. Add a missed event, or discard this correction.")
    }
    // A positioner, not a layout, holds the rows: they are rebuilt on every change.
    Column {
        Layout.fillWidth: true
        Repeater {
            model: ObservationCorrection.rows
            Rectangle {
                id: eventRow
                required property int index
                required property var modelData
                objectName: "correctionEvent_" + index
                width: parent.width
                height: rowColumn.implicitHeight + Theme.smallSpacing * 2
                color: modelData.problem !== "" ? Theme.dangerSoft : index % 2 ? Theme.background : Theme.surface
                ColumnLayout {
                    id: rowColumn
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.leftMargin: Theme.smallSpacing
                    anchors.rightMargin: Theme.smallSpacing
                    spacing: Theme.smallSpacing / 2
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        Label {
                            Layout.preferredWidth: screen.offsetWidth
                            Layout.alignment: Qt.AlignTop
                            text: eventRow.modelData.offset
                            font.pixelSize: Theme.fontBody
                            font.family: Theme.monoFamily
                            color: Theme.text
                        }
                        Label {
                            Layout.preferredWidth: screen.timeWidth
                            Layout.alignment: Qt.AlignTop
                            text: eventRow.modelData.localTime
                            font.pixelSize: Theme.fontBody
                            font.family: Theme.monoFamily
                            color: Theme.textMuted
                        }
                        Rectangle {
                            Layout.alignment: Qt.AlignTop
                            Layout.topMargin: Math.round(6 * Theme.scale)
                            implicitWidth: Math.round(12 * Theme.scale)
                            implicitHeight: implicitWidth
                            radius: width / 2
                            color: eventRow.modelData.color !== "" ? eventRow.modelData.color : "transparent"
                        }
                        Label {
                            objectName: "correctionEventText_" + eventRow.index
                            Layout.fillWidth: true
                            wrapMode: Text.WordWrap
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                            text: [eventRow.modelData.what, eventRow.modelData.subject, eventRow.modelData.modifiers,
                                   eventRow.modelData.comment].filter(s => s !== "").join(" · ")
                                  + (eventRow.modelData.mark !== "" ? "  " + eventRow.modelData.mark : "")
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: eventRow.modelData.problem !== ""
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.fontSmall
                        font.weight: Font.DemiBold
                        color: Theme.danger
                        text: eventRow.modelData.problem
                    }
                    Flow {
                        Layout.fillWidth: true
                        layoutDirection: Qt.RightToLeft
                        spacing: Theme.smallSpacing
                        visible: ObservationCorrection.draftMode === ""
                        AppButton {
                            objectName: "remove_" + eventRow.index
                            visible: eventRow.modelData.removable && screen.removing !== eventRow.modelData.id
                            text: qsTr("Remove")
                            onClicked: screen.removing = eventRow.modelData.id
                        }
                        AppButton {
                            objectName: "change_" + eventRow.index
                            visible: eventRow.modelData.changeable && screen.removing !== eventRow.modelData.id
                            text: qsTr("Change")
                            onClicked: {
                                screen.removing = ""
                                ObservationCorrection.startChange(eventRow.modelData.id)
                                screen.contentY = 0
                            }
                        }
                        AppButton {
                            objectName: "confirmRemove_" + eventRow.index
                            visible: screen.removing === eventRow.modelData.id
                            danger: true
                            text: eventRow.modelData.kind === "start" ? qsTr("Remove it and its end") : qsTr("Remove it")
                            onClicked: {
                                screen.removing = ""
                                ObservationCorrection.remove(eventRow.modelData.id)
                            }
                        }
                        AppButton {
                            visible: screen.removing === eventRow.modelData.id
                            text: qsTr("Keep it")
                            onClicked: screen.removing = ""
                        }
                    }
                }
            }
        }
    }
}
