import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtMultimedia
import Samla.Core
import Samla.Ui

// The camera's picture while a photo is being taken; the photo itself stays in memory (NoteMedia).
ColumnLayout {
    id: viewfinder
    objectName: "cameraViewfinder"
    spacing: Theme.smallSpacing

    VideoOutput {
        id: output
        Layout.fillWidth: true
        Layout.preferredHeight: Math.round(260 * Theme.scale)
        fillMode: VideoOutput.PreserveAspectFit
        Component.onCompleted: NoteMedia.viewfinder = output
        Component.onDestruction: {
            if (NoteMedia.viewfinder === output)
                NoteMedia.viewfinder = null
        }
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        AppButton {
            objectName: "capturePhotoButton"
            primary: true
            text: qsTr("Capture")
            Accessible.description: qsTr("Takes the photo and adds it to the note, encrypted.")
            onClicked: NoteMedia.takePhoto()
        }
        AppButton {
            objectName: "closeCameraButton"
            text: qsTr("Cancel")
            onClicked: NoteMedia.closeCamera()
        }
    }
}
