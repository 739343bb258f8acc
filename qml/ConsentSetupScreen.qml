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

    // Children (Gillick, Sweden 15-17) and adults lacking capacity: guidance, and the assessment recorded with the consent.
    Rectangle {
        objectName: "capacityGuidance"
        visible: ConsentFlow.capacityCheck !== ConsentFlow.NoCheck
        Layout.fillWidth: true
        implicitHeight: guidanceColumn.implicitHeight + 2 * Theme.spacing
        radius: Theme.radius / 2
        color: Theme.accentSoft
        border.color: Theme.accent
        ColumnLayout {
            id: guidanceColumn
            anchors.fill: parent
            anchors.margins: Theme.spacing
            spacing: Theme.smallSpacing
            Label {
                objectName: "capacityQuestion"
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontHeading
                font.weight: Font.Bold
                color: Theme.text
                text: ConsentFlow.capacityQuestion
            }
            BodyText {
                objectName: "capacityGuidanceText"
                text: ConsentFlow.capacityGuidance
            }
            ChoiceGroup {
                objectName: "assessmentChoices"
                visible: ConsentFlow.capacityCheck === ConsentFlow.GillickCheck
                         || ConsentFlow.capacityCheck === ConsentFlow.UnderstandingCheck
                namePrefix: "assessment_"
                choices: ConsentFlow.capacityCheck === ConsentFlow.GillickCheck
                         ? [{ key: "1", label: qsTr("Yes, Gillick competent") }, { key: "0", label: qsTr("No, not competent") }]
                         : [{ key: "1", label: qsTr("Yes, understands") }, { key: "0", label: qsTr("No, does not understand") }]
                current: ConsentFlow.assessment < 0 ? "" : String(ConsentFlow.assessment)
                onChosen: key => ConsentFlow.assessment = Number(key)
            }
            FieldLabel {
                visible: ConsentFlow.capacityCheck === ConsentFlow.GillickCheck
                         || ConsentFlow.capacityCheck === ConsentFlow.UnderstandingCheck
                text: qsTr("What your assessment rests on (no names)")
            }
            AppTextField {
                objectName: "assessmentNoteField"
                visible: ConsentFlow.capacityCheck === ConsentFlow.GillickCheck
                         || ConsentFlow.capacityCheck === ConsentFlow.UnderstandingCheck
                Layout.fillWidth: true
                text: ConsentFlow.assessmentNote
                placeholderText: qsTr("For example: explained the study back in own words")
                onTextEdited: ConsentFlow.assessmentNote = text
            }
        }
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
        text: ConsentFlow.adviceAgainstText
        onClicked: {
            if (ConsentFlow.recordAdviceAgainst()) {
                ParticipantConsent.open(ConsentFlow.participantId)
                Navigator.back()
                Navigator.push("participant")
            }
        }
    }
}
