import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// The coding schemes a session can use: the built-in ones and the project's
// own; build, edit, duplicate, import and export them.
ScrollPage {
    id: screen
    objectName: "codingSchemesScreen"
    readonly property string title: qsTr("Coding schemes")
    maxWidth: Math.round(900 * Theme.scale)

    Component.onCompleted: SchemeEditor.refresh()

    BodyText {
        color: Theme.textMuted
        text: qsTr("A scheme is what observers code: behaviours, their categories and modifiers, and who they are about. The project's own schemes are kept with the project and reach its other devices when they sync. Every save is a new version; a session keeps the version it was coded with.")
    }
    MessageBanner {
        objectName: "schemesError"
        text: SchemeEditor.listErrorString
    }

    // A positioner, not a layout, holds the rebuilt cards: they are rebuilt on every save and language switch.
    Column {
        objectName: "schemesList"
        Layout.fillWidth: true
        spacing: Theme.spacing
        Repeater {
            model: SchemeEditor.schemes
            Rectangle {
                id: card
                required property var modelData
                required property int index
                width: parent.width
                implicitHeight: cardColumn.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius / 2
                color: Theme.surface
                border.color: Theme.divider

                Column {
                    id: cardColumn
                    x: Theme.spacing
                    y: Theme.spacing
                    width: parent.width - 2 * Theme.spacing
                    spacing: Theme.smallSpacing

                    Label {
                        objectName: "schemeName_" + card.index
                        width: parent.width
                        text: card.modelData.name
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.fontHeading
                        font.weight: Font.Bold
                        color: Theme.text
                    }
                    Label {
                        objectName: "schemeMeta_" + card.index
                        width: parent.width
                        text: (card.modelData.builtIn
                               ? qsTr("Built in, cannot be changed · version %1").arg(card.modelData.version)
                               : qsTr("This project's · version %1 · saved %2").arg(card.modelData.version).arg(card.modelData.date))
                              + " · " + qsTr("%n behaviour(s)", "", card.modelData.behaviours)
                              + " · " + qsTr("code %1").arg(card.modelData.schemeId)
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.fontBody
                        color: Theme.textMuted
                    }
                    Label {
                        width: parent.width
                        visible: text !== ""
                        text: card.modelData.description
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                    }
                    Flow {
                        width: parent.width
                        spacing: Theme.smallSpacing
                        AppButton {
                            objectName: "openScheme_" + card.index
                            primary: !card.modelData.builtIn
                            text: card.modelData.builtIn ? qsTr("View") : qsTr("Edit")
                            Accessible.name: (card.modelData.builtIn ? qsTr("View") : qsTr("Edit")) + " " + card.modelData.name
                            onClicked: {
                                if (SchemeEditor.openScheme(card.modelData.key))
                                    Navigator.push("schemeEditor")
                            }
                        }
                        AppButton {
                            objectName: "duplicateScheme_" + card.index
                            text: qsTr("Duplicate")
                            Accessible.name: qsTr("Duplicate %1").arg(card.modelData.name)
                            onClicked: {
                                if (SchemeEditor.duplicateScheme(card.modelData.key))
                                    Navigator.push("schemeEditor")
                            }
                        }
                        AppButton {
                            objectName: "exportScheme_" + card.index
                            text: qsTr("Export as JSON")
                            Accessible.name: qsTr("Export %1 as JSON").arg(card.modelData.name)
                            onClicked: SchemeEditor.exportScheme(card.modelData.key)
                        }
                    }
                    MessageBanner {
                        objectName: "exportSchemeMessage_" + card.index
                        width: parent.width
                        error: SchemeEditor.exportFailed
                        text: card.modelData.key === SchemeEditor.exportKey ? SchemeEditor.exportMessage : ""
                    }
                }
            }
        }
    }
    AppButton {
        objectName: "newSchemeButton"
        Layout.fillWidth: true
        primary: true
        text: qsTr("Build a new scheme")
        onClicked: {
            SchemeEditor.newScheme()
            Navigator.push("schemeEditor")
        }
    }

    SectionHeading {
        text: qsTr("Import from a JSON file")
    }
    BodyText {
        color: Theme.textMuted
        text: qsTr("A Samla coding-scheme file (format \"samla-coding-scheme\"), for example one exported from another project. A scheme whose code the project already has becomes its next version.")
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        AppTextField {
            id: importFile
            objectName: "schemeImportField"
            Layout.fillWidth: true
            placeholderText: qsTr("Path to the .json file")
            Accessible.name: qsTr("Coding scheme file")
            inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
        }
        AppButton {
            objectName: "importSchemeFileButton"
            text: qsTr("Import")
            enabled: importFile.text.trim() !== ""
            onClicked: {
                if (SchemeEditor.importFile(importFile.text.trim()))
                    importFile.text = ""
            }
        }
    }
    MessageBanner {
        objectName: "importSchemeError"
        text: SchemeEditor.importErrorString
    }
    MessageBanner {
        objectName: "importSchemeInfo"
        error: false
        text: SchemeEditor.importInfoString
    }
    BodyText {
        color: Theme.textMuted
        text: qsTr("Exports are saved in %1.").arg(SchemeEditor.exportDirectory)
    }
}
