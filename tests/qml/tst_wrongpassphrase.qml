import QtQuick
import QtTest
import Samla.Core
import Samla.Ui

// A wrong passphrase says so in the user's language, clears the field and changes nothing.
Item {
    width: 800
    height: 1280

    AppRoot {
        id: root
        anchors.fill: parent
    }

    SamlaTestCase {
        name: "WrongPassphrase"
        app: root

        function test_wrongPassphraseStaysLocked() {
            setUpStore()
            click("lockButton")
            tryCompare(Session, "state", Session.Locked)

            fill("unlockPassphraseField", "definitely not it")
            click("unlockButton")
            tryVerify(function() { return !Session.busy }, 20000)
            const error = item("unlockErrorLabel")
            compare(error.text, "That passphrase is not right. Nothing has been changed. Try again, or use your recovery key.")
            compare(Session.state, Session.Locked)
            compare(item("unlockPassphraseField").text, "", "the field is cleared")
            item("unlockScreen")

            // The message follows the language.
            AppSettings.language = "sv"
            tryVerify(function() { return error.text.indexOf("Lösenfrasen stämmer inte") === 0 }, 2000, error.text)
            compare(item("unlockButton").text, "Lås upp")
            AppSettings.language = "en"

            // Forgot passphrase leads to the recovery screen and back.
            click("forgotButton")
            item("recoverScreen")
            click("backToUnlockButton")
            item("unlockScreen")

            unlockWith(passphrase)
            tryCompare(Session, "state", Session.Unlocked)
        }
    }
}
