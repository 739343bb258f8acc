import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// Taking consent, step 3: an answer to every item; a required item answered no stops here, with the reason.
Item {
    id: screen
    objectName: "consentItemsScreen"
    readonly property string title: qsTr("Consent questions: %1").arg(ConsentFlow.participantCode)

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        ListView {
            id: list
            objectName: "consentItemsList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.smallSpacing
            model: ConsentFlow.items
            boundsBehavior: Flickable.StopAtBounds
            // Every item stays created, so the answers are all reachable by name.
            cacheBuffer: 100000
            ScrollBar.vertical: ScrollBar {
                width: 12
            }
            header: BodyText {
                width: ListView.view.width - 16
                bottomPadding: Theme.spacing
                text: qsTr("Answer each question with the participant. Questions marked as required must be answered yes to take part.")
            }
            delegate: ConsentItemDelegate {
                width: ListView.view.width - 16
                itemId: model.itemId
                itemText: model.itemText
                isRequired: model.isRequired
                answer: model.answer
            }
        }

        MessageBanner {
            objectName: "answersProblem"
            text: ConsentFlow.answersProblem
        }
        AppButton {
            objectName: "continueToSignButton"
            Layout.fillWidth: true
            primary: true
            enabled: ConsentFlow.answersProblem === ""
            text: ConsentFlow.needsSignature ? qsTr("Continue to signature") : qsTr("Continue")
            onClicked: Navigator.push("consentSign")
        }
    }
}
