import QtQuick
import QtTest
import Samla.Core
import Samla.Ui

// First run, recovery key, lock and unlock back to the same note.
Item {
    width: 1280
    height: 800

    AppRoot {
        id: root
        anchors.fill: parent
    }

    SamlaTestCase {
        name: "UnlockFlow"
        app: root

        function test_1_firstRunExplainsWhyAWeakPassphraseIsRefused() {
            compare(Session.state, Session.NeedsSetup)
            item("welcomeTitle")
            fill("newPassphraseField", "sommar")
            verify(item("strengthMeterLabel").text.length > 0, "strength shown while typing")
            fill("repeatPassphraseField", "sommar")
            click("createButton")
            tryVerify(function() { return item("firstRunErrorLabel").text.indexOf("at least 10 characters") >= 0 })
            compare(Session.state, Session.NeedsSetup)
        }

        function test_2_firstRunShowsRecoveryKeyOnceThenHome() {
            fill("newPassphraseField", passphrase)
            compare(item("strengthMeterLabel").text, "Strength: Very strong")
            fill("repeatPassphraseField", passphrase)
            click("createButton")
            tryCompare(Session, "state", Session.ShowRecoveryKey, 20000)
            const key = item("recoveryKeyText").text.replace(/\s/g, "")
            compare(key.split("-").length, 13)

            // Not ticked: the user is told what to do, and stays here.
            fill("lastGroupField", key.split("-").pop())
            click("confirmRecoveryButton")
            tryVerify(function() { return item("recoveryKeyErrorLabel").text.indexOf("Tick the box") >= 0 })
            compare(Session.state, Session.ShowRecoveryKey)

            click("storedSafelyCheck")
            fill("lastGroupField", "WRNG")
            click("confirmRecoveryButton")
            tryVerify(function() { return item("recoveryKeyErrorLabel").text.indexOf("does not match") >= 0 })

            fill("lastGroupField", key.split("-").pop())
            click("confirmRecoveryButton")
            tryCompare(Session, "state", Session.Unlocked)
            item("homeScreen")
            verify(item("projectNameLabel").text.length > 0)
            compare(Session.recoveryKey, "", "the key is wiped after confirmation")
        }

        function test_3_lockAndUnlockReturnsToTheSameNoteWithTheDraftSaved() {
            setUpStore()
            click("notesButton")
            const list = item("notesList")
            tryVerify(function() { return list.count > 0 })
            const row = list.itemAtIndex(0)
            mouseClick(row)
            item("noteEditorScreen")
            const title = item("titleField").text
            verify(title.length > 0)
            const versionBefore = NoteEditor.version

            const area = item("noteTextArea")
            mouseClick(area, 20, 20)
            keyClick(Qt.Key_End, Qt.ControlModifier)
            typeText(" zebra crossing")
            compare(item("saveStatus").text, "Unsaved changes")

            click("lockButton")
            tryCompare(Session, "state", Session.Locked)
            item("unlockScreen")
            tryVerify(function() { return findChild(root, "noteTextArea") === null }, 2000,
                      "no note text on screen while locked")
            compare(NoteEditor.text, "", "no note text kept in memory while locked")

            unlockWith(passphrase)
            tryCompare(Session, "state", Session.Unlocked)
            item("noteEditorScreen")
            compare(item("titleField").text, title)
            verify(item("noteTextArea").text.indexOf("zebra crossing") >= 0, "the draft is back")
            compare(NoteEditor.version, versionBefore + 1, "the draft was saved as a new version")
            verify(item("saveStatus").text.indexOf("Saved") === 0)
        }
    }
}
