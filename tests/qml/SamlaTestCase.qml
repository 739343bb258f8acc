import QtQuick
import QtTest
import Samla.Core

// Shared steps for the UI tests: find items by objectName, click, type, and get
// through first run. Not a test file itself (the name does not start with tst_).
TestCase {
    id: testCase
    property Item app
    readonly property string passphrase: "blue tractor umbrella 42"
    when: windowShown

    function item(name) {
        let found = null
        tryVerify(function() { found = findChild(app, name); return found !== null && found.visible }, 5000,
                  "no visible item named " + name)
        return found
    }

    function click(name) {
        const target = item(name)
        tryVerify(function() { return target.enabled }, 5000, name + " stays disabled")
        // A layout that has not been polished yet still has the item at its old place.
        tryVerify(function() {
            for (let p = target.parent; p; p = p.parent)
                if (isPolishScheduled(p))
                    return false
            return true
        }, 2000, name + "'s layout never settles")
        mouseClick(target)
        return target
    }

    function typeText(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }

    // Clicks into a field, empties it and types like a person would.
    function fill(name, text) {
        const field = item(name)
        mouseClick(field, field.width / 3, field.height / 2)
        tryVerify(function() { return field.activeFocus }, 2000, name + " did not take focus")
        field.selectAll()
        keyClick(Qt.Key_Backspace)
        typeText(text)
        compare(field.text, text, "typed into " + name)
        return field
    }

    // First run through the real screens, ending on Home.
    function setUpStore() {
        if (Session.state === Session.Unlocked)
            return
        if (Session.state === Session.Locked) {
            unlockWith(passphrase)
            return
        }
        compare(Session.state, Session.NeedsSetup)
        fill("newPassphraseField", passphrase)
        fill("repeatPassphraseField", passphrase)
        click("createButton")
        tryCompare(Session, "state", Session.ShowRecoveryKey, 20000)
        const key = item("recoveryKeyText").text.replace(/\s/g, "")
        verify(key.length > 40, "the recovery key is shown")
        click("storedSafelyCheck")
        fill("lastGroupField", key.split("-").pop())
        click("confirmRecoveryButton")
        tryCompare(Session, "state", Session.Unlocked, 5000)
        item("homeScreen")
    }

    function unlockWith(text) {
        fill("unlockPassphraseField", text)
        keyClick(Qt.Key_Return)
        tryVerify(function() { return !Session.busy }, 20000)
    }
}
