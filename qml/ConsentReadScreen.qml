import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// Taking consent, step 2: the exact information text of the chosen version, read to its end before agreeing.
Item {
    id: screen
    objectName: "consentReadScreen"
    readonly property string title: qsTr("Information: %1").arg(ConsentFlow.participantCode)

    // The end is reached when the reader has scrolled to the bottom of the
    // text, or when the whole text fits. Whether it fits is judged only once
    // the layout has been still for a moment: while text is still being
    // wrapped, the column is briefly shorter than it will be.
    function checkScrolledToEnd() {
        if (reader.contentY > 0 && reader.contentY + reader.height >= reader.contentHeight - 2)
            ConsentFlow.markInformationRead()
    }

    Timer {
        id: fitCheck
        interval: 400
        onTriggered: {
            if (reader.height > 0 && reader.contentHeight > 0 && reader.contentHeight <= reader.height + 2)
                ConsentFlow.markInformationRead()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
            text: qsTr("Version %1 · %2").arg(ConsentFlow.formVersionNumber)
                  .arg(ConsentFlow.language === "sv" ? "Svenska" : "English")
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.divider

            Flickable {
                id: reader
                objectName: "informationFlickable"
                anchors.fill: parent
                anchors.margins: Theme.spacing
                clip: true
                contentWidth: width
                contentHeight: readColumn.implicitHeight
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar {
                    policy: reader.contentHeight > reader.height ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
                    width: 12
                }
                onContentYChanged: screen.checkScrolledToEnd()
                onContentHeightChanged: fitCheck.restart()
                onHeightChanged: fitCheck.restart()

                ColumnLayout {
                    id: readColumn
                    width: reader.width - 16
                    spacing: Theme.spacing
                    ScreenTitle {
                        objectName: "formTitle"
                        text: ConsentFlow.formTitle
                    }
                    BodyText {
                        objectName: "informationText"
                        font.pixelSize: Math.round(Theme.fontBody * 1.15)
                        text: ConsentFlow.information
                    }
                    SectionHeading {
                        text: ConsentFlow.readerTexts.askedAbout
                    }
                    Repeater {
                        model: ConsentFlow.items
                        BodyText {
                            required property string itemText
                            required property bool isRequired
                            font.pixelSize: Math.round(Theme.fontBody * 1.15)
                            text: "• " + (isRequired ? ConsentFlow.readerTexts.requiredItem.arg(itemText) : itemText)
                        }
                    }
                    BodyText {
                        objectName: "endOfInformation"
                        color: Theme.textMuted
                        text: ConsentFlow.readerTexts.end
                    }
                }
            }
        }

        Label {
            objectName: "readProblem"
            Layout.fillWidth: true
            visible: text !== ""
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontBody
            color: Theme.accent
            text: ConsentFlow.informationRead ? "" : ConsentFlow.readerTexts.readFirst
        }
        AppButton {
            objectName: "agreeButton"
            Layout.fillWidth: true
            primary: true
            enabled: ConsentFlow.informationRead
            text: ConsentFlow.readerTexts.agree
            onClicked: Navigator.push("consentItems")
        }
    }
}
