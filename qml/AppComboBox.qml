import QtQuick
import QtQuick.Controls.Basic
import Samla.Ui

// A drop-down over [{key, label}] choices with a finger-sized height; `current` is the chosen key.
ComboBox {
    id: control
    property string current
    signal chosen(string key)

    textRole: "label"
    valueRole: "key"
    currentIndex: model ? model.findIndex(c => c.key === current) : -1
    implicitHeight: Math.max(Theme.controlHeight, implicitContentHeight + topPadding + bottomPadding)
    font.pixelSize: Theme.fontBody
    onActivated: index => control.chosen(model[index].key)

    delegate: ItemDelegate {
        required property var modelData
        required property int index
        width: control.width
        implicitHeight: Theme.controlHeight
        font.pixelSize: Theme.fontBody
        text: modelData.label
        highlighted: control.highlightedIndex === index
    }
    background: Rectangle {
        radius: Theme.radius / 2
        color: Theme.surface
        border.width: control.visualFocus ? 3 : 1
        border.color: control.visualFocus ? "#f59e0b" : Theme.border
    }
}
