import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// Inter-observer agreement: two finalised sessions of one scheme as a pair, the method, and the figures with the method in words.
ScrollPage {
    id: screen
    objectName: "observationAgreementScreen"
    readonly property string title: qsTr("Observer agreement")
    maxWidth: 1100
    readonly property bool wide: width > 1000
    // The width of the page's column (ScrollPage's), so rows never size from their own Flow (a polish loop).
    readonly property real columnWidth: Math.min(maxWidth, width - 2 * Theme.margin)

    Component.onCompleted: ObservationAgreement.refresh()

    ScreenTitle {
        text: qsTr("Observer agreement")
    }
    BodyText {
        color: Theme.textMuted
        text: qsTr("Choose the sessions two observers coded at the same time: tap one for observer A, then one for observer B. Tap a chosen session again to take it back.")
    }
    MessageBanner {
        objectName: "agreementError"
        text: ObservationAgreement.errorString
    }
    MessageBanner {
        objectName: "agreementInfo"
        error: false
        text: ObservationAgreement.infoString
    }

    SectionHeading {
        visible: ObservationAgreement.pairs.length > 0
        text: qsTr("Marked pairs")
    }
    Column {
        Layout.fillWidth: true
        visible: ObservationAgreement.pairs.length > 0
        spacing: Theme.smallSpacing
        Repeater {
            model: ObservationAgreement.pairs
            Rectangle {
                id: pairRow
                required property var modelData
                required property int index
                objectName: "pair_" + index
                width: parent.width
                height: pairLayout.implicitHeight + 2 * Theme.smallSpacing
                radius: Theme.radius / 2
                color: Theme.surface
                border.color: Theme.divider
                RowLayout {
                    id: pairLayout
                    anchors.fill: parent
                    anchors.margins: Theme.smallSpacing
                    anchors.leftMargin: Theme.spacing
                    spacing: Theme.spacing
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        BodyText {
                            text: pairRow.modelData.title
                        }
                        BodyText {
                            text: pairRow.modelData.detail
                        }
                    }
                    AppButton {
                        objectName: "openPair_" + pairRow.index
                        text: qsTr("Open")
                        onClicked: ObservationAgreement.openPair(pairRow.modelData.id)
                    }
                    AppButton {
                        objectName: "unmarkPair_" + pairRow.index
                        flat: true
                        text: qsTr("Unmark")
                        onClicked: ObservationAgreement.unmarkPair(pairRow.modelData.id)
                    }
                }
            }
        }
    }

    SectionHeading {
        text: qsTr("Sessions")
    }
    BodyText {
        visible: ObservationAgreement.sessions.length === 0
        color: Theme.textMuted
        text: qsTr("No sessions yet in this project.")
    }
    Column {
        Layout.fillWidth: true
        spacing: Theme.smallSpacing
        Repeater {
            model: ObservationAgreement.sessions
            ItemDelegate {
                id: sessionRow
                required property var modelData
                required property int index
                readonly property string side: modelData.side
                objectName: "agreementSession_" + index
                width: parent.width
                padding: Theme.smallSpacing
                leftPadding: Theme.spacing
                implicitHeight: Math.max(Theme.controlHeight, sessionLayout.implicitHeight + topPadding + bottomPadding)
                Accessible.name: (side !== "" ? qsTr("Observer %1: ").arg(side) : "") + modelData.title + ", " + modelData.detail
                onClicked: ObservationAgreement.choose(modelData.id)
                background: Rectangle {
                    radius: Theme.radius / 2
                    color: sessionRow.side !== "" ? Theme.accentSoft : (sessionRow.down ? Theme.background : Theme.surface)
                    border.color: sessionRow.side !== "" || sessionRow.visualFocus ? Theme.accent : Theme.divider
                    border.width: sessionRow.side !== "" || sessionRow.visualFocus ? 2 : 1
                }
                contentItem: RowLayout {
                    id: sessionLayout
                    spacing: Theme.spacing
                    Rectangle {
                        Layout.alignment: Qt.AlignVCenter
                        implicitWidth: Math.round(40 * Theme.scale)
                        implicitHeight: implicitWidth
                        radius: width / 2
                        color: sessionRow.side !== "" ? Theme.accent : "transparent"
                        border.color: sessionRow.side !== "" ? Theme.accent : Theme.border
                        Label {
                            anchors.centerIn: parent
                            text: sessionRow.side
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.Bold
                            color: Theme.textOnAccent
                        }
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: sessionRow.modelData.title
                            wrapMode: Text.WordWrap
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }
                        Label {
                            Layout.fillWidth: true
                            text: sessionRow.modelData.detail
                            wrapMode: Text.WordWrap
                            font.pixelSize: Theme.fontSmall
                            color: sessionRow.modelData.finalised ? Theme.textMuted : "#8a6100"
                        }
                    }
                }
            }
        }
    }

    SectionHeading {
        text: qsTr("Method")
    }
    ChoiceGroup {
        objectName: "methodGroup"
        namePrefix: "method_"
        choices: ObservationAgreement.methodChoices
        current: ObservationAgreement.method
        onChosen: key => ObservationAgreement.method = key
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing
        ColumnLayout {
            width: Math.min(Math.round(360 * Theme.scale), screen.columnWidth)
            spacing: Theme.smallSpacing / 2
            FieldLabel {
                text: qsTr("Slice length in seconds (ICC counts events per slice)")
            }
            AppTextField {
                id: sliceField
                objectName: "sliceField"
                Layout.preferredWidth: Math.round(160 * Theme.scale)
                inputMethodHints: Qt.ImhDigitsOnly
                validator: IntValidator { bottom: 1; top: 86400 }
                text: ObservationAgreement.sliceSeconds
                Accessible.name: qsTr("Slice length in seconds")
                onEditingFinished: {
                    if (text !== "")
                        ObservationAgreement.sliceSeconds = parseInt(text)
                    text = Qt.binding(() => ObservationAgreement.sliceSeconds)
                }
            }
        }
        ColumnLayout {
            width: Math.min(Math.round(360 * Theme.scale), screen.columnWidth)
            visible: ObservationAgreement.method === "events"
            spacing: Theme.smallSpacing / 2
            FieldLabel {
                text: qsTr("Tolerance in seconds (how far apart two codings may be)")
            }
            AppTextField {
                objectName: "toleranceField"
                Layout.preferredWidth: Math.round(160 * Theme.scale)
                inputMethodHints: Qt.ImhDigitsOnly
                validator: IntValidator { bottom: 0; top: 3600 }
                text: ObservationAgreement.toleranceSeconds
                Accessible.name: qsTr("Tolerance in seconds")
                onEditingFinished: {
                    if (text !== "")
                        ObservationAgreement.toleranceSeconds = parseInt(text)
                    text = Qt.binding(() => ObservationAgreement.toleranceSeconds)
                }
            }
        }
    }

    SectionHeading {
        text: qsTr("Result")
    }
    BodyText {
        objectName: "agreementHint"
        visible: ObservationAgreement.sessionA === "" || ObservationAgreement.sessionB === ""
        color: Theme.textMuted
        text: ObservationAgreement.sessionA === "" ? qsTr("Choose the session of observer A.")
                                                   : qsTr("Choose the session of observer B.")
    }
    MessageBanner {
        objectName: "agreementProblem"
        text: ObservationAgreement.problem
    }
    BodyText {
        visible: ObservationAgreement.hasResult
        text: qsTr("A: %1").arg(ObservationAgreement.sessionAText) + "\n" + qsTr("B: %1").arg(ObservationAgreement.sessionBText)
    }
    Flow {
        id: figureFlow
        objectName: "agreementFigures"
        Layout.fillWidth: true
        visible: ObservationAgreement.hasResult
        spacing: Theme.spacing
        readonly property int columns: screen.wide ? 3 : 2
        Repeater {
            model: ObservationAgreement.figures
            Rectangle {
                id: figure
                required property var modelData
                objectName: "figure_" + modelData.key
                readonly property string valueText: modelData.value
                width: Math.floor((screen.columnWidth - (figureFlow.columns - 1) * figureFlow.spacing) / figureFlow.columns)
                height: figureColumn.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius / 2
                color: Theme.surface
                border.color: Theme.divider
                Accessible.role: Accessible.StaticText
                Accessible.name: modelData.label + ": " + modelData.value
                ColumnLayout {
                    id: figureColumn
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    spacing: 2
                    Label {
                        Layout.fillWidth: true
                        text: figure.modelData.label
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.fontSmall
                        font.weight: Font.DemiBold
                        color: Theme.textMuted
                    }
                    Label {
                        Layout.fillWidth: true
                        text: figure.modelData.value
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.fontTitle
                        font.weight: Font.Bold
                        color: Theme.text
                    }
                    Label {
                        Layout.fillWidth: true
                        text: figure.modelData.note
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                    }
                }
            }
        }
    }
    BodyText {
        objectName: "agreementScale"
        visible: ObservationAgreement.hasResult
        text: ObservationAgreement.scaleText
    }
    Rectangle {
        Layout.fillWidth: true
        visible: ObservationAgreement.hasResult
        implicitHeight: methodColumn.implicitHeight + 2 * Theme.spacing
        radius: Theme.radius / 2
        color: Theme.accentSoft
        border.color: Theme.accent
        ColumnLayout {
            id: methodColumn
            anchors.fill: parent
            anchors.margins: Theme.spacing
            spacing: Theme.smallSpacing
            Label {
                Layout.fillWidth: true
                text: qsTr("How this was computed")
                font.pixelSize: Theme.fontBody
                font.weight: Font.Bold
                color: Theme.text
            }
            BodyText {
                objectName: "agreementMethod"
                text: ObservationAgreement.methodText
            }
            BodyText {
                objectName: "agreementSpan"
                text: ObservationAgreement.spanText
            }
        }
    }
    AppButton {
        objectName: "markPairButton"
        visible: ObservationAgreement.hasResult
        primary: !ObservationAgreement.marked
        enabled: !ObservationAgreement.marked
        text: ObservationAgreement.marked ? qsTr("Marked as paired observers") : qsTr("Mark as paired observers")
        onClicked: ObservationAgreement.markPair()
    }
}
