import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// One published version, read-only and exactly as it was published, with the consents given with it.
ScrollPage {
    id: screen
    objectName: "consentFormVersionScreen"
    readonly property var version: ConsentFormEditor.shown
    readonly property bool hasVersion: version.versionId !== undefined
    readonly property string title: hasVersion ? qsTr("Consent form, version %1").arg(version.number)
                                               : qsTr("Consent form")

    MessageBanner {
        objectName: "versionError"
        text: ConsentFormEditor.shownErrorString
    }

    ScreenTitle {
        objectName: "shownTitle"
        visible: screen.hasVersion
        text: screen.version.title || ""
    }
    BodyText {
        objectName: "shownPublished"
        visible: screen.hasVersion
        text: qsTr("Version %1, published %2.").arg(screen.version.number).arg(screen.version.date) + " "
              + (screen.version.number === screen.version.latestNumber
                 ? qsTr("This is the latest version.")
                 : qsTr("Version %1 has been published since; this text stays exactly as it was.").arg(screen.version.latestNumber))
    }
    BodyText {
        objectName: "shownHash"
        visible: screen.hasVersion
        color: Theme.textMuted
        font.family: Theme.monoFamily
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.WrapAnywhere
        text: qsTr("Content hash: %1").arg(screen.version.hash || "")
    }
    BodyText {
        objectName: "shownConsents"
        visible: screen.hasVersion
        text: screen.version.consents > 0
              ? qsTr("Given with %n consent(s): %1", "", screen.version.consents).arg(screen.version.codes)
              : qsTr("No consent has been given with this version yet.")
    }

    ChoiceGroup {
        objectName: "shownLanguages"
        visible: screen.hasVersion && screen.version.languageChoices.length > 1
        namePrefix: "shownLanguage_"
        choices: screen.hasVersion ? screen.version.languageChoices : []
        current: screen.version.language || ""
        onChosen: key => ConsentFormEditor.setShownLanguage(key)
    }

    SectionHeading {
        visible: screen.hasVersion
        text: qsTr("Information")
    }
    Rectangle {
        visible: screen.hasVersion
        Layout.fillWidth: true
        implicitHeight: information.implicitHeight + 2 * Theme.spacing
        radius: Theme.radius / 2
        color: Theme.surface
        border.color: Theme.divider
        Label {
            id: information
            objectName: "shownInformation"
            x: Theme.spacing
            y: Theme.spacing
            width: parent.width - 2 * Theme.spacing
            text: screen.version.information || ""
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontBody
            lineHeight: 1.15
            color: Theme.text
        }
    }

    SectionHeading {
        visible: screen.hasVersion
        text: qsTr("Consent items")
    }
    Column {
        objectName: "shownItems"
        Layout.fillWidth: true
        spacing: Theme.smallSpacing
        Repeater {
            model: screen.hasVersion ? screen.version.items : []
            Rectangle {
                id: itemRow
                required property var modelData
                required property int index
                width: parent.width
                implicitHeight: itemText.implicitHeight + itemMeta.implicitHeight + 2 * Theme.spacing
                                + Theme.smallSpacing / 2
                radius: Theme.radius / 2
                color: Theme.surface
                border.color: Theme.divider
                Label {
                    id: itemText
                    objectName: "shownItem_" + itemRow.index
                    x: Theme.spacing
                    y: Theme.spacing
                    width: parent.width - 2 * Theme.spacing
                    text: (itemRow.index + 1) + ". " + itemRow.modelData.text
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                }
                Label {
                    id: itemMeta
                    x: Theme.spacing
                    y: itemText.y + itemText.height + Theme.smallSpacing / 2
                    width: parent.width - 2 * Theme.spacing
                    text: (itemRow.modelData.required ? qsTr("Required to take part") : qsTr("Optional"))
                          + " · " + qsTr("allows: %1").arg(itemRow.modelData.activity)
                          + " · " + qsTr("id %1").arg(itemRow.modelData.itemId)
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.fontSmall
                    color: itemRow.modelData.required ? Theme.accent : Theme.textMuted
                    font.weight: itemRow.modelData.required ? Font.DemiBold : Font.Normal
                }
            }
        }
    }

    AppButton {
        objectName: "exportShownButton"
        visible: screen.hasVersion
        text: qsTr("Export this version as JSON")
        onClicked: ConsentFormEditor.exportVersion(screen.version.versionId)
    }
    MessageBanner {
        objectName: "shownExportMessage"
        error: ConsentFormEditor.exportFailed
        text: screen.hasVersion && ConsentFormEditor.exportVersionId === screen.version.versionId
              ? ConsentFormEditor.exportMessage : ""
    }
}
