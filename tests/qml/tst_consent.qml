import QtQuick
import QtTest
import Samla.Core
import Samla.Ui

// Taking consent through the real screens: enrol, the information must be read
// to its end before "I agree", every item answered and required ones agreed,
// a drawn signature stored with the consent; then one tap records dissent.
Item {
    width: 1280
    height: 800

    AppRoot {
        id: root
        width: parent.width
        height: parent.height
    }

    SamlaTestCase {
        name: "Consent"
        app: root

        function answer(itemId, yes) {
            const list = item("consentItemsList")
            const button = findChild(list, (yes ? "yes_" : "no_") + itemId)
            verify(button !== null, "no answer button for " + itemId)
            // Bring the item into view before tapping it.
            list.contentY = Math.max(0, Math.min(button.mapToItem(list.contentItem, 0, 0).y - 40,
                                                 list.contentHeight - list.height))
            wait(50)
            mouseClick(button)
        }

        // Scrolls a page so the named item is in view, then taps it. Layouts
        // settle at polish time, so it scrolls again until the item stays in view.
        function clickOn(page, name) {
            reveal(page, name)
            return click(name)
        }

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
        }

        function hasInk(image) {
            for (let y = 3; y < image.height - 3; ++y) {
                for (let x = 3; x < image.width - 3; ++x) {
                    const c = image.pixel(x, y)
                    if (c.r < 0.5 && c.g < 0.5 && c.b < 0.5)
                        return true
                }
            }
            return false
        }

        function test_1_takeConsentThroughEveryStep() {
            setUpStore()
            // Small enough that the demo form's information does not fit without scrolling.
            root.width = 800
            root.height = 600
            click("participantsButton")
            item("participantsScreen")
            const countBefore = ParticipantRegister.count
            click("enrolButton")
            click("category_family_member")
            clickOn("enrolScreen", "confirmEnrolButton")
            const code = item("enrolledCode").text
            verify(/^LC-\d{3}$/.test(code), "a generated code is shown: " + code)
            compare(ParticipantRegister.count, countBefore + 1)

            clickOn("enrolScreen", "takeConsentNowButton")
            item("consentSetupScreen")
            verify(!item("startReadingButton").enabled, "cannot start without saying who takes consent")
            clickOn("consentSetupScreen", "obtainedByField")
            fill("obtainedByField", "AL")
            clickOn("consentSetupScreen", "startReadingButton")

            // Cannot agree before the end of the information.
            item("consentReadScreen")
            const reader = item("informationFlickable")
            verify(reader.contentHeight > reader.height + 50,
                   "precondition: the text must need scrolling (" + reader.contentHeight + " > " + reader.height + ")")
            const agree = item("agreeButton")
            verify(!agree.enabled, "I agree is disabled before the end")
            verify(item("readProblem").text.length > 0, "the reason is shown")
            mouseClick(agree)
            wait(50)
            item("consentReadScreen")
            compare(Navigator.screen, "consentRead")
            // Half way is not the end.
            reader.contentY = (reader.contentHeight - reader.height) / 2
            wait(50)
            verify(!agree.enabled, "still disabled half way down")
            // Scroll down with the wheel like a person.
            for (let i = 0; i < 40 && !agree.enabled; ++i)
                mouseWheel(reader, reader.width / 2, reader.height / 2, 0, -120)
            tryVerify(function() { return agree.enabled }, 3000, "I agree is enabled at the end")
            click("agreeButton")

            // Required items enforced, with a visible reason.
            item("consentItemsScreen")
            const next = item("continueToSignButton")
            verify(!next.enabled, "cannot continue with nothing answered")
            for (const id of ["questionnaires", "interview", "audio", "diary", "quotes", "future_contact"])
                answer(id, true)
            answer("observation", false)
            verify(!next.enabled, "cannot continue when a required item is declined")
            const problem = item("answersProblemLabel").text
            verify(problem.indexOf("Observation") >= 0, "the reason names the required item: " + problem)
            answer("observation", true)
            tryVerify(function() { return next.enabled }, 2000)
            click("continueToSignButton")

            // A drawn signature ends up in the stored consent.
            item("consentSignScreen")
            const save = item("saveConsentButton")
            verify(!save.enabled, "cannot save without a signature")
            const pad = item("signaturePad")
            mousePress(pad, pad.width * 0.2, pad.height * 0.6)
            for (let i = 1; i <= 20; ++i)
                mouseMove(pad, pad.width * (0.2 + 0.03 * i), pad.height * (0.6 - 0.2 * Math.sin(i / 3)))
            mouseRelease(pad, pad.width * 0.8, pad.height * 0.5)
            verify(!pad.empty, "the pad has a stroke")
            tryVerify(function() { return save.enabled }, 2000)
            click("saveConsentButton")

            item("consentDoneScreen")
            compare(item("certCode").text, code)
            verify(item("certHash").text.length === 64, "the form's content hash is shown")
            verify(ConsentFlow.certPdfStored, "the PDF snapshot was read back")
            const stored = item("certSignatureImage")
            tryCompare(stored, "status", Image.Ready)
            verify(ConsentFlow.certSignature.indexOf("data:image/png;base64,") === 0)
            reveal("consentDoneScreen", "certSignatureImage")
            const grabbed = grabImage(stored)
            verify(hasInk(grabbed), "the stored signature shows the drawn stroke")

            // One tap records dissent, and the gate's reason is shown.
            clickOn("consentDoneScreen", "showTimelineButton")
            item("participantScreen")
            compare(ParticipantConsent.code, code)
            const events = item("timelineRepeater").count
            item("participantScreen").contentY = 0
            wait(50)
            verify(ParticipantConsent.summary.indexOf("Consent in place") === 0, ParticipantConsent.summary)
            click("dissentButton")
            tryCompare(item("timelineRepeater"), "count", events + 1)
            verify(ParticipantConsent.summary.indexOf("Objected") === 0, ParticipantConsent.summary)
            compare(item("reason_observation").text,
                    "The participant has objected. Stop, and collect nothing until their consent has been checked again.")
            verify(item("participantMessageLabel").text.indexOf("Dissent recorded") === 0)
        }

        function test_3_textThatFitsNeedsNoScrolling() {
            setUpStore()
            // Tall enough for the whole information text.
            root.width = 1280
            root.height = 2400
            verify(ConsentFlow.start(ParticipantRegister.lastEnrolledId))
            compare(ConsentFlow.obtainedBy, "AL", "who takes consent is remembered")
            Navigator.push("consentRead")
            const reader = item("informationFlickable")
            tryVerify(function() { return reader.contentHeight > 0 && reader.contentHeight <= reader.height },
                      3000, "the text fits")
            tryVerify(function() { return item("agreeButton").enabled }, 3000,
                      "I agree is enabled when the whole text is on screen")
            ConsentFlow.reset()
            Navigator.home()
            root.height = 800
        }

        function test_2_refusalsShowTheirReasonInSwedish() {
            setUpStore()
            AppSettings.language = "sv"
            tryVerify(function() { return item("reason_observation").text.indexOf("Deltagaren har invänt") === 0 },
                      3000, "the reason in Swedish: " + item("reason_observation").text)
            AppSettings.language = "en"
        }
    }
}
