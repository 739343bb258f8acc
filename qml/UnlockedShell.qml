import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// The unlocked app: the header and the screen the Navigator says is current.
Item {
    id: shell
    objectName: "unlockedShell"

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        AppHeader {
            Layout.fillWidth: true
            title: screenLoader.item && screenLoader.item.title !== undefined ? screenLoader.item.title : ""
        }
        Loader {
            id: screenLoader
            objectName: "unlockedScreenLoader"
            Layout.fillWidth: true
            Layout.fillHeight: true
            focus: true
            sourceComponent: {
                switch (Navigator.screen) {
                case "notes": return notes
                case "editor": return editor
                case "versions": return versions
                case "noteDetails": return noteDetails
                case "settings": return settings
                case "changePassphrase": return changePassphrase
                case "participants": return participants
                case "enrol": return enrol
                case "participant": return participant
                case "identity": return identity
                case "identityAudit": return identityAudit
                case "consentSetup": return consentSetup
                case "consentRead": return consentRead
                case "consentItems": return consentItems
                case "consentSign": return consentSign
                case "consentDone": return consentDone
                case "forms": return formsScreen
                case "formEditor": return formEditor
                case "formVersion": return formVersion
                case "project": return project
                case "projects": return projectsScreen
                case "observations": return observations
                case "observationSetup": return observationSetup
                case "observationLive": return observationLive
                case "observationView": return observationView
                case "observationCorrection": return observationCorrection
                case "observationAgreement": return observationAgreement
                case "observationSummary": return observationSummary
                case "codingSchemes": return codingSchemes
                case "schemeEditor": return schemeEditor
                case "sync": return syncScreen
                }
                return home
            }
        }
    }

    Component {
        id: home
        HomeScreen {}
    }
    Component {
        id: notes
        NotesScreen {}
    }
    Component {
        id: editor
        NoteEditorScreen {}
    }
    Component {
        id: noteDetails
        NoteDetailsScreen {}
    }
    Component {
        id: versions
        VersionsScreen {}
    }
    Component {
        id: settings
        SettingsScreen {}
    }
    Component {
        id: changePassphrase
        ChangePassphraseScreen {}
    }
    Component {
        id: participants
        ParticipantsScreen {}
    }
    Component {
        id: enrol
        EnrolScreen {}
    }
    Component {
        id: participant
        ConsentTimelineScreen {}
    }
    Component {
        id: identity
        IdentityScreen {}
    }
    Component {
        id: identityAudit
        IdentityAuditScreen {}
    }
    Component {
        id: consentSetup
        ConsentSetupScreen {}
    }
    Component {
        id: consentRead
        ConsentReadScreen {}
    }
    Component {
        id: consentItems
        ConsentItemsScreen {}
    }
    Component {
        id: consentSign
        ConsentSignScreen {}
    }
    Component {
        id: consentDone
        ConsentCertificateScreen {}
    }
    Component {
        id: project
        ProjectScreen {}
    }
    Component {
        id: projectsScreen
        ProjectsScreen {}
    }
    Component {
        id: formsScreen
        ConsentFormsScreen {}
    }
    Component {
        id: formEditor
        ConsentFormEditorScreen {}
    }
    Component {
        id: formVersion
        ConsentFormVersionScreen {}
    }
    Component {
        id: observations
        ObservationsScreen {}
    }
    Component {
        id: observationSetup
        ObservationSetupScreen {}
    }
    Component {
        id: observationAgreement
        ObservationAgreementScreen {}
    }
    Component {
        id: observationSummary
        ObservationSummaryScreen {}
    }
    Component {
        id: observationLive
        ObservationLiveScreen {}
    }
    Component {
        id: observationView
        ObservationViewScreen {}
    }
    Component {
        id: observationCorrection
        ObservationCorrectionScreen {}
    }
    Component {
        id: codingSchemes
        CodingSchemesScreen {}
    }
    Component {
        id: schemeEditor
        SchemeEditorScreen {}
    }
    Component {
        id: syncScreen
        SyncScreen {}
    }
}
