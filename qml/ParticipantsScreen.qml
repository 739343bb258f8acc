import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// The project's participants by code, with their consent state; enrol from here.
Item {
    id: screen
    objectName: "participantsScreen"
    readonly property string title: qsTr("Participants")

    Component.onCompleted: ParticipantRegister.refresh()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                objectName: "participantsSummary"
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                color: Theme.textMuted
                text: qsTr("%1: %n participant(s). Only codes are shown here.", "", ParticipantRegister.count)
                      .arg(ParticipantRegister.projectName)
            }
            AppButton {
                objectName: "enrolButton"
                primary: true
                text: qsTr("Enrol participant")
                onClicked: {
                    ParticipantRegister.clearError()
                    Navigator.push("enrol")
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                objectName: "deviceRole"
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
                text: ParticipantRegister.deviceRoleText
            }
            AppButton {
                objectName: "identityAuditButton"
                text: qsTr("Identity look-ups")
                onClicked: Navigator.push("identityAudit")
            }
        }

        MessageBanner {
            objectName: "duplicateCodesBanner"
            text: ParticipantRegister.duplicateCodesText
        }

        MessageBanner {
            objectName: "reconsentDueBanner"
            color: "#fff7e0"
            border.color: "#8a6100"
            text: ParticipantRegister.reconsentDueText
        }

        ListView {
            id: list
            objectName: "participantsList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.smallSpacing
            model: ParticipantRegister.participants
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {
                width: 12
            }
            delegate: ParticipantDelegate {
                width: ListView.view.width - 16
                participantId: model.participantId
                code: model.code
                category: model.category
                ageBand: model.ageBand
                consentSummary: model.consentSummary
                collectionAllowed: model.collectionAllowed
                duplicateCode: model.duplicateCode
                onClicked: {
                    if (ParticipantConsent.open(participantId))
                        Navigator.push("participant")
                }
            }

            Label {
                objectName: "participantsEmpty"
                anchors.centerIn: parent
                width: parent.width * 0.8
                visible: list.count === 0
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                color: Theme.textMuted
                text: qsTr("No participants yet. Tap Enrol participant to add the first one.")
            }
        }
        MessageBanner {
            text: ParticipantRegister.errorString
        }
    }
}
