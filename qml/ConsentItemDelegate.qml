import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// One consent item: the sentence, whether it is required, and Yes / No.
Rectangle {
    id: delegate
    property string itemId
    property string itemText
    property bool isRequired
    property int answer: ConsentItemsModel.Unanswered

    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: Theme.surface
    border.color: isRequired && answer === ConsentItemsModel.No ? Theme.danger : Theme.divider
    border.width: isRequired && answer === ConsentItemsModel.No ? 2 : 1

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.smallSpacing
        BodyText {
            objectName: "itemText_" + delegate.itemId
            font.pixelSize: Math.round(Theme.fontBody * 1.15)
            text: delegate.itemText
        }
        Label {
            visible: delegate.isRequired
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontSmall
            font.weight: Font.DemiBold
            color: delegate.answer === ConsentItemsModel.No ? Theme.danger : Theme.textMuted
            text: ConsentFlow.readerTexts.required
        }
        RowLayout {
            spacing: Theme.spacing * 2
            ButtonGroup {
                id: answerGroup
            }
            AppRadioButton {
                objectName: "yes_" + delegate.itemId
                text: ConsentFlow.readerTexts.yes
                ButtonGroup.group: answerGroup
                checked: delegate.answer === ConsentItemsModel.Yes
                onClicked: ConsentFlow.setAnswer(delegate.itemId, true)
            }
            AppRadioButton {
                objectName: "no_" + delegate.itemId
                text: ConsentFlow.readerTexts.no
                ButtonGroup.group: answerGroup
                checked: delegate.answer === ConsentItemsModel.No
                onClicked: ConsentFlow.setAnswer(delegate.itemId, false)
            }
        }
    }
}
