import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// Every saved version of the open note; pick one to read it and, if wanted, restore it.
Item {
    id: screen
    objectName: "versionsScreen"
    readonly property string title: qsTr("Versions")
    readonly property bool wide: width > height

    Component.onCompleted: NoteEditor.loadVersions()

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        columns: screen.wide ? 2 : 1
        columnSpacing: Theme.spacing * 1.5
        rowSpacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: !screen.wide
            Layout.preferredWidth: screen.wide ? Math.round(screen.width * 0.36) : -1
            Layout.fillHeight: screen.wide
            Layout.preferredHeight: screen.wide ? -1 : Math.round(screen.height * 0.32)
            spacing: Theme.smallSpacing
            BodyText {
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
                text: qsTr("Every save is kept. Pick a version to read it. Restoring saves it again as the newest version, so nothing is lost.")
            }
            ListView {
                id: list
                objectName: "versionsList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: Theme.smallSpacing
                model: NoteEditor.versions
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar {
                    width: 12
                }
                delegate: VersionDelegate {
                    width: ListView.view.width - 16
                    version: model.version
                    saved: model.saved
                    isCurrent: model.isCurrent
                    selected: NoteEditor.viewedVersion === model.version
                    onClicked: NoteEditor.viewVersion(version)
                }
            }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.divider

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: Theme.smallSpacing

                Label {
                    objectName: "viewedVersionHeading"
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.fontHeading
                    font.weight: Font.Bold
                    color: Theme.text
                    text: NoteEditor.viewedVersion === 0
                          ? qsTr("Pick a version to read it")
                          : qsTr("Version %1, saved %2").arg(NoteEditor.viewedVersion).arg(NoteEditor.viewedSaved)
                }
                Label {
                    objectName: "viewedVersionTitle"
                    Layout.fillWidth: true
                    visible: NoteEditor.viewedVersion !== 0
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.fontBody
                    font.weight: Font.DemiBold
                    color: Theme.text
                    text: NoteEditor.viewedTitle
                }
                ScrollView {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    TextArea {
                        objectName: "viewedVersionText"
                        readOnly: true
                        wrapMode: TextEdit.Wrap
                        text: NoteEditor.viewedText
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                        background: null
                    }
                }
                AppButton {
                    objectName: "restoreButton"
                    Layout.fillWidth: true
                    primary: true
                    enabled: NoteEditor.viewedVersion !== 0 && NoteEditor.viewedVersion !== NoteEditor.version
                    text: qsTr("Restore this version")
                    onClicked: {
                        if (NoteEditor.restoreViewedVersion())
                            Navigator.back()
                    }
                }
                MessageBanner {
                    text: NoteEditor.errorString
                }
            }
        }
    }
}
