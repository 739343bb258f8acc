import QtQuick
import QtTest
import Samla.Core
import Samla.Ui

// A note's details through the real screens: memo type, a new code, and a
// participant who cannot be linked without consent, with the reason shown.
Item {
    width: 1280
    height: 800

    AppRoot {
        id: root
        anchors.fill: parent
    }

    SamlaTestCase {
        name: "NoteDetails"
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

        function test_1_memoTypeCodeAndParticipant() {
            setUpStore()
            // A participant without consent, to try to link.
            click("participantsButton")
            click("enrolButton")
            click("category_staff")
            reveal("enrolScreen", "confirmEnrolButton")
            click("confirmEnrolButton")
            const code = item("enrolledCode").text
            Navigator.home()

            click("newNoteButton")
            fill("titleField", "Handover")
            mouseClick(item("noteTextArea"), 20, 20)
            typeText("staff talk in the corridor")
            click("detailsButton")
            item("noteDetailsScreen")
            compare(NoteDetailsForm.memoType, "descriptive")
            verify(!item("saveDetailsButton").enabled, "nothing to save yet")

            click("memoType_analytic")
            compare(NoteDetailsForm.memoType, "analytic")
            fill("newCodeField", "Corridor talk")
            click("addCodeButton")
            tryVerify(function() { return findChild(root, "code_Corridor talk") !== null })
            verify(item("code_Corridor talk").checked, "a new code is ticked for this note")

            // The participant without consent cannot be chosen, and says why.
            const radio = reveal("noteDetailsScreen", "participant_" + code)
            verify(!radio.enabled)
            verify(item("participantReason_" + code).text.length > 10, "the gate's reason is shown")

            reveal("noteDetailsScreen", "saveDetailsButton")
            click("saveDetailsButton")
            tryVerify(function() { return item("detailsInfo").text !== "" })
            verify(!item("saveDetailsButton").enabled)

            // Opened again, the note keeps its details.
            NoteDetailsForm.load(NoteEditor.noteId)
            compare(NoteDetailsForm.memoType, "analytic")
            const codes = NoteDetailsForm.codes
            let ticked = []
            for (let i = 0; i < codes.length; ++i)
                if (codes[i].checked)
                    ticked.push(codes[i].name)
            compare(ticked, ["Corridor talk"])
            compare(NoteDetailsForm.participantId, "")
        }
    }
}
