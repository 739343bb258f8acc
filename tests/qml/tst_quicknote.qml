import QtQuick
import QtTest
import Samla.Core
import Samla.Ui

// A quick note from any screen: written over the settings screen, closed and
// reopened with the text kept, saved among the notes; an empty one is refused;
// a draft left open is saved when the app locks.
Item {
    width: 1280
    height: 800

    AppRoot {
        id: root
        anchors.fill: parent
    }

    SamlaTestCase {
        name: "QuickNote"
        app: root

        function test_1_fromAnyScreen() {
            setUpStore()
            const before = Notebook.noteCount
            click("settingsButton")
            item("settingsScreen")
            click("quickNoteButton")
            item("quickNoteDialog")
            const area = item("quickNoteText")
            tryVerify(function() { return area.activeFocus }, 2000, "the text area takes focus")
            click("quickNoteSave")
            verify(item("quickNoteError").text.indexOf("The note is empty") === 0, item("quickNoteError").text)
            compare(Notebook.noteCount, before)

            mouseClick(area, 20, 20)
            typeText("bed 4 asked for the window open")
            click("quickNoteClose")
            tryVerify(function() { return !findChild(root, "quickNoteDialog").visible })
            item("settingsScreen")   // still where the user was

            click("quickNoteButton")
            compare(item("quickNoteText").text, "bed 4 asked for the window open")
            click("quickNoteSave")
            tryVerify(function() { return item("quickNoteSaved").text.indexOf("Saved to the notes at") === 0 })
            compare(item("quickNoteText").text, "")
            compare(Notebook.noteCount, before + 1)
            click("quickNoteClose")

            // Typed and left open when the app locks: saved, not lost, and gone from memory.
            click("quickNoteButton")
            mouseClick(item("quickNoteText"), 20, 20)
            typeText("left open at lock")
            Session.lock()
            tryCompare(Session, "state", Session.Locked)
            compare(Notebook.quickText, "")
            tryVerify(function() { const d = findChild(root, "quickNoteDialog"); return !d || !d.visible },
                      2000, "nothing of the note stays on the lock screen")
            unlockWith(passphrase)
            tryCompare(Session, "state", Session.Unlocked, 5000)
            tryCompare(Notebook, "noteCount", before + 2)
            item("settingsScreen")   // back where the user was
            Navigator.home()
            item("homeScreen")
            click("notesButton")
            const list = item("notesList")
            tryVerify(function() { return list.count >= 2 })
            const title = findChild(list.itemAtIndex(0), "noteTitle").text
            verify(title.indexOf("Quick note ") === 0, title)
            fill("searchField", "window")
            tryVerify(function() { return list.count === 1 }, 3000, "the first quick note is found by its words")
        }
    }
}
