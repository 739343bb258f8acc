import QtQuick
import QtTest
import Samla.Core
import Samla.Ui

// Building a coding scheme through the real screens: two state behaviours in an
// exclusive group and a point event with a modifier; a duplicated code is named
// beside its field and keeps what was typed; saved, the scheme is listed as the
// project's version 1 and offered when a session is set up.
Item {
    width: 1280
    height: 800

    AppRoot {
        id: root
        anchors.fill: parent
    }

    SamlaTestCase {
        name: "Schemes"
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

        function clickOn(name) {
            reveal("schemeEditorPage", name)
            return click(name)
        }

        function typeInto(name, text) {
            reveal("schemeEditorPage", name)
            return fill(name, text)
        }

        function test_1_buildSaveAndOffer() {
            setUpStore()
            Navigator.home()
            click("observationButton")
            click("codingSchemesButton")
            item("codingSchemesScreen")
            compare(item("schemeName_0").text, "QuIS – Quality of Interactions Schedule")
            click("newSchemeButton")
            item("schemeEditorScreen")

            typeInto("schemeIdField", "mobility")
            typeInto("schemeName_en", "Ward mobility")
            typeInto("schemeName_sv", "Rorlighet pa avdelningen")
            clickOn("participantSubjects")

            clickOn("addModifierButton")
            tryCompare(SchemeEditor.modifiers, "length", 1)
            typeInto("modifierLabel_0_en", "Help")
            typeInto("modifierLabel_0_sv", "Hjalp")
            clickOn("addOption_0")
            typeInto("optionLabel_0_0_en", "Staff")
            typeInto("optionLabel_0_0_sv", "Personal")

            const labels = [["sit", "Sitting", "Sitter"], ["stand", "Standing", "Star upp"], ["walk", "Walks", "Promenerar"]]
            for (let i = 0; i < labels.length; ++i) {
                clickOn("addBehaviourButton")
                tryCompare(SchemeEditor.behaviours, "length", i + 1)
                typeInto("behaviourCode_" + i, labels[i][0])
                typeInto("behaviourLabel_" + i + "_en", labels[i][1])
                typeInto("behaviourLabel_" + i + "_sv", labels[i][2])
            }
            clickOn("behaviourState_0")
            clickOn("behaviourState_1")
            clickOn("behaviourModifier_2_modifier-1")

            clickOn("addGroupButton")
            tryCompare(SchemeEditor.groups, "length", 1)
            clickOn("groupMember_0_sit")
            clickOn("groupMember_0_stand")

            // A code used twice: refused, the problem beside the field, nothing typed lost.
            typeInto("behaviourCode_1", "sit")
            click("saveSchemeButton")
            const problem = reveal("schemeEditorPage", "problem_behaviours[1].code")
            compare(problem.text, "“sit” is used twice here. Each code must be unique.")
            verify(item("schemeEditorError").text.indexOf("Not saved") === 0, item("schemeEditorError").text)
            compare(item("schemeName_en").text, "Ward mobility")
            verify(SchemeEditor.schemes.every(s => s.schemeId !== "mobility"), "nothing was saved")

            typeInto("behaviourCode_1", "stand")
            tryVerify(function() { return !problem.visible }, 2000, "the problem goes when it is fixed")
            click("saveSchemeButton")
            tryVerify(function() { return item("schemeEditorInfo").text.indexOf("Saved as version 1") === 0 },
                      3000, "saving says which version: " + item("schemeEditorInfo").text)

            Navigator.back()
            item("codingSchemesScreen")
            const own = SchemeEditor.schemes.findIndex(s => s.schemeId === "mobility")
            verify(own >= 0, "listed with the built-in schemes")
            verify(item("schemeMeta_" + own).text.indexOf("This project's · version 1") === 0, item("schemeMeta_" + own).text)

            Navigator.back()
            click("startSessionButton")
            item("observationSetupScreen")
            verify(ObservationSetup.schemeChoices.some(c => c.key === "mobility"), "offered for a session")
            click("scheme_mobility")
            compare(ObservationSetup.schemeId, "mobility")
        }
    }
}
