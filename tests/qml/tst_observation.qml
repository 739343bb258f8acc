import QtQuick
import QtTest
import Samla.Core
import Samla.Ui

// The coding grid through the real screens: a QuIS tap is an event and undo
// takes it back; state buttons of an imported scheme toggle, and starting one
// ends the other of its exclusive group; stop and finalise leave it read only.
Item {
    width: 1280
    height: 800

    AppRoot {
        id: root
        anchors.fill: parent
    }

    SamlaTestCase {
        name: "Observation"
        app: root

        function reveal(page, name) {
            const flick = item(page)
            const target = item(name)
            tryVerify(function() {
                const y = target.mapToItem(flick.contentItem, 0, 0).y
                flick.contentY = Math.max(0, Math.min(y - 40, flick.contentHeight - flick.height))
                wait(20)
                const inView = target.mapToItem(flick, 0, 0).y
                return inView >= 0 && inView + target.height <= flick.height
            }, 3000, name + " cannot be scrolled into view")
            wait(50)
            return target
        }

        function startSession(schemeId) {
            Navigator.home()
            click("observationButton")
            item("observationsScreen")
            click("startSessionButton")
            item("observationSetupScreen")
            click("scheme_" + schemeId)
            compare(ObservationSetup.schemeId, schemeId)
            reveal("observationSetupScreen", "observerField")
            fill("observerField", "AL")
            reveal("observationSetupScreen", "beginSessionButton")
            click("beginSessionButton")
            item("observationLiveScreen")
            verify(ObservationLive.editable, "the session runs")
        }

        function test_1_tapLogsAndUndoRemoves() {
            setUpStore()
            startSession("quis")
            compare(ObservationLive.eventCount, 0)
            const button = item("behaviour_ps")
            verify(button.height >= 48, "a finger-sized target")
            click("behaviour_ps")
            tryCompare(ObservationLive, "eventCount", 1)
            verify(item("lastEventText").text.indexOf("Positive social") >= 0, item("lastEventText").text)
            click("behaviour_nr")
            tryCompare(ObservationLive, "eventCount", 2)
            compare(ObservationLive.events.data(ObservationLive.events.index(1, 0), ObservationEventsModel.WhatRole),
                    "Negative restrictive")

            click("undoButton")
            tryCompare(ObservationLive, "eventCount", 1)
            verify(item("lastEventText").text.indexOf("Positive social") >= 0, "the last tap was taken back")
            click("undoButton")
            tryCompare(ObservationLive, "eventCount", 0)
            verify(!item("undoButton").enabled, "nothing left to undo")
            click("stopButton")
            click("keepObservingButton")
            verify(ObservationLive.editable, "keep observing leaves it running")
            click("stopButton")
            click("confirmStopButton")
            item("observationViewScreen")
        }

        function test_2_stateButtonsToggle() {
            setUpStore()
            Navigator.home()
            click("observationButton")
            click("startSessionButton")
            item("observationSetupScreen")
            item("schemeFileField").text = Qt.resolvedUrl("../data/posture-scheme.json")
            click("importSchemeButton")
            tryCompare(ObservationSetup, "schemeId", "posture")
            compare(findChild(root, "importError").visible, false)
            reveal("observationSetupScreen", "observerField")
            fill("observerField", "AL")
            reveal("observationSetupScreen", "beginSessionButton")
            click("beginSessionButton")
            item("observationLiveScreen")

            click("subject_r:patient")
            compare(ObservationLive.subject, "r:patient")
            const sit = item("behaviour_sit")
            const stand = item("behaviour_stand")
            verify(!sit.on && !stand.on)
            compare(item("behaviour_sit_badge").text, "off")

            click("behaviour_sit")
            tryVerify(function() { return item("behaviour_sit").on })
            compare(item("behaviour_sit_badge").text, "ON")
            verify(item("runningText").text.indexOf("Sitting") >= 0)

            click("behaviour_stand")
            tryVerify(function() { return item("behaviour_stand").on })
            verify(!item("behaviour_sit").on, "standing ends sitting")

            click("behaviour_stand")
            tryVerify(function() { return !item("behaviour_stand").on })
            compare(ObservationLive.eventCount, 3)

            // A point event with a required modifier: asked for first, then logged.
            click("behaviour_smile")
            item("modifierPanel")
            compare(ObservationLive.eventCount, 3)
            click("confirmModifiersButton")
            verify(item("liveError").text.indexOf("Intensity") >= 0, item("liveError").text)
            compare(ObservationLive.eventCount, 3)
            click("modifier_intensity_high")
            click("confirmModifiersButton")
            tryCompare(ObservationLive, "eventCount", 4)
            compare(findChild(root, "modifierPanel").visible, false)
            compare(ObservationLive.events.data(ObservationLive.events.index(3, 0), ObservationEventsModel.ModifiersRole),
                    "Intensity: High")
            click("behaviour_sit")
            tryVerify(function() { return item("behaviour_sit").on })
            click("stopButton")
            click("confirmStopButton")
            item("observationViewScreen")
            verify(item("stopSummary").text.indexOf("Sitting") >= 0, "the stop ended the running state")
            click("finaliseButton")
            click("confirmFinaliseButton")
            tryVerify(function() { return ObservationLive.finalised })
            item("event_0")
            compare(findChild(root, "finaliseButton").visible, false)
        }
    }
}
