import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// Summaries with charts, of one session or of all sessions of a scheme, and the events as CSV or TSV.
ScrollPage {
    id: screen
    objectName: "observationSummaryScreen"
    readonly property string title: ObservationReports.acrossSessions ? qsTr("Observation summaries") : qsTr("Session summary")
    maxWidth: 1000
    readonly property bool wide: width > 1000
    // The width of the page's column (ScrollPage's), so cards never size from their own Flow (a polish loop).
    readonly property real columnWidth: Math.min(maxWidth, width - 2 * Theme.margin)

    ScreenTitle {
        text: ObservationReports.title
    }
    BodyText {
        objectName: "summarySubtitle"
        visible: text !== ""
        color: Theme.textMuted
        text: ObservationReports.subtitle
    }
    ChoiceGroup {
        objectName: "summarySchemeGroup"
        visible: ObservationReports.acrossSessions && ObservationReports.schemeChoices.length > 1
        namePrefix: "summaryScheme_"
        choices: ObservationReports.schemeChoices
        current: ObservationReports.schemeId
        onChosen: key => ObservationReports.schemeId = key
    }
    BodyText {
        objectName: "summaryEmpty"
        visible: text !== ""
        color: Theme.textMuted
        text: ObservationReports.emptyText
    }

    // The headline numbers, written out.
    Flow {
        id: headlineFlow
        objectName: "summaryHeadline"
        Layout.fillWidth: true
        spacing: Theme.spacing
        readonly property int columns: screen.wide ? 4 : 2
        Repeater {
            model: ObservationReports.headline
            Rectangle {
                id: headlineCard
                required property var modelData
                objectName: "headline_" + modelData.key
                readonly property string valueText: modelData.value
                width: Math.floor((screen.columnWidth - (headlineFlow.columns - 1) * headlineFlow.spacing) / headlineFlow.columns)
                height: headlineColumn.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius / 2
                color: Theme.surface
                border.color: Theme.divider
                Accessible.role: Accessible.StaticText
                Accessible.name: modelData.label + ": " + modelData.value
                ColumnLayout {
                    id: headlineColumn
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    spacing: 2
                    Label {
                        Layout.fillWidth: true
                        text: headlineCard.modelData.label
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.fontSmall
                        font.weight: Font.DemiBold
                        color: Theme.textMuted
                    }
                    Label {
                        Layout.fillWidth: true
                        text: headlineCard.modelData.value
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.fontHeading
                        font.weight: Font.Bold
                        color: Theme.text
                    }
                }
            }
        }
    }

    Column {
        Layout.fillWidth: true
        spacing: Theme.spacing * 1.5
        Repeater {
            model: ObservationReports.charts
            BarChart {
                required property var modelData
                objectName: "chart_" + modelData.key
                width: parent.width
                chart: modelData
            }
        }
    }

    SectionHeading {
        text: ObservationReports.acrossSessions ? qsTr("Export every session's events") : qsTr("Export this session's events")
    }
    BodyText {
        color: Theme.textMuted
        text: ObservationReports.acrossSessions
              ? qsTr("One row per event of every session in this project (all schemes and versions), for a spreadsheet or statistics program.")
              : qsTr("One row per event in force: observer, observation time, local time with time zone, subject, behaviour, modifiers and comment.")
    }
    FieldLabel {
        text: qsTr("Save in this folder")
    }
    AppTextField {
        objectName: "exportFolderField"
        Layout.fillWidth: true
        text: ObservationReports.exportDirectory
        Accessible.name: qsTr("Export folder")
        onEditingFinished: ObservationReports.exportDirectory = text.trim()
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing
        AppButton {
            objectName: "exportCsvButton"
            primary: true
            enabled: ObservationReports.acrossSessions || ObservationReports.sessionId !== ""
            text: qsTr("Export as CSV")
            onClicked: ObservationReports.exportEvents("csv")
        }
        AppButton {
            objectName: "exportTsvButton"
            enabled: ObservationReports.acrossSessions || ObservationReports.sessionId !== ""
            text: qsTr("Export as TSV")
            onClicked: ObservationReports.exportEvents("tsv")
        }
    }
    MessageBanner {
        objectName: "exportError"
        text: ObservationReports.errorString
    }
    MessageBanner {
        objectName: "exportInfo"
        error: false
        text: ObservationReports.infoString
    }
}
