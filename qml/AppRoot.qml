import QtQuick
import QtQuick.Controls.Basic
import Samla.Core
import Samla.Ui

// Picks the screen for the session's state: first run, recovery key, locked, or the unlocked app.
Item {
    id: root
    objectName: "appRoot"
    // The recover screen is reached from the unlock screen ("Forgot passphrase?").
    property bool recovering: false

    Rectangle {
        anchors.fill: parent
        color: Theme.background
    }

    Loader {
        id: screenLoader
        objectName: "screenLoader"
        anchors.fill: parent
        focus: true
        sourceComponent: {
            switch (Session.state) {
            case Session.NeedsSetup: return firstRun
            case Session.Creating: return creating
            case Session.ShowRecoveryKey: return recoveryKey
            case Session.Locked: return root.recovering ? recover : unlock
            case Session.Unlocked: return shell
            }
            return unlock
        }
    }

    Connections {
        target: Session
        function onStateChanged() {
            if (Session.state !== Session.Locked)
                root.recovering = false
        }
    }

    Component {
        id: firstRun
        FirstRunScreen {}
    }
    Component {
        id: creating
        CreatingScreen {}
    }
    Component {
        id: recoveryKey
        RecoveryKeyScreen {}
    }
    Component {
        id: unlock
        UnlockScreen {
            onRecoverRequested: root.recovering = true
        }
    }
    Component {
        id: recover
        RecoverScreen {
            onCancelled: root.recovering = false
        }
    }
    Component {
        id: shell
        UnlockedShell {}
    }
}
