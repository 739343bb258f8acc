import QtQuick
import QtTest
import Samla.Core
import Samla.Ui

// The agreement screen through taps: two observers' QuIS sessions (written as their
// two devices would have, by ObservationFixture) chosen from the list, a pair that is
// not finalised refused with its reason, the figures and the method on screen, the
// method and slice length changed, and the pair marked.
Item {
    width: 1280
    height: 800

    AppRoot {
        id: root
        anchors.fill: parent
    }

    SamlaTestCase {
        name: "ObservationAgreement"
        app: root

        function reveal(name) {
            const flick = item("observationAgreementScreen")
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

        function rowOf(sessionId) {
            const rows = ObservationAgreement.sessions
            for (let i = 0; i < rows.length; ++i)
                if (rows[i].id === sessionId)
                    return "agreementSession_" + i
            fail("session " + sessionId + " is not listed")
        }

        function tapSession(sessionId) {
            const name = rowOf(sessionId)
            reveal(name)
            click(name)
        }

        function test_agreementOfAPair() {
            setUpStore()
            const a = ObservationFixture.recordQuis("AL", 0, ["ps", "ps", "pc", "n", "n", "np", "nr", "ps", "", "pc"], 10, true)
            const b = ObservationFixture.recordQuis("KB", 2, ["ps", "pc", "pc", "n", "np", "np", "nr", "ps", "", "pc"], 10, true)
            const open = ObservationFixture.recordQuis("KB", 2, ["ps"], 10, false)
            verify(a !== "" && b !== "" && open !== "", "the fixture wrote three sessions")

            Navigator.home()
            click("observationButton")
            item("observationsScreen")
            click("agreementButton")
            item("observationAgreementScreen")
            verify(item("agreementHint").text.indexOf("observer A") >= 0)

            tapSession(a)
            compare(ObservationAgreement.sessionA, a)
            verify(item("agreementHint").text.indexOf("observer B") >= 0)
            const chosen = item(rowOf(a))
            verify(chosen.height >= 48, "a finger-sized row")
            compare(chosen.side, "A")

            // A session still open is refused, and the screen says why.
            tapSession(open)
            compare(ObservationAgreement.sessionB, open)
            verify(item("agreementProblemLabel").text.indexOf("finalised") >= 0, item("agreementProblemLabel").text)
            compare(findChild(root, "agreementFigures").visible, false)
            compare(findChild(root, "markPairButton").visible, false)
            tapSession(open)   // taken back
            compare(ObservationAgreement.sessionB, "")
            compare(findChild(root, "agreementProblem").visible, false)

            tapSession(b)
            compare(ObservationAgreement.sessionB, b)
            tryVerify(function() { return findChild(root, "agreementFigures").visible })
            compare(item("figure_kappa").valueText, "0.76")
            compare(item("figure_percent").valueText, "80.0%")
            compare(item("figure_units").valueText, "10")
            compare(item("figure_icc").valueText, "1.00")
            verify(item("figure_linear").valueText !== "", "weighted kappa for QuIS's ordered scale")
            verify(item("agreementMethod").text.indexOf("10 time slices of 60 s") >= 0, item("agreementMethod").text)
            verify(item("agreementScale").text.indexOf("in order") >= 0)

            reveal("method_events")
            click("method_events")
            tryCompare(ObservationAgreement, "method", "events")
            compare(item("figure_units").valueText, "9")
            compare(item("figure_percent").valueText, "77.8%")
            verify(item("agreementMethod").text.indexOf("9 matched events") >= 0, item("agreementMethod").text)
            item("toleranceField")

            reveal("method_slices")
            click("method_slices")
            tryCompare(ObservationAgreement, "method", "slices")
            reveal("sliceField")
            fill("sliceField", "120")
            keyClick(Qt.Key_Return)
            tryCompare(ObservationAgreement, "sliceSeconds", 120)
            verify(item("agreementMethod").text.indexOf("of 120 s") >= 0, item("agreementMethod").text)

            reveal("markPairButton")
            click("markPairButton")
            tryCompare(ObservationAgreement, "marked", true)
            compare(item("markPairButton").text, "Marked as paired observers")
            verify(item("agreementInfo").visible)
            item("pair_0")
            compare(ObservationAgreement.pairs.length, 1)
        }
    }
}
