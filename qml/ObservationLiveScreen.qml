import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// The live coding grid: the clock, who the next tap is about, a big button per
// behaviour, undo, a quick note, dissent, and interval prompts.
ScrollPage {
    id: screen
    objectName: "observationLiveScreen"
    readonly property string title: ObservationLive.title !== "" ? ObservationLive.title : qsTr("Observation")
    readonly property bool wide: width > 1000
    property bool confirmingStop: false
    maxWidth: 1400

    // The read-only view takes the live screen's place once the clock has stopped.
    function stopNow() {
        if (ObservationLive.stop()) {
            Navigator.back()
            Navigator.push("observationView")
        }
    }

    // The clock and the controls that change the session's state.
    Rectangle {
        Layout.fillWidth: true
        implicitHeight: statusRow.implicitHeight + 2 * Theme.spacing
        radius: Theme.radius
        color: ObservationLive.paused ? "#fff7e0" : Theme.surface
        border.color: ObservationLive.paused ? "#8a6100" : Theme.divider

        GridLayout {
            id: statusRow
            anchors.fill: parent
            anchors.margins: Theme.spacing
            columns: screen.wide ? 2 : 1
            columnSpacing: Theme.spacing
            rowSpacing: Theme.smallSpacing

            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                RowLayout {
                    spacing: Theme.spacing
                    Label {
                        objectName: "observationClock"
                        text: ObservationLive.clockText
                        font.pixelSize: Math.round(Theme.fontTitle * 1.5)
                        font.family: Theme.monoFamily
                        font.weight: Font.Bold
                        color: Theme.text
                        Accessible.name: qsTr("Observation time %1").arg(text)
                    }
                    Label {
                        objectName: "observationState"
                        text: ObservationLive.stateText
                        font.pixelSize: Theme.fontHeading
                        font.weight: Font.DemiBold
                        color: ObservationLive.paused ? "#8a6100" : Theme.success
                    }
                }
                BodyText {
                    objectName: "pausedText"
                    visible: text !== ""
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    text: ObservationLive.pausedText
                }
                BodyText {
                    visible: text !== ""
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    text: ObservationLive.contextText
                }
            }
            Flow {
                Layout.fillWidth: !screen.wide
                Layout.preferredWidth: screen.wide ? implicitWidth : -1
                Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
                spacing: Theme.smallSpacing
                AppButton {
                    objectName: "pauseButton"
                    visible: !ObservationLive.paused
                    enabled: ObservationLive.editable
                    text: qsTr("Pause")
                    onClicked: ObservationLive.pause()
                }
                AppButton {
                    objectName: "resumeButton"
                    visible: ObservationLive.paused
                    primary: true
                    text: qsTr("Resume")
                    onClicked: ObservationLive.resume()
                }
                AppButton {
                    objectName: "undoButton"
                    enabled: ObservationLive.editable && ObservationLive.eventCount > 0
                    text: qsTr("Undo last")
                    onClicked: ObservationLive.undo()
                }
                AppButton {
                    objectName: "stopButton"
                    danger: true
                    enabled: ObservationLive.editable
                    text: qsTr("Stop")
                    // Stop cannot be taken back, and it sits beside Undo: it asks once more.
                    onClicked: screen.confirmingStop = true
                }
            }
        }
    }

    Rectangle {
        objectName: "confirmStopPanel"
        Layout.fillWidth: true
        visible: screen.confirmingStop && ObservationLive.editable
        implicitHeight: stopColumn.implicitHeight + 2 * Theme.spacing
        radius: Theme.radius / 2
        color: Theme.dangerSoft
        border.color: Theme.danger
        ColumnLayout {
            id: stopColumn
            anchors.fill: parent
            anchors.margins: Theme.spacing
            spacing: Theme.smallSpacing
            BodyText {
                font.weight: Font.DemiBold
                text: qsTr("Stop the session? The clock cannot be started again; running states are ended at the stop.")
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacing
                AppButton {
                    objectName: "keepObservingButton"
                    text: qsTr("Keep observing")
                    onClicked: screen.confirmingStop = false
                }
                AppButton {
                    objectName: "confirmStopButton"
                    danger: true
                    text: qsTr("Stop session")
                    onClicked: {
                        screen.confirmingStop = false
                        screen.stopNow()
                    }
                }
            }
        }
    }

    // Interval prompts: a countdown, and a cue that cannot be missed when one falls due.
    Rectangle {
        id: prompt
        objectName: "promptBanner"
        Layout.fillWidth: true
        visible: ObservationLive.hasPrompts && ObservationLive.editable
        implicitHeight: promptRow.implicitHeight + 2 * Theme.smallSpacing
        radius: Theme.radius / 2
        color: ObservationLive.promptDue ? "#f59e0b" : Theme.accentSoft
        border.color: ObservationLive.promptDue ? "#8a4b00" : Theme.accent
        border.width: ObservationLive.promptDue ? 3 : 1

        SequentialAnimation on opacity {
            running: ObservationLive.promptDue
            loops: Animation.Infinite
            NumberAnimation { to: 0.55; duration: 450 }
            NumberAnimation { to: 1.0; duration: 450 }
            // Stopped half-way, it would leave the countdown faded.
            onRunningChanged: if (!running) prompt.opacity = 1.0
        }

        RowLayout {
            id: promptRow
            anchors.fill: parent
            anchors.margins: Theme.smallSpacing
            anchors.leftMargin: Theme.spacing
            spacing: Theme.spacing
            Label {
                objectName: "promptText"
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                font.pixelSize: ObservationLive.promptDue ? Theme.fontHeading : Theme.fontBody
                font.weight: ObservationLive.promptDue ? Font.Bold : Font.Normal
                color: Theme.text
                text: ObservationLive.promptDue ? qsTr("Prompt: observe and code what is happening now.")
                                                : ObservationLive.promptText
            }
            Label {
                objectName: "promptCueText"
                visible: ObservationLive.promptDue && ObservationLive.cueText !== ""
                Layout.maximumWidth: Math.round(prompt.width / 3)
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontSmall
                color: Theme.text
                text: ObservationLive.cueText
            }
            AppCheckBox {
                objectName: "promptSoundCheck"
                visible: !ObservationLive.promptDue
                text: qsTr("Sound")
                checked: AppSettings.promptSound
                Accessible.name: qsTr("Play a sound with each prompt")
                onToggled: AppSettings.promptSound = checked
            }
            AppButton {
                objectName: "acknowledgePromptButton"
                visible: ObservationLive.promptDue
                primary: true
                text: qsTr("OK")
                Accessible.name: qsTr("Prompt seen")
                onClicked: ObservationLive.acknowledgePrompt()
            }
        }
    }

    MessageBanner {
        objectName: "liveError"
        text: ObservationLive.errorString
    }
    MessageBanner {
        objectName: "liveInfo"
        error: false
        color: "#fff7e0"
        border.color: "#8a6100"
        text: ObservationLive.infoString
    }

    // After an unlock whose session could not be reopened, or a session closed elsewhere.
    BodyText {
        objectName: "noSessionText"
        visible: !ObservationLive.active
        text: qsTr("No observation session is open. Open one from the list, or start a new one.")
    }
    AppButton {
        objectName: "toSessionsButton"
        visible: !ObservationLive.active
        primary: true
        text: qsTr("Observation sessions")
        onClicked: {
            Navigator.home()
            Navigator.push("observations")
        }
    }
    BodyText {
        visible: !ObservationLive.editable && ObservationLive.active
        text: qsTr("This session has stopped. Its events can be read, but nothing more can be coded.")
    }
    AppButton {
        objectName: "showStoppedButton"
        visible: !ObservationLive.editable && ObservationLive.active
        primary: true
        text: qsTr("See the session's events")
        onClicked: {
            Navigator.back()
            Navigator.push("observationView")
        }
    }

    GridLayout {
        Layout.fillWidth: true
        visible: ObservationLive.editable
        columns: screen.wide ? 2 : 1
        columnSpacing: Theme.spacing * 1.5
        rowSpacing: Theme.spacing

        // Who the next tap is about.
        ColumnLayout {
            Layout.fillWidth: !screen.wide
            Layout.preferredWidth: screen.wide ? Math.round(screen.width * 0.3) : -1
            Layout.alignment: Qt.AlignTop
            spacing: Theme.smallSpacing

            SectionHeading {
                Layout.topMargin: 0
                text: qsTr("Who")
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.smallSpacing
                Repeater {
                    model: ObservationLive.subjects
                    AppButton {
                        required property var modelData
                        objectName: "subject_" + (modelData.key === "" ? "none" : modelData.key)
                        text: modelData.label
                        enabled: modelData.taggable
                        primary: ObservationLive.subject === modelData.key
                        Accessible.checkable: true
                        Accessible.checked: primary
                        onClicked: ObservationLive.subject = modelData.key
                    }
                }
            }
            // Positioners, not layouts, hold rows that are rebuilt (on dissent, on a language switch).
            Column {
                Layout.fillWidth: true
                Repeater {
                    model: ObservationLive.participants
                    BodyText {
                        required property var modelData
                        objectName: "untaggable_" + modelData.code
                        width: parent.width
                        visible: !modelData.taggable
                        color: Theme.danger
                        font.pixelSize: Theme.fontSmall
                        text: qsTr("%1: %2").arg(modelData.code).arg(modelData.reason)
                    }
                }
            }

            Loader {
                Layout.fillWidth: true
                active: screen.wide
                visible: active
                sourceComponent: tools
            }
        }

        // The coding grid.
        ColumnLayout {
            id: grid
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: Theme.smallSpacing

            // A behaviour with modifiers: their values first, then it is logged.
            Rectangle {
                objectName: "modifierPanel"
                Layout.fillWidth: true
                visible: ObservationLive.pendingBehaviour !== ""
                implicitHeight: panelColumn.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius / 2
                color: Theme.accentSoft
                border.color: Theme.accent
                border.width: 2
                Column {
                    id: panelColumn
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
                        text: qsTr("%1: choose the details, then log it").arg(ObservationLive.pendingLabel)
                    }
                    Repeater {
                        model: ObservationLive.pendingModifiers
                        Column {
                            id: modifier
                            required property var modelData
                            readonly property bool choice: modelData.type === "single" || modelData.type === "multiple"
                            width: parent.width
                            spacing: Theme.smallSpacing / 2
                            Label {
                                width: parent.width
                                wrapMode: Text.WordWrap
                                font.pixelSize: Theme.fontLabel
                                font.weight: Font.DemiBold
                                color: Theme.text
                                text: modifier.modelData.required ? qsTr("%1 (required)").arg(modifier.modelData.label)
                                                                  : modifier.modelData.label
                            }
                            Flow {
                                width: parent.width
                                visible: modifier.choice
                                spacing: Theme.smallSpacing
                                Repeater {
                                    model: modifier.modelData.options
                                    AppButton {
                                        required property var modelData
                                        objectName: "modifier_" + modifier.modelData.code + "_" + modelData.code
                                        readonly property bool chosen: {
                                            const value = ObservationLive.pendingValues[modifier.modelData.code]
                                            return modifier.modelData.type === "single" ? value === modelData.code
                                                 : value !== undefined && value.indexOf(modelData.code) >= 0
                                        }
                                        // Marked, not only coloured: a chosen value must not look like an action.
                                        text: (chosen ? "✓ " : "") + modelData.label
                                        primary: chosen
                                        Accessible.checkable: true
                                        Accessible.checked: primary
                                        onClicked: {
                                            if (modifier.modelData.type === "single")
                                                ObservationLive.setModifierValue(modifier.modelData.code, modelData.code)
                                            else
                                                ObservationLive.toggleModifierOption(modifier.modelData.code, modelData.code)
                                        }
                                    }
                                }
                            }
                            AppTextField {
                                objectName: "modifier_" + modifier.modelData.code
                                visible: !modifier.choice
                                width: Math.min(parent.width, Math.round(420 * Theme.scale))
                                inputMethodHints: modifier.modelData.type === "number" ? Qt.ImhFormattedNumbersOnly : Qt.ImhNone
                                Accessible.name: modifier.modelData.label
                                onTextEdited: ObservationLive.setModifierValue(modifier.modelData.code, text)
                            }
                        }
                    }
                    Flow {
                        width: parent.width
                        spacing: Theme.spacing
                        AppButton {
                            objectName: "confirmModifiersButton"
                            primary: true
                            text: qsTr("Log it")
                            onClicked: ObservationLive.confirmModifiers()
                        }
                        AppButton {
                            objectName: "cancelModifiersButton"
                            text: qsTr("Cancel")
                            onClicked: ObservationLive.cancelModifiers()
                        }
                    }
                }
            }
            Column {
                Layout.fillWidth: true
                spacing: Theme.smallSpacing
                // Paused: still tappable, so the refusal says why nothing is coded.
                opacity: ObservationLive.paused ? 0.45 : 1.0
                Repeater {
                    model: ObservationLive.categories
                    Column {
                        id: category
                        required property var modelData
                        width: parent.width
                        spacing: Theme.smallSpacing
                        SectionHeading {
                            width: parent.width
                            visible: category.modelData.label !== ""
                            text: category.modelData.label
                        }
                        GridLayout {
                            width: parent.width
                            columns: Math.max(1, Math.floor(width / Math.round(220 * Theme.scale)))
                            columnSpacing: Theme.smallSpacing
                            rowSpacing: Theme.smallSpacing
                            Repeater {
                                model: category.modelData.behaviours
                                BehaviourButton {
                                    required property var modelData
                                    objectName: "behaviour_" + modelData.code
                                    Layout.fillWidth: true
                                    Layout.preferredWidth: 1
                                    text: modelData.label
                                    color: modelData.color
                                    textColor: modelData.textColor
                                    isState: modelData.isState
                                    on: ObservationLive.runningCodes.indexOf(modelData.code) >= 0
                                    onClicked: ObservationLive.tap(modelData.code)
                                }
                            }
                        }
                    }
                }
            }
            BodyText {
                objectName: "lastEventText"
                visible: text !== ""
                font.weight: Font.DemiBold
                text: ObservationLive.lastEventText
            }
            BodyText {
                objectName: "runningText"
                visible: text !== ""
                color: Theme.textMuted
                text: ObservationLive.runningText
            }
            BodyText {
                objectName: "eventCountText"
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                text: qsTr("%n event(s) coded", "", ObservationLive.eventCount)
            }
            Loader {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                active: !screen.wide
                visible: active
                sourceComponent: tools
            }
        }
    }

    // The quick note and dissent: beside the grid on a wide screen, under it on a narrow one.
    Component {
        id: tools
        ColumnLayout {
            spacing: Theme.smallSpacing
            SectionHeading {
                text: qsTr("Quick note")
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.smallSpacing
                AppTextField {
                    id: noteField
                    objectName: "quickNoteField"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Timestamped now")
                    Accessible.name: qsTr("Quick note")
                    onAccepted: noteButton.clicked()
                }
                AppButton {
                    id: noteButton
                    objectName: "addNoteButton"
                    text: qsTr("Add")
                    enabled: noteField.text.trim() !== ""
                    onClicked: {
                        if (ObservationLive.addNote(noteField.text))
                            noteField.text = ""
                    }
                }
            }

            SectionHeading {
                visible: dissentRepeater.count > 0
                text: qsTr("Dissent")
            }
            BodyText {
                visible: dissentRepeater.count > 0
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                text: qsTr("One tap records the dissent: the participant is not tagged again, and their consent shows it.")
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.smallSpacing
                Repeater {
                    id: dissentRepeater
                    model: ObservationLive.participants
                    AppButton {
                        required property var modelData
                        objectName: "dissent_" + modelData.code
                        visible: modelData.taggable
                        danger: true
                        text: qsTr("%1 objects").arg(modelData.code)
                        onClicked: ObservationLive.dissent(modelData.code)
                    }
                }
            }
        }
    }
}
