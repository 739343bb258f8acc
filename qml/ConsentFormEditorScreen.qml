import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// Writing a consent form, or the next version of one: title, information and
// items in each working language. Publishing makes a new, hashed version.
Item {
    id: screen
    objectName: "consentFormEditorScreen"
    readonly property string title: ConsentFormEditor.formId === "" ? qsTr("New consent form")
                                                                    : qsTr("Edit consent form")
    readonly property var problems: ConsentFormEditor.problems

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ScrollPage {
            id: page
            objectName: "consentFormEditorPage"
            Layout.fillWidth: true
            Layout.fillHeight: true
            maxWidth: Math.round(1200 * Theme.scale)

            BodyText {
                objectName: "formEditorIntro"
                color: Theme.textMuted
                text: ConsentFormEditor.formId === ""
                      ? qsTr("A new form. Publishing makes its version 1.")
                      : qsTr("Starting from version %1. Publishing makes version %2; consents already given keep the version they were given with.")
                        .arg(ConsentFormEditor.baseNumber).arg(ConsentFormEditor.baseNumber + 1)
            }

            SectionHeading {
                text: qsTr("Title")
            }
            BilingualField {
                namePrefix: "formTitle_"
                accessibleName: qsTr("Title")
                languages: ConsentFormEditor.languages
                values: ConsentFormEditor.title
                problems: screen.problems
                problemPrefix: "title."
                onEdited: (language, text) => ConsentFormEditor.setTitle(language, text)
            }

            SectionHeading {
                text: qsTr("Information for the participant")
            }
            BodyText {
                color: Theme.textMuted
                text: qsTr("What the study is, what taking part means, and that it is voluntary. The participant reads all of it before agreeing.")
            }
            BilingualField {
                namePrefix: "formInformation_"
                accessibleName: qsTr("Information for the participant")
                multiline: true
                languages: ConsentFormEditor.languages
                values: ConsentFormEditor.information
                problems: screen.problems
                problemPrefix: "information."
                onEdited: (language, text) => ConsentFormEditor.setInformation(language, text)
            }

            SectionHeading {
                text: qsTr("Consent items")
            }
            BodyText {
                color: Theme.textMuted
                text: qsTr("Each item is a sentence the participant answers yes or no to. A required item must be agreed to take part; the activity is what a yes allows.")
            }
            // A positioner, not a layout, holds the rebuilt rows: they come and go on add, remove and move.
            Column {
                objectName: "formItems"
                Layout.fillWidth: true
                spacing: Theme.spacing
                Repeater {
                    model: ConsentFormEditor.items
                    Rectangle {
                        id: itemCard
                        required property var modelData
                        required property int index
                        readonly property string problemPrefix: "item." + index + "."
                        width: parent.width
                        implicitHeight: itemColumn.implicitHeight + 2 * Theme.spacing
                        radius: Theme.radius / 2
                        color: Theme.surface
                        border.color: Theme.divider

                        ColumnLayout {
                            id: itemColumn
                            anchors.fill: parent
                            anchors.margins: Theme.spacing
                            spacing: Theme.smallSpacing

                            Flow {
                                Layout.fillWidth: true
                                spacing: Theme.smallSpacing
                                Label {
                                    height: Theme.controlHeight
                                    verticalAlignment: Text.AlignVCenter
                                    rightPadding: Theme.spacing
                                    text: qsTr("Item %1").arg(itemCard.index + 1)
                                    font.pixelSize: Theme.fontHeading
                                    font.weight: Font.Bold
                                    color: Theme.text
                                }
                                AppButton {
                                    objectName: "moveItemUp_" + itemCard.index
                                    enabled: itemCard.index > 0
                                    text: qsTr("Move up")
                                    onClicked: ConsentFormEditor.moveItem(itemCard.index, -1)
                                }
                                AppButton {
                                    objectName: "moveItemDown_" + itemCard.index
                                    enabled: itemCard.index < ConsentFormEditor.items.length - 1
                                    text: qsTr("Move down")
                                    onClicked: ConsentFormEditor.moveItem(itemCard.index, 1)
                                }
                                AppButton {
                                    objectName: "removeItem_" + itemCard.index
                                    text: qsTr("Remove")
                                    Accessible.name: qsTr("Remove item %1").arg(itemCard.index + 1)
                                    onClicked: ConsentFormEditor.removeItem(itemCard.index)
                                }
                            }

                            BilingualField {
                                namePrefix: "itemText_" + itemCard.index + "_"
                                accessibleName: qsTr("Item %1").arg(itemCard.index + 1)
                                multiline: true
                                languages: ConsentFormEditor.languages
                                values: itemCard.modelData.text
                                problems: screen.problems
                                problemPrefix: itemCard.problemPrefix + "text."
                                onEdited: (language, text) => ConsentFormEditor.setItemText(itemCard.index, language, text)
                            }

                            GridLayout {
                                Layout.fillWidth: true
                                columns: page.width >= Math.round(900 * Theme.scale) ? 3 : 1
                                columnSpacing: Theme.spacing
                                rowSpacing: Theme.smallSpacing
                                ColumnLayout {
                                    Layout.fillWidth: true
                                    Layout.alignment: Qt.AlignTop
                                    spacing: Math.round(Theme.smallSpacing / 2)
                                    FieldLabel {
                                        text: qsTr("What a yes allows")
                                    }
                                    AppComboBox {
                                        objectName: "itemActivity_" + itemCard.index
                                        Layout.fillWidth: true
                                        model: ConsentFormEditor.activityChoices
                                        current: itemCard.modelData.activity
                                        Accessible.name: qsTr("What a yes allows")
                                        onChosen: key => ConsentFormEditor.setItemActivity(itemCard.index, key)
                                    }
                                }
                                ColumnLayout {
                                    Layout.fillWidth: true
                                    Layout.alignment: Qt.AlignTop
                                    spacing: Math.round(Theme.smallSpacing / 2)
                                    FieldLabel {
                                        text: qsTr("Id (a–z, 0–9, _), kept in the data")
                                    }
                                    AppTextField {
                                        objectName: "itemId_" + itemCard.index
                                        Layout.fillWidth: true
                                        text: itemCard.modelData.itemId
                                        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhLowercaseOnly
                                        Accessible.name: qsTr("Id of item %1").arg(itemCard.index + 1)
                                        onTextEdited: ConsentFormEditor.setItemId(itemCard.index, text)
                                    }
                                    Label {
                                        objectName: "itemId_" + itemCard.index + "_problem"
                                        Layout.fillWidth: true
                                        visible: text !== ""
                                        text: screen.problems[itemCard.problemPrefix + "id"] || ""
                                        wrapMode: Text.WordWrap
                                        font.pixelSize: Theme.fontSmall
                                        color: Theme.danger
                                    }
                                }
                                AppCheckBox {
                                    objectName: "itemRequired_" + itemCard.index
                                    Layout.fillWidth: true
                                    Layout.alignment: Qt.AlignBottom
                                    text: qsTr("Required to take part")
                                    checked: itemCard.modelData.required
                                    onToggled: ConsentFormEditor.setItemRequired(itemCard.index, checked)
                                }
                            }
                        }
                    }
                }
            }
            Label {
                objectName: "formItemsProblem"
                Layout.fillWidth: true
                visible: text !== ""
                text: screen.problems["items"] || ""
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                color: Theme.danger
            }
            AppButton {
                objectName: "addItemButton"
                text: qsTr("Add item")
                onClicked: ConsentFormEditor.addItem()
            }
        }

        // Always in view: what publishing did, and the buttons.
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: bar.implicitHeight + 2 * Theme.smallSpacing
            color: Theme.surface
            Rectangle {
                width: parent.width
                height: 1
                color: Theme.divider
            }
            ColumnLayout {
                id: bar
                x: Math.max(Theme.margin, (parent.width - width) / 2)
                y: Theme.smallSpacing
                width: Math.min(page.maxWidth, parent.width - 2 * Theme.margin)
                spacing: Theme.smallSpacing
                MessageBanner {
                    objectName: "formEditorError"
                    text: ConsentFormEditor.errorString
                }
                MessageBanner {
                    objectName: "formEditorInfo"
                    error: false
                    text: ConsentFormEditor.infoString
                }
                // The state beside the buttons when there is room, above them when not.
                GridLayout {
                    Layout.fillWidth: true
                    columns: bar.width >= Math.round(900 * Theme.scale) ? 3 : 2
                    columnSpacing: Theme.spacing
                    rowSpacing: Theme.smallSpacing
                    Label {
                        objectName: "formDraftState"
                        Layout.fillWidth: true
                        Layout.columnSpan: parent.columns === 3 ? 1 : 2
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.fontBody
                        color: ConsentFormEditor.dirty ? "#9a3412" : Theme.textMuted
                        text: ConsentFormEditor.dirty ? qsTr("Changes not yet published")
                                                      : qsTr("No changes since the last version")
                    }
                    AppButton {
                        objectName: "discardFormButton"
                        Layout.fillWidth: parent.columns === 2
                        enabled: ConsentFormEditor.dirty
                        text: qsTr("Discard changes")
                        onClicked: ConsentFormEditor.discardChanges()
                    }
                    AppButton {
                        objectName: "publishFormButton"
                        Layout.fillWidth: parent.columns === 2
                        primary: true
                        text: ConsentFormEditor.formId === "" ? qsTr("Publish version 1")
                                                              : qsTr("Publish version %1").arg(ConsentFormEditor.baseNumber + 1)
                        onClicked: ConsentFormEditor.publish()
                    }
                }
            }
        }
    }
}
