import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// Photos and recordings of the note: take or add a photo, record audio, play, remove.
ColumnLayout {
    id: panel
    objectName: "noteMediaPanel"
    spacing: Theme.smallSpacing
    property bool choosingFile: false

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        visible: panel.choosingFile && !NoteMedia.recording
        AppTextField {
            id: photoFile
            objectName: "photoFileField"
            Layout.fillWidth: true
            placeholderText: qsTr("Path to a JPEG or PNG photo")
            Accessible.name: qsTr("Photo file")
            inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            onAccepted: addPhoto.clicked()
        }
        AppButton {
            id: addPhoto
            objectName: "addPhotoButton"
            text: qsTr("Add")
            enabled: photoFile.text.trim() !== ""
            onClicked: {
                if (NoteMedia.addPhotoFromFile(photoFile.text.trim())) {
                    photoFile.text = ""
                    panel.choosingFile = false
                }
            }
        }
    }

    // While recording: how long, how loud, and the two ways out.
    Rectangle {
        objectName: "recorderPanel"
        Layout.fillWidth: true
        visible: NoteMedia.recording
        implicitHeight: recorderRow.implicitHeight + 2 * Theme.smallSpacing
        radius: Theme.radius / 2
        color: Theme.dangerSoft
        border.color: Theme.danger
        RowLayout {
            id: recorderRow
            anchors.fill: parent
            anchors.margins: Theme.smallSpacing
            anchors.leftMargin: Theme.spacing
            spacing: Theme.spacing
            Rectangle {
                width: Math.round(16 * Theme.scale)
                height: width
                radius: width / 2
                color: Theme.danger
                Accessible.ignored: true
            }
            Label {
                objectName: "recordingElapsed"
                text: qsTr("Recording %1").arg(NoteMedia.elapsedText)
                font.pixelSize: Theme.fontBody
                font.weight: Font.DemiBold
                color: Theme.text
            }
            Rectangle {
                objectName: "levelMeter"
                Layout.fillWidth: true
                Layout.minimumWidth: Math.round(60 * Theme.scale)
                implicitHeight: Math.round(14 * Theme.scale)
                radius: height / 2
                color: Theme.surface
                border.color: Theme.border
                Accessible.role: Accessible.ProgressBar
                Accessible.name: qsTr("Sound level")
                Rectangle {
                    height: parent.height
                    radius: height / 2
                    width: Math.max(height, parent.width * Math.min(1, NoteMedia.level))
                    color: NoteMedia.level > 0.9 ? Theme.danger : Theme.success
                }
            }
            AppButton {
                objectName: "stopRecordingButton"
                primary: true
                text: qsTr("Stop and save")
                onClicked: NoteMedia.stopRecording()
            }
            AppButton {
                objectName: "cancelRecordingButton"
                text: qsTr("Discard")
                Accessible.description: qsTr("Stops recording and keeps nothing.")
                onClicked: NoteMedia.cancelRecording()
            }
        }
    }

    Loader {
        Layout.fillWidth: true
        active: NoteMedia.cameraOpen
        visible: active
        sourceComponent: CameraViewfinder {}
    }

    MessageBanner {
        objectName: "mediaError"
        text: NoteMedia.errorString
    }
    MessageBanner {
        objectName: "mediaInfo"
        error: false
        text: NoteMedia.infoString
    }

    // The ways to add something, beside what the note already has.
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        ColumnLayout {
            id: actions
            Layout.alignment: Qt.AlignTop
            Layout.fillWidth: false
            spacing: Theme.smallSpacing
            visible: !NoteMedia.recording && !NoteMedia.cameraOpen
            AppButton {
                Layout.fillWidth: true
                objectName: "takePhotoButton"
                text: NoteMedia.cameraButtonText
                enabled: NoteMedia.cameraAvailable
                Accessible.description: qsTr("Opens the camera. The photo is encrypted before it is saved.")
                onClicked: NoteMedia.openCamera()
            }
            AppButton {
                Layout.fillWidth: true
                objectName: "photoFromFileButton"
                text: qsTr("Add photo from file")
                checkable: true
                checked: panel.choosingFile
                onClicked: panel.choosingFile = !panel.choosingFile
            }
            AppButton {
                Layout.fillWidth: true
                objectName: "recordButton"
                text: NoteMedia.recordButtonText
                enabled: NoteMedia.microphoneAvailable
                Accessible.description: qsTr("Records from the microphone. The sound is encrypted as it is recorded.")
                onClicked: NoteMedia.startRecording()
            }
        }
        ListView {
            id: strip
            objectName: "attachmentList"
            Layout.fillWidth: true
            visible: count > 0
            // As tall as the three buttons beside it: a thumbnail over a row of buttons.
            Layout.preferredHeight: Math.max(actions.visible ? actions.implicitHeight : 0,
                                             Math.round(110 * Theme.scale) + Theme.controlHeight + 3 * Theme.smallSpacing)
            orientation: ListView.Horizontal
            spacing: Theme.spacing
            clip: true
            model: NoteMedia.attachments
            Accessible.name: qsTr("Attachments")
            // More tiles than fit: a bar that shows there is more, and can be dragged.
            ScrollBar.horizontal: ScrollBar {
                id: stripBar
                policy: strip.contentWidth > strip.width ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
            }
            delegate: Rectangle {
                id: tile
                required property string hash
                required property string kind
                required property string label
                required property string added
                required property string thumbnail
                required property string problem
                required property bool playing
                objectName: "attachment-" + hash.substring(0, 8)
                width: Math.round((tile.kind === "audio" ? 300 : 220) * Theme.scale)
                height: strip.height - (stripBar.policy === ScrollBar.AlwaysOn ? stripBar.height + 2 : 0)
                radius: Theme.radius / 2
                color: Theme.surface
                border.color: tile.problem !== "" ? Theme.danger : Theme.divider

                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: Theme.smallSpacing
                    spacing: Theme.smallSpacing / 2
                    Item {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Image {
                            objectName: "thumbnail"
                            anchors.fill: parent
                            visible: tile.thumbnail !== ""
                            source: tile.thumbnail
                            fillMode: Image.PreserveAspectFit
                            cache: false
                            Accessible.name: tile.label
                        }
                        Label {
                            anchors.fill: parent
                            visible: tile.thumbnail === ""
                            text: tile.problem !== "" ? tile.problem : tile.label + "\n" + tile.added
                            wrapMode: Text.WordWrap
                            horizontalAlignment: Text.AlignHCenter
                            verticalAlignment: Text.AlignVCenter
                            font.pixelSize: tile.problem !== "" ? Theme.fontSmall : Theme.fontBody
                            color: tile.problem !== "" ? Theme.danger : Theme.text
                        }
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.smallSpacing
                        AppButton {
                            objectName: "playButton"
                            Layout.fillWidth: true
                            visible: tile.kind === "audio"
                            enabled: tile.problem === ""
                            text: tile.playing ? qsTr("Stop") : qsTr("Play")
                            Accessible.name: (tile.playing ? qsTr("Stop") : qsTr("Play")) + ", " + tile.label
                            onClicked: tile.playing ? NoteMedia.stopPlayback() : NoteMedia.play(tile.hash)
                        }
                        AppButton {
                            objectName: "removeAttachmentButton"
                            Layout.fillWidth: true
                            text: qsTr("Remove")
                            Accessible.name: qsTr("Remove %1").arg(tile.label)
                            onClicked: NoteMedia.remove(tile.hash)
                        }
                    }
                }
            }
        }
        Label {
            objectName: "noAttachments"
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            visible: NoteMedia.attachmentCount === 0 && actions.visible
            text: qsTr("Photos and recordings are encrypted on this device as soon as they are made.")
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
        }
    }
}
