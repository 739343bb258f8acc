import QtQuick
import QtTest
import Samla.Core
import Samla.Ui

// Consent forms through the real screens: a refused publish names the field
// and keeps the text, an added item is published as version 2, version 1 is
// still shown exactly as it was, and unchanged content makes no version.
Item {
    width: 1280
    height: 800

    AppRoot {
        id: root
        width: parent.width
        height: parent.height
    }

    SamlaTestCase {
        name: "ConsentForms"
        app: root

        // Scrolls a page so the named item is in view (layouts settle at polish time, so it tries again).
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

        function clickOn(page, name) {
            reveal(page, name)
            return click(name)
        }

        function typeInto(page, name, text) {
            reveal(page, name)
            return fill(name, text)
        }

        function test_1_addAnItemAndPublishVersion2() {
            setUpStore()
            click("consentFormsButton")
            item("consentFormsScreen")
            verify(item("formLatest_0").text.indexOf("Version 1 ·") === 0, item("formLatest_0").text)
            const hash1 = ConsentFormEditor.forms[0].hash
            verify(item("formLatest_0").text.indexOf(hash1) > 0, "the short hash is shown")

            click("editForm_0")
            item("consentFormEditorScreen")
            const itemsBefore = ConsentFormEditor.items.length
            clickOn("consentFormEditorPage", "addItemButton")
            const last = itemsBefore
            tryCompare(ConsentFormEditor.items, "length", itemsBefore + 1)
            // Published with the new item's English left empty: refused, the problem beside the field.
            typeInto("consentFormEditorPage", "itemText_" + last + "_sv", "Jag får en kopia av rapporten.")
            click("publishFormButton")
            const problem = reveal("consentFormEditorPage", "itemText_" + last + "_en_problem")
            compare(problem.text, "Write what the participant agrees to in English.")
            verify(item("formEditorError").text.indexOf("Not published") === 0, item("formEditorError").text)
            compare(ConsentFormEditor.forms[0].number, 1, "nothing was published")
            compare(item("itemText_" + last + "_sv").text, "Jag får en kopia av rapporten.", "nothing typed is lost")

            typeInto("consentFormEditorPage", "itemText_" + last + "_en", "I receive a copy of the report.")
            tryVerify(function() { return !problem.visible }, 2000, "the problem goes when it is fixed")
            reveal("consentFormEditorPage", "itemRequired_" + last)
            verify(!item("itemRequired_" + last).checked, "a new item is optional")
            click("publishFormButton")
            tryVerify(function() { return item("formEditorInfo").text.indexOf("Published as version 2") === 0 },
                      3000, "publishing says which version: " + item("formEditorInfo").text)
            const hash2 = ConsentFormEditor.forms[0].hash
            verify(hash2 !== hash1, "version 2 has its own hash")
            verify(item("formEditorInfo").text.indexOf(hash2) > 0, "and shows it")

            // Publishing again without a change makes no version, and says so.
            click("publishFormButton")
            tryVerify(function() { return item("formEditorInfo").text.indexOf("no new version") > 0 }, 3000,
                      item("formEditorInfo").text)
            compare(ConsentFormEditor.forms[0].number, 2)

            // The list shows both versions; version 1 reads exactly as it was.
            Navigator.back()
            item("consentFormsScreen")
            verify(item("formLatest_0").text.indexOf("Version 2 ·") === 0, item("formLatest_0").text)
            verify(item("versionRow_0_1").text.indexOf(hash1) > 0, item("versionRow_0_1").text)
            clickOn("consentFormsScreen", "viewVersion_0_1")
            item("consentFormVersionScreen")
            verify(item("shownPublished").text.indexOf("Version 2 has been published since") > 0,
                   item("shownPublished").text)
            verify(item("shownHash").text.indexOf(hash1) > 0)
            compare(findChild(item("shownItems"), "shownItem_" + last), null, "version 1 has no new item")
            Navigator.back()
            clickOn("consentFormsScreen", "viewVersion_0_2")
            const added = reveal("consentFormVersionScreen", "shownItem_" + last)
            verify(added.text.indexOf("I receive a copy of the report.") > 0, added.text)
            clickOn("consentFormVersionScreen", "shownLanguage_sv")
            // The rows are rebuilt in the other language.
            tryVerify(function() {
                const row = findChild(item("shownItems"), "shownItem_" + last)
                return row !== null && row.text.indexOf("Jag får en kopia av rapporten.") > 0
            }, 2000, "version 2's new item in Swedish")
            Navigator.home()
        }

        function test_2_importErrorsAreShown() {
            setUpStore()
            click("consentFormsButton")
            typeInto("consentFormsScreen", "formFileField", "/no/such/consent-form.json")
            click("importFormButton")
            const error = reveal("consentFormsScreen", "importFormError")
            verify(error.text.indexOf("There is no file at /no/such/consent-form.json") === 0, error.text)
            compare(item("formFileField").text, "/no/such/consent-form.json", "the path stays to correct")
            Navigator.home()
        }
    }
}
