import QtQuick
import QtTest
import Samla.Core
import Samla.Ui

// Write a note, save it (button and Ctrl+S), find it by search with the match highlighted,
// and restore an earlier version.
Item {
    width: 1280
    height: 800

    AppRoot {
        id: root
        anchors.fill: parent
    }

    SamlaTestCase {
        name: "Notes"
        app: root

        function test_1_createEditSearchAndRestore() {
            setUpStore()
            const countBefore = Notebook.noteCount
            click("newNoteButton")
            item("noteEditorScreen")
            compare(item("saveStatus").text, "New note, not saved yet")
            fill("titleField", "Ward round observation")
            const area = item("noteTextArea")
            mouseClick(area, 20, 20)
            typeText("the patient mentioned a zebrafinch in the garden")
            click("saveButton")
            tryVerify(function() { return item("saveStatus").text.indexOf("Saved: version 1") === 0 })
            compare(Notebook.noteCount, countBefore + 1)

            // Ctrl+S saves a second version.
            mouseClick(area, 20, 20)
            keyClick(Qt.Key_End, Qt.ControlModifier)
            typeText(" today")
            compare(item("saveStatus").text, "Unsaved changes")
            keyClick(Qt.Key_S, Qt.ControlModifier)
            tryVerify(function() { return item("saveStatus").text.indexOf("Saved: version 2") === 0 })

            // The list shows it first; search finds it with the word highlighted.
            click("backButton")
            click("notesButton")
            const list = item("notesList")
            tryVerify(function() { return list.count > 0 })
            compare(findChild(list.itemAtIndex(0), "noteTitle").text, "Ward round observation")

            fill("searchField", "zebrafin")
            tryVerify(function() { return list.count === 1 }, 3000, "search finds exactly the new note")
            const snippet = findChild(list.itemAtIndex(0), "noteSnippet").text
            verify(/<span[^>]*>zebrafinch<\/span>/i.test(snippet), "match highlighted: " + snippet)
            verify(item("notesSummary").text.indexOf("1 note found") === 0, item("notesSummary").text)

            fill("searchField", "nosuchwordanywhere")
            tryVerify(function() { return list.count === 0 }, 3000)
            item("notesEmpty")
            click("clearSearchButton")
            tryVerify(function() { return list.count > 1 }, 3000)

            // Open it, look at version 1 and restore it as version 3.
            mouseClick(list.itemAtIndex(0))
            item("noteEditorScreen")
            click("versionsButton")
            item("versionsScreen")
            const versions = item("versionsList")
            tryCompare(versions, "count", 2)
            mouseClick(versions.itemAtIndex(1))
            tryCompare(item("viewedVersionText"), "text", "the patient mentioned a zebrafinch in the garden")
            click("restoreButton")
            item("noteEditorScreen")
            compare(NoteEditor.version, 3)
            compare(item("noteTextArea").text, "the patient mentioned a zebrafinch in the garden")
        }
    }
}
