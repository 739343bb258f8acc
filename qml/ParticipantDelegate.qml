import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Ui

// One participant in the list: code, category, age band and the consent state in one line.
ItemDelegate {
    id: delegate
    property string participantId
    property string code
    property string category
    property string ageBand
    property string consentSummary
    property bool collectionAllowed
    property bool duplicateCode

    implicitHeight: Math.max(Theme.controlHeight * 1.5, column.implicitHeight + topPadding + bottomPadding)
    padding: Theme.spacing
    Accessible.name: code + ", " + consentSummary

    background: Rectangle {
        radius: Theme.radius
        color: delegate.down ? Theme.accentSoft : Theme.surface
        border.color: delegate.visualFocus ? Theme.accent : Theme.divider
        border.width: delegate.visualFocus ? 2 : 1
    }

    contentItem: ColumnLayout {
        id: column
        spacing: Theme.smallSpacing / 2
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Text {
                objectName: "participantCode"
                text: delegate.code
                font.pixelSize: Theme.fontHeading
                font.weight: Font.DemiBold
                font.family: Theme.monoFamily
                color: Theme.text
            }
            Text {
                Layout.fillWidth: true
                text: delegate.category + " · " + delegate.ageBand
                font.pixelSize: Theme.fontBody
                color: Theme.textMuted
                wrapMode: Text.WordWrap
            }
        }
        Text {
            objectName: "participantDuplicate"
            Layout.fillWidth: true
            visible: delegate.duplicateCode
            text: qsTr("Another participant has the same code: both are kept, nothing was merged.")
            font.pixelSize: Theme.fontBody
            font.weight: Font.DemiBold
            color: Theme.danger
            wrapMode: Text.WordWrap
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.smallSpacing
            Rectangle {
                Layout.alignment: Qt.AlignVCenter
                implicitWidth: Math.round(14 * Theme.scale)
                implicitHeight: implicitWidth
                radius: width / 2
                color: delegate.collectionAllowed ? Theme.success : Theme.danger
            }
            Text {
                objectName: "participantConsentSummary"
                Layout.fillWidth: true
                text: delegate.consentSummary
                font.pixelSize: Theme.fontBody
                color: delegate.collectionAllowed ? Theme.success : Theme.danger
                wrapMode: Text.WordWrap
            }
        }
    }
}
