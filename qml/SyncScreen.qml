import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtMultimedia
import QtQuick.Dialogs
import Samla.Core
import Samla.Ui

// Sync: join a project's server with an enrolment code, sync now, and (on an
// administrator's device) approve the devices that joined.
ScrollPage {
    id: screen
    objectName: "syncScreen"
    readonly property string title: qsTr("Sync")
    // The device (its id) the user chose to make a data manager, waiting for confirmation.
    property string grantCandidate: ""
    // The device an administrator is about to remove (asked to confirm first).
    property string revokeCandidate: ""
    maxWidth: Math.round(900 * Theme.scale)
    Component.onCompleted: SyncController.refresh()

    component FactRow: RowLayout {
        property alias label: labelText.text
        property alias value: valueText.text
        property alias valueName: valueText.objectName
        Layout.fillWidth: true
        spacing: Theme.spacing
        Label {
            id: labelText
            Layout.preferredWidth: Math.round(200 * Theme.scale)
            Layout.alignment: Qt.AlignTop
            font.pixelSize: Theme.fontBody
            font.weight: Font.DemiBold
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        BodyText {
            id: valueText
            Layout.alignment: Qt.AlignTop
        }
    }

    MessageBanner {
        objectName: "syncError"
        text: SyncController.errorString
    }
    MessageBanner {
        objectName: "syncResult"
        error: false
        text: SyncController.resultText
    }
    BusyNote {
        objectName: "syncBusy"
        running: SyncController.busy && !SyncController.syncing
        text: qsTr("Talking to the sync server…")
    }
    // A sync running now (asked for or automatic): what has gone and come so far.
    // The rest of the app stays usable meanwhile.
    ColumnLayout {
        objectName: "syncProgress"
        Layout.fillWidth: true
        visible: SyncController.syncing
        spacing: Theme.smallSpacing
        FieldLabel {
            objectName: "sendProgressLabel"
            text: SyncController.progressToSend > 0
                  ? qsTr("Sending: %1 of %n change(s)", "", SyncController.progressToSend)
                    .arg(Math.min(SyncController.progressSent, SyncController.progressToSend))
                  : qsTr("Nothing to send")
        }
        ProgressBar {
            Layout.fillWidth: true
            Layout.preferredHeight: Math.round(12 * Theme.scale)
            visible: SyncController.progressToSend > 0
            from: 0
            to: Math.max(1, SyncController.progressToSend)
            value: Math.min(SyncController.progressSent, SyncController.progressToSend)
            Accessible.name: qsTr("Sending changes")
        }
        FieldLabel {
            objectName: "receiveProgressLabel"
            text: qsTr("Received so far: %n change(s)", "", SyncController.progressReceived)
        }
        ProgressBar {
            Layout.fillWidth: true
            Layout.preferredHeight: Math.round(12 * Theme.scale)
            indeterminate: true   // the server does not say how many are waiting
            Accessible.name: qsTr("Receiving changes")
        }
        // Photos, recordings and consent PDFs go separately, in bytes.
        FieldLabel {
            objectName: "fileProgressLabel"
            visible: SyncController.progressFileBytesTotal > 0
            text: qsTr("Files: %1 of %2 MB").arg(SyncController.progressFileMegabytes)
                  .arg(SyncController.progressFileMegabytesTotal)
        }
        ProgressBar {
            objectName: "fileProgressBar"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.round(12 * Theme.scale)
            visible: SyncController.progressFileBytesTotal > 0
            from: 0
            to: Math.max(1, SyncController.progressFileBytesTotal)
            value: Math.min(SyncController.progressFileBytes, SyncController.progressFileBytesTotal)
            Accessible.name: qsTr("Sending and receiving files")
        }
    }

    // Not joined: the enrolment code.
    ColumnLayout {
        Layout.fillWidth: true
        visible: !SyncController.joined
        spacing: Theme.spacing

        ScreenTitle {
            text: qsTr("Join a project")
        }
        BodyText {
            text: qsTr("Your administrator gives you an enrolment code: a line of text that starts with samla-enrol:, "
                       + "also shown as a QR code. Paste the text here, scan the code with the camera, or open "
                       + "its image. Everything you write stays encrypted; the "
                       + "server can read none of it.")
        }
        FieldLabel {
            text: qsTr("Enrolment code")
        }
        AppTextField {
            id: codeField
            objectName: "enrolCodeField"
            Layout.fillWidth: true
            enabled: !SyncController.busy
            placeholderText: "samla-enrol:v1;host=…"
            inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
        }
        AppButton {
            objectName: "joinButton"
            primary: true
            enabled: codeField.text.length > 0 && !SyncController.busy
            text: qsTr("Join")
            onClicked: SyncController.join(codeField.text)
        }
        // Or the camera, pointed at the administrator's QR code.
        AppButton {
            objectName: "scanQrButton"
            Layout.fillWidth: true
            visible: !QrScanner.scanning
            enabled: QrScanner.cameraAvailable && !SyncController.busy
            text: QrScanner.cameraAvailable ? qsTr("Scan the QR code with the camera") : qsTr("No camera found")
            onClicked: QrScanner.start()
        }
        ColumnLayout {
            objectName: "qrViewfinder"
            Layout.fillWidth: true
            visible: QrScanner.scanning
            spacing: Theme.smallSpacing
            VideoOutput {
                id: qrOutput
                Layout.fillWidth: true
                Layout.preferredHeight: Math.round(300 * Theme.scale)
                fillMode: VideoOutput.PreserveAspectFit
                Component.onCompleted: QrScanner.viewfinder = qrOutput
                Component.onDestruction: {
                    if (QrScanner.viewfinder === qrOutput) {
                        QrScanner.stop()
                        QrScanner.viewfinder = null
                    }
                }
            }
            AppButton {
                objectName: "stopScanButton"
                text: qsTr("Stop the camera")
                onClicked: QrScanner.stop()
            }
        }
        MessageBanner {
            objectName: "qrScanMessage"
            error: false
            text: QrScanner.message
        }
        Connections {
            target: QrScanner
            function onFound(code) {
                codeField.text = code
                SyncController.join(code)
            }
        }
        FieldLabel {
            text: qsTr("Or the QR code as an image (the PNG file, or a photo of the code)")
        }
        AppTextField {
            id: imageField
            objectName: "enrolImageField"
            Layout.fillWidth: true
            enabled: !SyncController.busy
            placeholderText: qsTr("Path of the image file")
            inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
        }
        AppButton {
            objectName: "chooseEnrolImageButton"
            enabled: !SyncController.busy
            text: qsTr("Choose the image…")
            onClicked: enrolImageDialog.open()
        }
        FileDialog {
            id: enrolImageDialog
            title: qsTr("The QR code image")
            nameFilters: [qsTr("Images (*.png *.jpg *.jpeg)")]
            onAccepted: imageField.text = selectedFile.toString()
        }
        AppButton {
            objectName: "joinFromImageButton"
            enabled: imageField.text.length > 0 && !SyncController.busy
            text: qsTr("Read the QR code and join")
            onClicked: SyncController.joinFromImage(imageField.text)
        }
        BodyText {
            color: Theme.textMuted
            text: qsTr("Joining as an administrator links the project open on this device (%1) to the server.")
                  .arg(Notebook.projectName)
        }
    }

    // Joined: state and the sync button.
    ColumnLayout {
        Layout.fillWidth: true
        visible: SyncController.joined
        spacing: Theme.spacing

        ScreenTitle {
            text: SyncController.submitsOnly ? qsTr("Participant's device (submits only)")
                  : SyncController.admin ? qsTr("Synced project (administrator)") : qsTr("Synced project")
        }
        // A participant's own device: what it does, in plain words.
        MessageBanner {
            objectName: "submitsOnlyBanner"
            error: false
            text: SyncController.submitsOnly
                  ? qsTr("Your entries are sent to the research team. This device cannot read them back.")
                  : ""
        }
        BodyText {
            objectName: "submitsOnlyNote"
            visible: SyncController.submitsOnly
            text: qsTr("Once the research team's server has an entry, it is removed from this device, so nobody "
                       + "else who uses this device can read it.")
        }
        MessageBanner {
            objectName: "waitingBanner"
            error: false
            text: SyncController.waitingForApproval
                  ? qsTr("Waiting for approval. Ask your administrator to approve the device %1.")
                    .arg(SyncController.deviceIdText)
                  : ""
        }
        // Facts as label and value pairs; the labels keep one width so the
        // values line up, and both wrap at large text sizes.
        FactRow {
            label: qsTr("Server")
            value: SyncController.serverText
            valueName: "serverLabel"
        }
        FactRow {
            label: qsTr("Certificate")
            value: SyncController.fingerprintText + "…"
        }
        FactRow {
            label: qsTr("This device")
            value: SyncController.deviceIdText
            valueName: "deviceIdLabel"
        }
        FactRow {
            label: qsTr("Waiting to be sent")
            value: qsTr("%n change(s)", "", SyncController.pendingCount)
            valueName: "pendingLabel"
        }
        FactRow {
            label: qsTr("Last sync")
            value: SyncController.lastSyncText
            valueName: "lastSyncLabel"
        }
        AppCheckBox {
            objectName: "autoSyncCheck"
            Layout.fillWidth: true
            text: qsTr("Sync automatically when the server can be reached")
            checked: SyncController.autoSync
            onToggled: SyncController.autoSync = checked
        }
        BodyText {
            objectName: "scheduleLabel"
            visible: text.length > 0
            color: Theme.textMuted
            text: SyncController.scheduleText
        }
        MessageBanner {
            objectName: "heldBanner"
            error: true
            text: SyncController.heldCount > 0
                  ? qsTr("%n change(s) from other devices are dated more than a day after this device's clock "
                         + "and wait until then. They are kept. Check this device's date and time.", "",
                         SyncController.heldCount)
                  : ""
        }
        MessageBanner {
            objectName: "conflictsBanner"
            error: false
            text: SyncController.conflictCount > 0 && !SyncController.submitsOnly
                  ? qsTr("%n record(s) were changed on two devices at once. Both versions are kept in each "
                         + "record's history.", "", SyncController.conflictCount)
                  : ""
        }
        // Each record changed on two devices at once, both versions side by side.
        Column {
            Layout.fillWidth: true
            spacing: Theme.spacing
            visible: SyncController.conflictCount > 0 && !SyncController.submitsOnly
            Repeater {
                model: SyncController.conflicts
                delegate: Rectangle {
                    required property var modelData
                    width: parent ? parent.width : 0
                    implicitHeight: conflictBody.implicitHeight + 2 * Theme.spacing
                    radius: Theme.radius
                    color: Theme.surface
                    border.color: Theme.border
                    ColumnLayout {
                        id: conflictBody
                        anchors.fill: parent
                        anchors.margins: Theme.spacing
                        spacing: Theme.smallSpacing
                        SectionHeading {
                            text: modelData.title
                        }
                        // What the kind's policy did with the two versions.
                        BodyText {
                            objectName: "conflictSummary_" + modelData.id
                            Layout.fillWidth: true
                            text: modelData.summary
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacing
                            ColumnLayout {
                                Layout.fillWidth: true
                                Layout.preferredWidth: 1
                                Layout.alignment: Qt.AlignTop
                                FieldLabel {
                                    Layout.fillWidth: true
                                    wrapMode: Text.Wrap
                                    text: qsTr("In force now: saved %1 on %2").arg(modelData.currentTime)
                                          .arg(modelData.currentDevice)
                                }
                                BodyText {
                                    objectName: "conflictCurrent_" + modelData.id
                                    Layout.fillWidth: true
                                    visible: text.length > 0
                                    text: modelData.currentText
                                    maximumLineCount: 20
                                    elide: Text.ElideRight
                                }
                            }
                            ColumnLayout {
                                Layout.fillWidth: true
                                Layout.preferredWidth: 1
                                Layout.alignment: Qt.AlignTop
                                FieldLabel {
                                    Layout.fillWidth: true
                                    wrapMode: Text.Wrap
                                    text: qsTr("The other version: saved %1 on %2").arg(modelData.otherTime)
                                          .arg(modelData.otherDevice)
                                }
                                BodyText {
                                    objectName: "conflictOther_" + modelData.id
                                    Layout.fillWidth: true
                                    visible: text.length > 0
                                    text: modelData.otherText
                                    maximumLineCount: 20
                                    elide: Text.ElideRight
                                }
                            }
                        }
                        // Fields both devices changed: each one's two values side by side.
                        Column {
                            Layout.fillWidth: true
                            visible: modelData.fieldConflict
                            spacing: Theme.smallSpacing
                            Repeater {
                                model: modelData.fields
                                delegate: Column {
                                    required property var modelData
                                    width: parent ? parent.width : 0
                                    FieldLabel {
                                        width: parent.width
                                        wrapMode: Text.Wrap
                                        text: modelData.label
                                    }
                                    Row {
                                        width: parent.width
                                        spacing: Theme.spacing
                                        BodyText {
                                            width: (parent.width - Theme.spacing) / 2
                                            font.bold: true
                                            text: modelData.current
                                        }
                                        BodyText {
                                            width: (parent.width - Theme.spacing) / 2
                                            text: modelData.other
                                        }
                                    }
                                }
                            }
                        }
                        // The choices in one row, each under its version.
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacing
                            Item {
                                Layout.fillWidth: true
                                Layout.preferredWidth: 1
                                implicitHeight: keepButton.implicitHeight
                                AppButton {
                                    id: keepButton
                                    objectName: "keepCurrent_" + modelData.id
                                    enabled: !SyncController.busy
                                    text: modelData.review ? qsTr("Mark as reviewed") : qsTr("Keep this one")
                                    onClicked: SyncController.keepCurrent(modelData.id)
                                }
                            }
                            Item {
                                Layout.fillWidth: true
                                Layout.preferredWidth: 1
                                implicitHeight: useButton.implicitHeight
                                AppButton {
                                    id: useButton
                                    objectName: "useOther_" + modelData.id
                                    visible: modelData.canUseOther
                                    enabled: !SyncController.busy
                                    text: qsTr("Use this one")
                                    onClicked: SyncController.useOther(modelData.id)
                                }
                            }
                        }
                    }
                }
            }
        }
        BigButton {
            objectName: "syncNowButton"
            Layout.fillWidth: true
            primary: true
            enabled: !SyncController.busy
            text: SyncController.submitsOnly ? qsTr("Send now") : qsTr("Sync now")
            description: SyncController.submitsOnly ? qsTr("Send the entries written on this device")
                                                    : qsTr("Send what this device wrote, receive what the others wrote")
            onClicked: SyncController.syncNow()
        }
    }

    // Administrators: approve devices.
    ColumnLayout {
        Layout.fillWidth: true
        visible: SyncController.joined && SyncController.admin
        spacing: Theme.spacing

        SectionHeading {
            text: qsTr("Devices in this project")
        }
        BodyText {
            color: Theme.textMuted
            text: qsTr("Approve only devices you recognise: compare the id with the one shown on the device.")
        }
        AppButton {
            objectName: "refreshDevicesButton"
            enabled: !SyncController.busy
            text: qsTr("Show devices")
            onClicked: SyncController.refreshDevices()
        }
        // A positioner, not a layout, holds the rows that come and go.
        Column {
            Layout.fillWidth: true
            spacing: Theme.smallSpacing
            Repeater {
                model: SyncController.devices
                delegate: RowLayout {
                    required property var modelData
                    width: parent ? parent.width : 0
                    spacing: Theme.spacing
                    BodyText {
                        Layout.fillWidth: true
                        text: modelData.shortId
                              + (modelData.self ? " · " + qsTr("this device") : "")
                              + (modelData.admin ? " · " + qsTr("administrator") : "")
                              + (modelData.writeOnly ? " · " + qsTr("Participant's device (submits only)") : "")
                              + (modelData.dataManager ? " · " + qsTr("data manager") : "")
                              + " · " + (modelData.revoked ? qsTr("removed")
                                                           : modelData.approved ? qsTr("approved")
                                                                                : qsTr("waiting for approval"))
                    }
                    AppButton {
                        objectName: "approve_" + modelData.shortId
                        visible: !modelData.approved && !modelData.revoked
                        enabled: !SyncController.busy
                        primary: true
                        text: qsTr("Approve")
                        onClicked: SyncController.approve(modelData.id)
                    }
                    AppButton {
                        objectName: "grantDataManager_" + modelData.shortId
                        visible: SyncController.holdsRegister && modelData.approved && !modelData.revoked
                                 && !modelData.self && !modelData.dataManager && !modelData.writeOnly
                        enabled: !SyncController.busy
                        text: qsTr("Make data manager")
                        onClicked: screen.grantCandidate = modelData.id
                    }
                    AppButton {
                        objectName: "revoke_" + modelData.shortId
                        visible: !modelData.revoked && !modelData.self
                        enabled: !SyncController.busy
                        text: qsTr("Remove")
                        onClicked: screen.revokeCandidate = modelData.id
                    }
                }
            }
        }
        // Removing cannot be undone: asked once more, with what it means.
        Rectangle {
            objectName: "revokeConfirm"
            Layout.fillWidth: true
            visible: screen.revokeCandidate !== ""
            implicitHeight: revokeColumn.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.danger
            ColumnLayout {
                id: revokeColumn
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: Theme.spacing
                BodyText {
                    Layout.fillWidth: true
                    text: qsTr("Device %1 will no longer be able to sync, and cannot join again. What it holds "
                               + "stays on it, but nothing written from now on reaches it: the other devices move "
                               + "to a new project key. Remove a device that was lost, stolen or handed on.")
                          .arg(screen.revokeCandidate.substring(0, 16))
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    AppButton {
                        objectName: "revokeConfirmButton"
                        primary: true
                        enabled: !SyncController.busy
                        text: qsTr("Remove the device")
                        onClicked: {
                            SyncController.revoke(screen.revokeCandidate)
                            screen.revokeCandidate = ""
                        }
                    }
                    AppButton {
                        objectName: "revokeCancelButton"
                        text: qsTr("Cancel")
                        onClicked: screen.revokeCandidate = ""
                    }
                }
            }
        }
        // The role shows names and contact details: asked once more, with what it means.
        Rectangle {
            objectName: "grantDataManagerConfirm"
            Layout.fillWidth: true
            visible: screen.grantCandidate !== ""
            implicitHeight: confirmColumn.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.accent
            ColumnLayout {
                id: confirmColumn
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: Theme.spacing
                BodyText {
                    Layout.fillWidth: true
                    text: qsTr("Device %1 will be able to see the names, contact details and dates of birth of this "
                               + "project's participants, and every look-up it makes is recorded. Grant the role only "
                               + "to the device of a data manager named in the project's data management plan.")
                          .arg(screen.grantCandidate.substring(0, 16))
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    AppButton {
                        objectName: "grantDataManagerConfirmButton"
                        primary: true
                        enabled: !SyncController.busy
                        text: qsTr("Grant the data-manager role")
                        onClicked: {
                            SyncController.grantDataManager(screen.grantCandidate)
                            screen.grantCandidate = ""
                        }
                    }
                    AppButton {
                        objectName: "grantDataManagerCancelButton"
                        text: qsTr("Cancel")
                        onClicked: screen.grantCandidate = ""
                    }
                }
            }
        }
    }
}
