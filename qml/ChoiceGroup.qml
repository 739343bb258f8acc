import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Ui

// A row of radio buttons over [{key, label}] choices; `current` is the chosen key.
Flow {
    id: group
    property var choices: []
    property string current
    property string namePrefix
    signal chosen(string key)

    Layout.fillWidth: true
    spacing: Theme.spacing

    ButtonGroup {
        id: buttons
    }
    Repeater {
        model: group.choices
        AppRadioButton {
            required property var modelData
            objectName: group.namePrefix + modelData.key
            text: modelData.label
            // A long label (a consent form's title) wraps instead of running past the edge.
            width: Math.min(implicitWidth, group.width)
            ButtonGroup.group: buttons
            checked: group.current === modelData.key
            onClicked: {
                group.current = modelData.key
                group.chosen(modelData.key)
            }
        }
    }
}
