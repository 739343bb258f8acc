import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Ui

// A horizontal bar chart with every number written out: {title, note, groups: [{title, rows: [{label, fraction, value, color}]}]}.
// Each row puts its label and value on one line and the bar under them, so long labels and large text never overlap.
Column {
    id: chartRoot
    property var chart: ({})
    spacing: Theme.smallSpacing

    SectionHeading {
        width: chartRoot.width
        text: chartRoot.chart.title || ""
    }
    BodyText {
        width: chartRoot.width
        visible: text !== ""
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        text: chartRoot.chart.note || ""
    }
    Repeater {
        model: chartRoot.chart.groups || []
        Column {
            id: groupColumn
            required property var modelData
            required property int index
            objectName: "chart_" + (chartRoot.chart.key || "") + "_group_" + index
            width: chartRoot.width
            spacing: Theme.smallSpacing
            topPadding: index > 0 ? Theme.smallSpacing : 0

            Label {
                width: groupColumn.width
                visible: text !== ""
                text: groupColumn.modelData.title || ""
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                font.weight: Font.Bold
                color: Theme.text
            }
            Repeater {
                model: groupColumn.modelData.rows || []
                Column {
                    id: barRow
                    required property var modelData
                    required property int index
                    objectName: "chart_" + (chartRoot.chart.key || "") + "_" + groupColumn.index + "_" + index
                    readonly property string valueText: modelData.value
                    width: groupColumn.width
                    spacing: 2
                    Accessible.role: Accessible.StaticText
                    Accessible.name: modelData.label + ": " + modelData.value

                    Item {
                        width: barRow.width
                        height: Math.max(labelText.implicitHeight, valueLabel.implicitHeight)
                        Label {
                            id: labelText
                            anchors.left: parent.left
                            anchors.right: valueLabel.left
                            anchors.rightMargin: Theme.spacing
                            text: barRow.modelData.label
                            wrapMode: Text.WordWrap
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                        }
                        Label {
                            id: valueLabel
                            anchors.right: parent.right
                            width: Math.min(implicitWidth, barRow.width * 0.6)
                            horizontalAlignment: Text.AlignRight
                            text: barRow.modelData.value
                            wrapMode: Text.WordWrap
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }
                    }
                    Rectangle {
                        width: barRow.width
                        height: Math.round(14 * Theme.scale)
                        radius: height / 2
                        color: Theme.background
                        border.color: Theme.divider
                        Rectangle {
                            // A visible sliver even for a small share; nothing at all for zero.
                            width: barRow.modelData.fraction > 0
                                   ? Math.max(height, parent.width * barRow.modelData.fraction) : 0
                            height: parent.height
                            radius: parent.radius
                            color: barRow.modelData.color
                        }
                    }
                }
            }
        }
    }
}
