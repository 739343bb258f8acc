import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// The project's consent forms with every published version; new, edit, import, export, view.
ScrollPage {
    id: screen
    objectName: "consentFormsScreen"
    readonly property string title: qsTr("Consent forms")
    maxWidth: Math.round(900 * Theme.scale)

    Component.onCompleted: ConsentFormEditor.refresh()

    BodyText {
        color: Theme.textMuted
        text: qsTr("Every change to a form is published as a new version with a content hash. A consent always keeps the exact version it was given with.")
    }
    MessageBanner {
        objectName: "formsError"
        text: ConsentFormEditor.listErrorString
    }
    BodyText {
        objectName: "formsEmpty"
        visible: ConsentFormEditor.forms.length === 0
        text: qsTr("No consent forms yet. Write a new one, or import one from a JSON file below.")
    }

    // A positioner, not a layout, holds the rebuilt cards: they are rebuilt on every publish and language switch.
    Column {
        objectName: "formsList"
        Layout.fillWidth: true
        spacing: Theme.spacing
        Repeater {
            model: ConsentFormEditor.forms
            Rectangle {
                id: card
                required property var modelData
                required property int index
                width: parent.width
                implicitHeight: cardColumn.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius / 2
                color: Theme.surface
                border.color: Theme.divider

                Column {
                    id: cardColumn
                    x: Theme.spacing
                    y: Theme.spacing
                    width: parent.width - 2 * Theme.spacing
                    spacing: Theme.smallSpacing

                    Label {
                        objectName: "formTitle_" + card.index
                        width: parent.width
                        text: card.modelData.title
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.fontHeading
                        font.weight: Font.Bold
                        color: Theme.text
                    }
                    Label {
                        objectName: "formLatest_" + card.index
                        width: parent.width
                        text: qsTr("Version %1 · published %2 · hash %3 · %4")
                              .arg(card.modelData.number).arg(card.modelData.date)
                              .arg(card.modelData.hash).arg(card.modelData.languages)
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.fontBody
                        color: Theme.textMuted
                    }
                    Flow {
                        width: parent.width
                        spacing: Theme.smallSpacing
                        AppButton {
                            objectName: "editForm_" + card.index
                            primary: true
                            text: qsTr("Edit and publish a new version")
                            onClicked: {
                                if (ConsentFormEditor.editForm(card.modelData.formId))
                                    Navigator.push("formEditor")
                            }
                        }
                        AppButton {
                            objectName: "exportForm_" + card.index
                            text: qsTr("Export version %1 as JSON").arg(card.modelData.number)
                            onClicked: ConsentFormEditor.exportVersion(card.modelData.versionId)
                        }
                    }
                    MessageBanner {
                        objectName: "exportMessage_" + card.index
                        width: parent.width
                        error: ConsentFormEditor.exportFailed
                        text: card.modelData.versionId === ConsentFormEditor.exportVersionId
                              ? ConsentFormEditor.exportMessage : ""
                    }
                    Label {
                        width: parent.width
                        topPadding: Theme.smallSpacing
                        text: qsTr("Versions")
                        font.pixelSize: Theme.fontLabel
                        font.weight: Font.DemiBold
                        color: Theme.text
                    }
                    Repeater {
                        model: card.modelData.versions
                        Item {
                            id: versionRow
                            required property var modelData
                            width: cardColumn.width
                            implicitHeight: Math.max(viewButton.implicitHeight, versionText.implicitHeight)
                            Label {
                                id: versionText
                                objectName: "versionRow_" + card.index + "_" + versionRow.modelData.number
                                anchors.left: parent.left
                                anchors.right: viewButton.left
                                anchors.rightMargin: Theme.spacing
                                anchors.verticalCenter: parent.verticalCenter
                                text: qsTr("Version %1 · %2 · hash %3").arg(versionRow.modelData.number)
                                      .arg(versionRow.modelData.date).arg(versionRow.modelData.hash)
                                      + "\n" + (versionRow.modelData.consents === 0
                                                ? qsTr("No consent given with it yet")
                                                : qsTr("Given with %n consent(s)", "", versionRow.modelData.consents))
                                wrapMode: Text.WordWrap
                                font.pixelSize: Theme.fontBody
                                color: Theme.text
                            }
                            AppButton {
                                id: viewButton
                                objectName: "viewVersion_" + card.index + "_" + versionRow.modelData.number
                                anchors.right: parent.right
                                anchors.verticalCenter: parent.verticalCenter
                                text: qsTr("View")
                                Accessible.name: qsTr("View version %1").arg(versionRow.modelData.number)
                                onClicked: {
                                    if (ConsentFormEditor.showVersion(versionRow.modelData.versionId))
                                        Navigator.push("formVersion")
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    AppButton {
        objectName: "newFormButton"
        Layout.fillWidth: true
        primary: true
        text: qsTr("Write a new consent form")
        onClicked: {
            ConsentFormEditor.newForm()
            Navigator.push("formEditor")
        }
    }

    SectionHeading {
        text: qsTr("Import from a JSON file")
    }
    BodyText {
        color: Theme.textMuted
        text: qsTr("A form exported from Samla, or written by hand: {\"title\": {\"sv\": …, \"en\": …}, \"information\": {…}, \"items\": [{\"id\", \"activity\", \"required\", \"text\"}]}. It becomes a new form's version 1.")
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        AppTextField {
            id: importFile
            objectName: "formFileField"
            Layout.fillWidth: true
            placeholderText: qsTr("Path to the .json file")
            Accessible.name: qsTr("Consent form file")
            inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
        }
        AppButton {
            objectName: "importFormButton"
            text: qsTr("Import")
            enabled: importFile.text.trim() !== ""
            onClicked: {
                if (ConsentFormEditor.importFile(importFile.text.trim()))
                    importFile.text = ""
            }
        }
    }
    MessageBanner {
        objectName: "importFormError"
        text: ConsentFormEditor.importErrorString
    }
    MessageBanner {
        objectName: "importFormInfo"
        error: false
        text: ConsentFormEditor.importInfoString
    }
    BodyText {
        color: Theme.textMuted
        text: qsTr("Exports are saved in %1.").arg(ConsentFormEditor.exportDirectory)
    }
}
