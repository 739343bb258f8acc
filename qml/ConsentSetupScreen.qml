import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// Taking consent, step 1: which form version, which language, who consents and who takes it.
ScrollPage {
    id: screen
    objectName: "consentSetupScreen"
    readonly property string title: qsTr("Take consent: %1").arg(ConsentFlow.participantCode)

    BodyText {
        objectName: "routeExplanation"
        text: ConsentFlow.routeExplanation
    }

    SectionHeading {
        text: qsTr("Consent form")
    }
    ChoiceGroup {
        objectName: "formChoices"
        namePrefix: "form_"
        choices: ConsentFlow.formChoices
        current: ConsentFlow.versionId
        onChosen: key => ConsentFlow.versionId = key
    }

    SectionHeading {
        text: qsTr("Language of the form")
    }
    ChoiceGroup {
        namePrefix: "language_"
        choices: ConsentFlow.languages.map(code => ({ key: code, label: code === "sv" ? "Svenska" : "English" }))
        current: ConsentFlow.language
        onChosen: key => ConsentFlow.language = key
    }

    SectionHeading {
        text: qsTr("Who gives consent")
    }
    ChoiceGroup {
        objectName: "routeChoices"
        namePrefix: "route_"
        choices: [
            { key: "0", label: qsTr("The participant, signing") + (ConsentFlow.suggestedRoute === ConsentFlow.Self ? qsTr(" (suggested)") : "") },
            { key: "1", label: qsTr("A parent or guardian, with the child's assent") + (ConsentFlow.suggestedRoute === ConsentFlow.Guardian ? qsTr(" (suggested)") : "") },
            { key: "2", label: qsTr("A consultee, for an adult who cannot consent") + (ConsentFlow.suggestedRoute === ConsentFlow.Consultee ? qsTr(" (suggested)") : "") },
            { key: "3", label: qsTr("The participant, verbally with a witness") }
        ]
        current: String(ConsentFlow.route)
        onChosen: key => ConsentFlow.route = Number(key)
    }

    ChoiceGroup {
        objectName: "roleChoices"
        visible: ConsentFlow.route === ConsentFlow.Guardian || ConsentFlow.route === ConsentFlow.Consultee
        namePrefix: "role_"
        choices: ConsentFlow.route === ConsentFlow.Guardian
                 ? [{ key: "parent", label: qsTr("Parent") }, { key: "guardian", label: qsTr("Legal guardian") }]
                 : [{ key: "personal_consultee", label: qsTr("Personal consultee") },
                    { key: "nominated_consultee", label: qsTr("Nominated consultee") }]
        current: ConsentFlow.role
        onChosen: key => ConsentFlow.role = key
    }

    FieldLabel {
        visible: ConsentFlow.route === ConsentFlow.Verbal
        text: qsTr("Witness (name or staff id)")
    }
    AppTextField {
        objectName: "witnessField"
        visible: ConsentFlow.route === ConsentFlow.Verbal
        Layout.fillWidth: true
        text: ConsentFlow.witness
        onTextEdited: ConsentFlow.witness = text
    }

    FieldLabel {
        text: qsTr("Consent taken by (your initials or staff id)")
    }
    AppTextField {
        objectName: "obtainedByField"
        Layout.fillWidth: true
        text: ConsentFlow.obtainedBy
        inputMethodHints: Qt.ImhNoPredictiveText
        onTextEdited: ConsentFlow.obtainedBy = text
    }

    AppCheckBox {
        objectName: "rejoiningCheck"
        visible: ConsentFlow.withdrawn
        Layout.fillWidth: true
        text: qsTr("The participant withdrew earlier and is re-joining the study")
        checked: ConsentFlow.rejoining
        onToggled: ConsentFlow.rejoining = checked
    }

    MessageBanner {
        objectName: "setupProblem"
        error: false
        color: Theme.accentSoft
        border.color: Theme.accent
        text: ConsentFlow.setupProblem
    }
    MessageBanner {
        objectName: "setupError"
        text: ConsentFlow.errorString
    }
    AppButton {
        objectName: "startReadingButton"
        Layout.fillWidth: true
        primary: true
        enabled: ConsentFlow.setupProblem === ""
        text: qsTr("Show the information to the participant")
        onClicked: Navigator.push("consentRead")
    }
    AppButton {
        objectName: "adviceAgainstButton"
        visible: ConsentFlow.route === ConsentFlow.Consultee
        Layout.fillWidth: true
        danger: true
        text: qsTr("The consultee advises against taking part")
        onClicked: {
            if (ConsentFlow.recordAdviceAgainst()) {
                ParticipantConsent.open(ConsentFlow.participantId)
                Navigator.back()
                Navigator.push("participant")
            }
        }
    }
}
