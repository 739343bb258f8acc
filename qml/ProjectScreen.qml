import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// The project's governance settings: sites, working languages, lawful basis, withdrawal policy, retention, re-consent.
ScrollPage {
    id: screen
    objectName: "projectScreen"
    readonly property string title: qsTr("Project settings")

    Component.onCompleted: ProjectEditor.load()

    FieldLabel {
        text: qsTr("Project name")
    }
    AppTextField {
        objectName: "projectNameField"
        Layout.fillWidth: true
        text: ProjectEditor.name
        onTextEdited: ProjectEditor.name = text
    }
    FieldLabel {
        text: qsTr("Participant code prefix (1–4 capital letters)")
    }
    AppTextField {
        objectName: "codePrefixField"
        Layout.preferredWidth: Math.round(160 * Theme.scale)
        text: ProjectEditor.codePrefix
        inputMethodHints: Qt.ImhUppercaseOnly | Qt.ImhNoPredictiveText
        onTextEdited: ProjectEditor.codePrefix = text
    }
    FieldLabel {
        text: qsTr("Description")
    }
    AppTextField {
        objectName: "descriptionField"
        Layout.fillWidth: true
        text: ProjectEditor.description
        // A long description shows from its beginning until someone edits it.
        onTextChanged: if (!activeFocus) cursorPosition = 0
        onTextEdited: ProjectEditor.description = text
    }

    SectionHeading {
        text: qsTr("Working languages")
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing
        AppCheckBox {
            objectName: "languageSvCheck"
            text: "Svenska"
            checked: ProjectEditor.swedish
            onToggled: ProjectEditor.swedish = checked
        }
        AppCheckBox {
            objectName: "languageEnCheck"
            text: "English"
            checked: ProjectEditor.english
            onToggled: ProjectEditor.english = checked
        }
    }

    SectionHeading {
        text: qsTr("Sites")
    }
    BodyText {
        color: Theme.textMuted
        text: qsTr("Whose law decides the consent route at each site: Sweden, or England (Mental Capacity Act, Gillick).")
    }
    Repeater {
        model: ProjectEditor.sites
        Rectangle {
            id: siteRow
            required property var modelData
            required property int index
            Layout.fillWidth: true
            implicitHeight: siteColumn.implicitHeight + 2 * Theme.smallSpacing
            radius: Theme.radius / 2
            color: Theme.surface
            border.color: Theme.divider
            ColumnLayout {
                id: siteColumn
                anchors.fill: parent
                anchors.margins: Theme.smallSpacing
                spacing: Theme.smallSpacing
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.smallSpacing
                    AppTextField {
                        objectName: "siteName_" + siteRow.index
                        Layout.fillWidth: true
                        placeholderText: qsTr("Site name")
                        text: siteRow.modelData.name
                        onTextEdited: ProjectEditor.setSiteName(siteRow.index, text)
                    }
                    AppButton {
                        objectName: "removeSite_" + siteRow.index
                        text: qsTr("Remove")
                        onClicked: ProjectEditor.removeSite(siteRow.index)
                    }
                }
                ChoiceGroup {
                    namePrefix: "siteJurisdiction_" + siteRow.index + "_"
                    choices: [{ key: "se", label: qsTr("Sweden") }, { key: "gb-eng", label: qsTr("England") }]
                    current: siteRow.modelData.jurisdiction
                    onChosen: key => ProjectEditor.setSiteJurisdiction(siteRow.index, key)
                }
                BodyText {
                    color: Theme.textMuted
                    text: qsTr("Study arm (summaries compare intervention and control sites)")
                }
                ChoiceGroup {
                    namePrefix: "siteArm_" + siteRow.index + "_"
                    choices: [{ key: "none", label: qsTr("No arm") }, { key: "intervention", label: qsTr("Intervention") },
                        { key: "control", label: qsTr("Control") }]
                    current: siteRow.modelData.arm
                    onChosen: key => ProjectEditor.setSiteArm(siteRow.index, key)
                }
            }
        }
    }
    AppButton {
        objectName: "addSiteButton"
        text: qsTr("Add site")
        onClicked: ProjectEditor.addSite()
    }
    FieldLabel {
        text: qsTr("Law for participants without a site")
    }
    ChoiceGroup {
        namePrefix: "jurisdiction_"
        choices: [{ key: "se", label: qsTr("Sweden") }, { key: "gb-eng", label: qsTr("England") }]
        current: ProjectEditor.jurisdiction
        onChosen: key => ProjectEditor.jurisdiction = key
    }

    SectionHeading {
        text: qsTr("Lawful basis and withdrawal")
    }
    FieldLabel {
        text: qsTr("Lawful basis")
    }
    AppTextField {
        objectName: "lawfulBasisField"
        Layout.fillWidth: true
        placeholderText: "GDPR Art 6(1)(e) + 9(2)(j)"
        text: ProjectEditor.lawfulBasis
        onTextEdited: ProjectEditor.lawfulBasis = text
    }
    FieldLabel {
        text: qsTr("When a participant withdraws")
    }
    ChoiceGroup {
        objectName: "policyChoices"
        namePrefix: "policy_"
        choices: [
            { key: "retain", label: qsTr("Stop, and keep data already collected") },
            { key: "erase", label: qsTr("Stop, and erase data already collected if they ask") }
        ]
        current: ProjectEditor.erasePolicy ? "erase" : "retain"
        onChosen: key => ProjectEditor.erasePolicy = (key === "erase")
    }

    SectionHeading {
        text: qsTr("Retention and re-consent")
    }
    FieldLabel {
        text: qsTr("Keep data for (months, 0 = not set)")
    }
    AppTextField {
        objectName: "retentionField"
        Layout.preferredWidth: Math.round(160 * Theme.scale)
        inputMethodHints: Qt.ImhDigitsOnly
        validator: IntValidator { bottom: 0; top: 1200 }
        text: String(ProjectEditor.retentionMonths)
        onTextEdited: ProjectEditor.retentionMonths = text === "" ? 0 : parseInt(text)
    }
    FieldLabel {
        text: qsTr("Confirm consent again every (days, 0 = never)")
    }
    AppTextField {
        objectName: "reconsentField"
        Layout.preferredWidth: Math.round(160 * Theme.scale)
        inputMethodHints: Qt.ImhDigitsOnly
        validator: IntValidator { bottom: 0; top: 3650 }
        text: String(ProjectEditor.reconsentIntervalDays)
        onTextEdited: ProjectEditor.reconsentIntervalDays = text === "" ? 0 : parseInt(text)
    }
    AppCheckBox {
        objectName: "recheckEverySessionCheck"
        Layout.fillWidth: true
        text: qsTr("Check consent at the start of every session")
        checked: ProjectEditor.recheckEverySession
        onToggled: ProjectEditor.recheckEverySession = checked
    }
    AppCheckBox {
        objectName: "childAssentCheck"
        Layout.fillWidth: true
        text: qsTr("A child's own assent is needed besides the guardian's consent")
        checked: ProjectEditor.childAssentRequired
        onToggled: ProjectEditor.childAssentRequired = checked
    }

    MessageBanner {
        objectName: "projectError"
        text: ProjectEditor.errorString
    }
    MessageBanner {
        objectName: "projectInfo"
        error: false
        text: ProjectEditor.infoString
    }
    AppButton {
        objectName: "saveProjectButton"
        Layout.fillWidth: true
        primary: true
        enabled: ProjectEditor.dirty
        text: qsTr("Save project settings")
        onClicked: ProjectEditor.save()
    }
}
