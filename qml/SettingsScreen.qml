import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// Language, text size, automatic lock, passphrase and version.
ScrollPage {
    id: screen
    objectName: "settingsScreen"
    readonly property string title: qsTr("Settings")

    MessageBanner {
        objectName: "settingsInfo"
        error: false
        text: Session.infoString
    }

    SectionHeading {
        objectName: "languageHeading"
        text: qsTr("Language")
    }
    ButtonGroup {
        id: languageGroup
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing
        // Each language is named in itself, so it can be found whatever language is showing.
        AppRadioButton {
            objectName: "languageSv"
            text: "Svenska"
            ButtonGroup.group: languageGroup
            checked: AppSettings.language === "sv"
            onClicked: AppSettings.language = "sv"
        }
        AppRadioButton {
            objectName: "languageEn"
            text: "English"
            ButtonGroup.group: languageGroup
            checked: AppSettings.language === "en"
            onClicked: AppSettings.language = "en"
        }
    }

    SectionHeading {
        text: qsTr("Text size")
    }
    ButtonGroup {
        id: sizeGroup
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing
        AppRadioButton {
            objectName: "textSizeNormal"
            text: qsTr("Normal")
            ButtonGroup.group: sizeGroup
            checked: AppSettings.textSize === AppSettings.Normal
            onClicked: AppSettings.textSize = AppSettings.Normal
        }
        AppRadioButton {
            objectName: "textSizeLarge"
            text: qsTr("Large")
            ButtonGroup.group: sizeGroup
            checked: AppSettings.textSize === AppSettings.Large
            onClicked: AppSettings.textSize = AppSettings.Large
        }
        AppRadioButton {
            objectName: "textSizeExtraLarge"
            text: qsTr("Extra large")
            ButtonGroup.group: sizeGroup
            checked: AppSettings.textSize === AppSettings.ExtraLarge
            onClicked: AppSettings.textSize = AppSettings.ExtraLarge
        }
    }

    SectionHeading {
        text: qsTr("Lock automatically")
    }
    BodyText {
        text: qsTr("Lock Samla when it has not been used for:")
    }
    ButtonGroup {
        id: idleGroup
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Repeater {
            model: AppSettings.idleLockChoices
            AppRadioButton {
                required property int modelData
                objectName: "idleLock" + modelData
                text: qsTr("%n minute(s)", "", modelData)
                ButtonGroup.group: idleGroup
                checked: AppSettings.idleLockMinutes === modelData
                onClicked: AppSettings.idleLockMinutes = modelData
            }
        }
    }

    SectionHeading {
        text: qsTr("Passphrase")
    }
    BodyText {
        text: qsTr("Change the passphrase you use to open Samla. Your recovery key stays the same.")
    }
    AppButton {
        objectName: "changePassphraseButton"
        Layout.fillWidth: true
        text: qsTr("Change passphrase")
        onClicked: {
            Session.clearInfo()
            Navigator.push("changePassphrase")
        }
    }

    SectionHeading {
        text: qsTr("About")
    }
    BodyText {
        objectName: "aboutVersion"
        text: qsTr("Samla version %1").arg(AppSettings.appVersion)
    }
    BodyText {
        font.pixelSize: Theme.fontSmall
        color: Theme.textMuted
        text: qsTr("Everything you write is encrypted on this device.")
    }
}
