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
    // The scheme (its key) the user asked to remove, waiting for confirmation.
    property string removeCandidate: ""
    readonly property var activeSchemes: SchemeEditor.schemes.filter(s => !s.archived)
    readonly property var archivedSchemes: SchemeEditor.schemes.filter(s => s.archived)

    Component.onCompleted: SchemeEditor.refresh()

    BodyText {
        color: Theme.textMuted
        text: qsTr("A scheme is what observers code: behaviours, their categories and modifiers, and who they are about. The project's own schemes are kept with the project and reach its other devices when they sync. Every save is a new version; a session keeps the version it was coded with.")
    }
    MessageBanner {
        objectName: "schemesError"
        text: SchemeEditor.listErrorString
    }
    MessageBanner {
        objectName: "schemesInfo"
        error: false
        text: SchemeEditor.listInfoString
    }

    // A positioner, not a layout, holds the rebuilt cards: they are rebuilt on every save and language switch.
    Column {
        objectName: "schemesList"
        Layout.fillWidth: true
        spacing: Theme.spacing
        Repeater {
            model: screen.activeSchemes
            SchemeCard {
                width: parent.width
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
        visible: screen.archivedSchemes.length > 0
        text: qsTr("Archived schemes")
    }
    BodyText {
        visible: screen.archivedSchemes.length > 0
        color: Theme.textMuted
        text: qsTr("Not offered for new sessions. Sessions coded with them keep them, and they can be restored.")
    }
    Column {
        objectName: "archivedSchemesList"
        Layout.fillWidth: true
        visible: screen.archivedSchemes.length > 0
        spacing: Theme.spacing
        Repeater {
            model: screen.archivedSchemes
            SchemeCard {
                width: parent.width
                prefix: "archived_"
            }
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

    component SchemeCard: Rectangle {
        id: card
        required property var modelData
        required property int index
        property string prefix: ""
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
                objectName: card.prefix + "schemeName_" + card.index
                width: parent.width
                text: card.modelData.name
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontHeading
                font.weight: Font.Bold
                color: Theme.text
            }
            Label {
                objectName: card.prefix + "schemeMeta_" + card.index
                width: parent.width
                text: (card.modelData.builtIn
                       ? qsTr("Built in, cannot be changed · version %1").arg(card.modelData.version)
                       : card.modelData.archived
                         ? qsTr("Archived · version %1 · saved %2").arg(card.modelData.version).arg(card.modelData.date)
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
                    objectName: card.prefix + "openScheme_" + card.index
                    primary: !card.modelData.builtIn
                    text: card.modelData.builtIn ? qsTr("View") : qsTr("Edit")
                    Accessible.name: (card.modelData.builtIn ? qsTr("View") : qsTr("Edit")) + " " + card.modelData.name
                    onClicked: {
                        if (SchemeEditor.openScheme(card.modelData.key))
                            Navigator.push("schemeEditor")
                    }
                }
                AppButton {
                    objectName: card.prefix + "duplicateScheme_" + card.index
                    text: qsTr("Duplicate")
                    Accessible.name: qsTr("Duplicate %1").arg(card.modelData.name)
                    onClicked: {
                        if (SchemeEditor.duplicateScheme(card.modelData.key))
                            Navigator.push("schemeEditor")
                    }
                }
                AppButton {
                    objectName: card.prefix + "exportScheme_" + card.index
                    text: qsTr("Export as JSON")
                    Accessible.name: qsTr("Export %1 as JSON").arg(card.modelData.name)
                    onClicked: SchemeEditor.exportScheme(card.modelData.key)
                }
                AppButton {
                    objectName: card.prefix + "archiveScheme_" + card.index
                    visible: !card.modelData.builtIn
                    text: card.modelData.archived ? qsTr("Restore") : qsTr("Archive")
                    Accessible.name: (card.modelData.archived ? qsTr("Restore %1") : qsTr("Archive %1")).arg(card.modelData.name)
                    onClicked: {
                        if (card.modelData.archived)
                            SchemeEditor.restoreScheme(card.modelData.key)
                        else
                            SchemeEditor.archiveScheme(card.modelData.key)
                    }
                }
                AppButton {
                    objectName: card.prefix + "removeScheme_" + card.index
                    // Only a scheme no session was coded with: the others are archived.
                    visible: !card.modelData.builtIn && card.modelData.sessions === 0
                    text: qsTr("Remove")
                    Accessible.name: qsTr("Remove %1").arg(card.modelData.name)
                    onClicked: screen.removeCandidate = card.modelData.key
                }
            }
            Label {
                width: parent.width
                visible: !card.modelData.builtIn && card.modelData.sessions > 0
                text: qsTr("%n session(s) were coded with this scheme, so it can be archived but not removed.", "", card.modelData.sessions)
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                color: Theme.textMuted
            }
            Column {
                objectName: card.prefix + "removeConfirm_" + card.index
                width: parent.width
                visible: screen.removeCandidate !== "" && screen.removeCandidate === card.modelData.key
                spacing: Theme.smallSpacing
                Label {
                    width: parent.width
                    text: qsTr("Remove “%1”? It is gone from this project and, after the next sync, from its other devices. No session was coded with it.").arg(card.modelData.name)
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                }
                Flow {
                    width: parent.width
                    spacing: Theme.smallSpacing
                    AppButton {
                        objectName: card.prefix + "removeSchemeConfirm_" + card.index
                        primary: true
                        text: qsTr("Remove the scheme")
                        onClicked: {
                            const key = screen.removeCandidate
                            screen.removeCandidate = ""
                            SchemeEditor.removeScheme(key)
                        }
                    }
                    AppButton {
                        objectName: card.prefix + "removeSchemeCancel_" + card.index
                        text: qsTr("Cancel")
                        onClicked: screen.removeCandidate = ""
                    }
                }
            }
            MessageBanner {
                objectName: card.prefix + "exportSchemeMessage_" + card.index
                width: parent.width
                error: SchemeEditor.exportFailed
                text: card.modelData.key === SchemeEditor.exportKey ? SchemeEditor.exportMessage : ""
            }
        }
    }
}
