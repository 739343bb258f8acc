import QtQuick
import QtTest
import Samla.Core
import Samla.Ui

// The identity register through the real screens: names typed at enrolment
// reach only the register; "Show identity" asks why, records the look-up and
// shows the details, which are gone once the screen is left. Taking consent
// from a young person first asks for the assessment of their understanding.
Item {
    width: 1280
    height: 800

    AppRoot {
        id: root
        width: parent.width
        height: parent.height
    }

    SamlaTestCase {
        name: "Identity"
        app: root

        function clickOn(page, name) {
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
            return click(name)
        }

        function test_1_lookUpIsAskedForRecordedAndCleared() {
            setUpStore()
            click("participantsButton")
            item("participantsScreen")
            verify(item("deviceRole").text.indexOf("researcher") >= 0, "the device's role is stated")
            click("enrolButton")
            // Without the register the name fields are not offered, and the form says why.
            verify(findChild(root, "nameField") === null || !findChild(root, "nameField").visible)
            verify(item("vaultStatusText").text.length > 0)
            clickOn("enrolScreen", "createVaultButton")
            tryVerify(function() { return ParticipantRegister.vaultAvailable })
            clickOn("enrolScreen", "nameField")
            fill("nameField", "Sigrid Holm")
            clickOn("enrolScreen", "contactField")
            fill("contactField", "070-111 22 33")
            clickOn("enrolScreen", "confirmEnrolButton")
            const code = item("enrolledCode").text
            verify(code.indexOf("Sigrid") < 0)

            verify(ParticipantConsent.open(ParticipantRegister.lastEnrolledId))
            Navigator.push("participant")
            click("showIdentityButton")
            item("identityScreen")
            verify(!item("lookUpButton").enabled, "no look-up without a reason")
            click("purpose_contact")
            click("lookUpButton")
            compare(item("identityName").value, "Sigrid Holm")
            compare(item("identityContact").value, "070-111 22 33")
            verify(item("lookupRecorded").text.indexOf(code) >= 0, "the screen says the look-up was recorded")

            // Leaving the screen forgets the details.
            Navigator.back()
            item("participantScreen")
            compare(IdentityLookup.name, "")
            compare(IdentityLookup.shown, false)

            // The DPO's list has the look-up by code and purpose, never the name.
            Navigator.home()
            click("participantsButton")
            click("identityAuditButton")
            item("identityAuditScreen")
            compare(IdentityLookup.lookupCount, 1)
            const row = item("lookupCode")
            compare(row.text, code)
            verify(findChild(item("lookupList"), "lookupCode").text.indexOf("Sigrid") < 0)
            Navigator.home()
        }

        function test_2_aYoungPersonsUnderstandingIsAssessedFirst() {
            setUpStore()
            Navigator.home()
            click("participantsButton")
            click("enrolButton")
            click("category_child_or_adolescent")
            click("ageBand_16-17")
            clickOn("enrolScreen", "confirmEnrolButton")
            clickOn("enrolScreen", "takeConsentNowButton")
            item("consentSetupScreen")
            verify(item("capacityQuestion").text.length > 0)
            clickOn("consentSetupScreen", "obtainedByField")
            fill("obtainedByField", "AL")
            verify(!item("startReadingButton").enabled, "cannot start before the assessment")
            verify(item("setupProblem").text.indexOf("understand") >= 0)
            clickOn("consentSetupScreen", "assessment_1")
            clickOn("consentSetupScreen", "assessmentNoteField")
            fill("assessmentNoteField", "Told it back in own words")
            tryVerify(function() { return item("startReadingButton").enabled }, 2000)
            compare(ConsentFlow.assessment, 1)
            compare(ConsentFlow.assessmentNote, "Told it back in own words")
            Navigator.home()
        }
    }
}
