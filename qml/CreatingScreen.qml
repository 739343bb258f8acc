import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Ui

// Shown while the store is being set up (Argon2id calibration takes a moment).
ScrollPage {
    objectName: "creatingScreen"
    centerVertically: true

    ScreenTitle {
        text: qsTr("Setting up encryption")
    }
    BusyNote {
        objectName: "creatingBusy"
        running: true
        text: qsTr("This takes a few seconds. Samla is measuring this device so that your passphrase is as hard to crack as it can be here.")
    }
}
