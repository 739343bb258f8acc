import QtQuick
import QtTest
import Samla.Core
import Samla.Ui

// Correcting a finalised session through the real screens, the day after: the
// reason is asked for, one event is changed and a missed one added, the
// correction is finalised, the list shows version 2 and the original is as it was.
Item {
    width: 1280
    height: 800

    AppRoot {
        id: root
        anchors.fill: parent
    }

    SamlaTestCase {
        name: "ObservationCorrection"
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

        function clickIn(page, name) {
            reveal(page, name)
            return click(name)
        }

        function what(row) {
            return ObservationCorrection.rows[row].what
        }

        function test_1_correctAFinalisedSession() {
            setUpStore()
            // Coded live yesterday: positive social at 0:10, neutral at 1:10, negative restrictive at 2:10.
            const original = ObservationFixture.recordQuis("AL", 0, ["ps", "n", "nr"], 10, true)
            verify(original !== "", "the fixture session was recorded")
            Navigator.home()
            click("observationButton")
            item("observationsScreen")
            ObservationSetup.refresh()
            tryCompare(ObservationSetup, "sessionCount", 1)
            click("session_0")
            item("observationViewScreen")
            compare(ObservationLive.sessionId, original)

            // The reason is required.
            clickIn("observationViewScreen", "correctSessionButton")
            clickIn("observationViewScreen", "beginCorrectionButton")
            verify(item("correctionViewError").text.indexOf("Write why") >= 0, item("correctionViewError").text)
            fill("correctionReasonField", "1:10 was positive care, and a greeting at 2:30 was missed")
            fill("correctionByField", "KB")
            clickIn("observationViewScreen", "beginCorrectionButton")
            item("observationCorrectionScreen")
            verify(item("correctionReason").text.indexOf("greeting at 2:30") >= 0, item("correctionReason").text)
            tryCompare(ObservationCorrection.rows, "length", 3)
            compare(what(1), "Neutral")

            // Change the second event: same time, another category.
            const changeButton = reveal("observationCorrectionScreen", "change_1")
            verify(changeButton.height >= 48, "a finger-sized target")
            click("change_1")
            item("draftPanel")
            clickIn("observationCorrectionScreen", "draftBehaviour_pc")
            clickIn("observationCorrectionScreen", "saveDraftButton")
            tryCompare(ObservationCorrection, "draftMode", "")
            compare(what(1), "Positive care")
            compare(ObservationCorrection.rows[1].offset, "01:10")
            verify(item("correctionEventText_1").text.indexOf("changed in this correction") >= 0)

            // Add the missed one: a time after the end is refused with a reason, then 2:30 is taken.
            clickIn("observationCorrectionScreen", "addEventButton")
            item("draftPanel")
            reveal("observationCorrectionScreen", "draftTime")
            fill("draftTime", "99:00")
            clickIn("observationCorrectionScreen", "draftBehaviour_ps")
            clickIn("observationCorrectionScreen", "saveDraftButton")
            verify(item("correctionError").text.indexOf("after the end of the session") >= 0, item("correctionError").text)
            compare(ObservationCorrection.rows.length, 3)
            reveal("observationCorrectionScreen", "draftTime")
            fill("draftTime", "2:30")
            clickIn("observationCorrectionScreen", "saveDraftButton")
            tryCompare(ObservationCorrection.rows, "length", 4)
            compare(ObservationCorrection.rows[3].offset, "02:30")
            compare(what(3), "Positive social")

            // Finalise, after a confirmation.
            clickIn("observationCorrectionScreen", "finaliseCorrectionButton")
            clickIn("observationCorrectionScreen", "confirmCorrectionButton")
            item("observationViewScreen")
            tryVerify(function() { return ObservationLive.sessionId !== original })
            verify(ObservationLive.finalised)
            compare(ObservationLive.eventCount, 4)
            verify(item("versionNote").text.indexOf("Corrected (version 2)") >= 0, item("versionNote").text)
            reveal("observationViewScreen", "version_1")
            verify(item("versionReason_1").text.indexOf("1:10 was positive care") >= 0)
            compare(findChild(root, "correctSessionButton").visible, true)   // a correction can be corrected again

            // The list shows one session, now corrected as version 2.
            Navigator.home()
            click("observationButton")
            item("observationsScreen")
            tryCompare(ObservationSetup, "sessionCount", 1)
            const model = ObservationSetup.sessions
            compare(model.data(model.index(0, 0), ObservationSessionsModel.StateRole), "Corrected (version 2)")
            compare(model.data(model.index(0, 0), ObservationSessionsModel.VersionRole), 2)

            // The original is unchanged and can be read.
            click("session_0")
            item("observationViewScreen")
            clickIn("observationViewScreen", "openVersion_0")
            tryCompare(ObservationLive, "sessionId", original)
            compare(ObservationLive.eventCount, 3)
            compare(ObservationLive.events.data(ObservationLive.events.index(1, 0), ObservationEventsModel.WhatRole),
                    "Neutral")
            verify(item("versionNote").text.indexOf("version 2 is the record") >= 0, item("versionNote").text)
            compare(findChild(root, "correctSessionButton").visible, false)
        }

        // A correction left half-way is continued later, or discarded.
        function test_2_continueOrDiscardAnUnfinishedCorrection() {
            setUpStore()
            const original = ObservationFixture.recordQuis("AL", 0, ["ps", "np"], 10, true)
            verify(original !== "")
            ObservationSetup.refresh()
            verify(ObservationLive.open(original))
            Navigator.home()
            click("observationButton")
            Navigator.push("observationView")
            item("observationViewScreen")
            clickIn("observationViewScreen", "correctSessionButton")
            fill("correctionReasonField", "np at 1:10 was for another patient")
            fill("correctionByField", "AL")
            clickIn("observationViewScreen", "beginCorrectionButton")
            item("observationCorrectionScreen")
            clickIn("observationCorrectionScreen", "remove_1")
            clickIn("observationCorrectionScreen", "confirmRemove_1")
            tryCompare(ObservationCorrection.rows, "length", 1)

            // Left for later: the session's screen offers to continue it, the list says it is open.
            Navigator.back()
            item("observationViewScreen")
            compare(ObservationLive.sessionId, original)
            compare(findChild(root, "correctSessionButton").visible, false)
            clickIn("observationViewScreen", "continueCorrectionButton")
            item("observationCorrectionScreen")
            compare(ObservationCorrection.rows.length, 1, "the removal was kept")
            Navigator.back()
            Navigator.back()
            item("observationsScreen")
            ObservationSetup.refresh()
            const model = ObservationSetup.sessions
            let row = -1
            for (let i = 0; i < model.rowCount(); ++i)
                if (model.data(model.index(i, 0), ObservationSessionsModel.IdRole) === original)
                    row = i
            verify(row >= 0, "the original is listed, not the unfinished correction")
            verify(String(model.data(model.index(row, 0), ObservationSessionsModel.CorrectingRole)).indexOf("not finalised yet") >= 0)

            // Discarded: the session is as it was and can be corrected afresh.
            verify(ObservationLive.open(original))
            Navigator.push("observationView")
            item("observationViewScreen")
            clickIn("observationViewScreen", "discardOpenCorrectionButton")
            clickIn("observationViewScreen", "beginCorrectionButton")
            tryVerify(function() { return !ObservationCorrection.hasOpenCorrection })
            item("correctSessionButton")
            compare(ObservationLive.eventCount, 2)
            ObservationSetup.refresh()
            compare(String(model.data(model.index(row, 0), ObservationSessionsModel.CorrectingRole)), "")
        }
    }
}
