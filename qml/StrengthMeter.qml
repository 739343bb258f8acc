import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// Live strength of a new passphrase: four bars, a word for it, and what would make it stronger.
ColumnLayout {
    id: meter
    property alias passphrase: estimator.passphrase
    readonly property alias acceptable: estimator.acceptable
    readonly property alias score: estimator.score

    Layout.fillWidth: true
    spacing: Theme.smallSpacing

    PassphraseStrength {
        id: estimator
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.smallSpacing
        Repeater {
            model: 4
            Rectangle {
                required property int index
                Layout.preferredWidth: Math.round(44 * Theme.scale)
                Layout.preferredHeight: Math.round(10 * Theme.scale)
                radius: height / 2
                color: !estimator.empty && index < Math.max(1, estimator.score)
                       ? Theme.strengthColor(estimator.score) : Theme.divider
            }
        }
        Label {
            objectName: meter.objectName + "Label"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.smallSpacing
            wrapMode: Text.WordWrap
            text: estimator.empty ? "" : qsTr("Strength: %1").arg(estimator.label)
            font.pixelSize: Theme.fontBody
            font.weight: Font.DemiBold
            color: Theme.strengthColor(estimator.score)
        }
    }
    Label {
        objectName: meter.objectName + "Hint"
        Layout.fillWidth: true
        text: estimator.hint
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontSmall
        color: Theme.textMuted
    }
}
