import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Core
import Samla.Ui

// Building a coding scheme, or its next version: name, subjects, categories,
// modifiers, behaviours and mutually exclusive groups. Each problem shows
// beside its field; saving makes a new version. Built-in schemes are read-only.
Item {
    id: screen
    objectName: "schemeEditorScreen"
    readonly property string title: SchemeEditor.readOnly ? qsTr("Coding scheme")
                                  : SchemeEditor.key === "" ? qsTr("New coding scheme") : qsTr("Edit coding scheme")
    readonly property var problems: SchemeEditor.problems
    readonly property bool wide: page.width >= Math.round(900 * Theme.scale)
    readonly property bool editable: !SchemeEditor.readOnly

    // The state behaviours a group can name, and any other code it names (shown so it can be unticked).
    function groupChoices(group) {
        const list = SchemeEditor.stateBehaviourChoices.slice()
        const members = SchemeEditor.groupMembers[group] || []
        for (const code of members) {
            if (!list.some(c => c.key === code))
                list.push({ key: code, label: code })
        }
        return list
    }

    // A problem under its field; `path` is where the scheme's check found it.
    component Problem: Label {
        property string path
        objectName: "problem_" + path
        Layout.fillWidth: true
        visible: text !== ""
        text: screen.problems[path] || ""
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontSmall
        color: Theme.danger
    }

    // A code field with its caption and problem.
    component CodeField: ColumnLayout {
        id: codeField
        property alias text: codeInput.text
        property string path
        property string caption: qsTr("Code (kept in the data)")
        property string name
        property bool editable: screen.editable
        signal edited(string text)
        Layout.fillWidth: true
        spacing: 2
        Label {
            Layout.fillWidth: true
            text: codeField.caption
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
            wrapMode: Text.WordWrap
        }
        AppTextField {
            id: codeInput
            objectName: codeField.name
            Layout.fillWidth: true
            readOnly: !codeField.editable
            inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            Accessible.name: codeField.caption
            onTextEdited: codeField.edited(text)
        }
        Problem {
            path: codeField.path
        }
    }

    // A bordered card holding one item of a list.
    component Card: Rectangle {
        default property alias content: cardColumn.data
        width: parent ? parent.width : 0
        implicitHeight: cardColumn.implicitHeight + 2 * Theme.spacing
        radius: Theme.radius / 2
        color: Theme.surface
        border.color: Theme.divider
        ColumnLayout {
            id: cardColumn
            x: Theme.spacing
            y: Theme.spacing
            width: parent.width - 2 * Theme.spacing
            spacing: Theme.smallSpacing
        }
    }

    // A card's heading with its buttons.
    component CardHeading: Flow {
        property alias text: headingLabel.text
        default property alias buttons: buttonRow.data
        Layout.fillWidth: true
        spacing: Theme.smallSpacing
        Label {
            id: headingLabel
            height: Theme.controlHeight
            verticalAlignment: Text.AlignVCenter
            rightPadding: Theme.spacing
            font.pixelSize: Theme.fontHeading
            font.weight: Font.Bold
            color: Theme.text
        }
        Row {
            id: buttonRow
            spacing: Theme.smallSpacing
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ScrollPage {
            id: page
            objectName: "schemeEditorPage"
            Layout.fillWidth: true
            Layout.fillHeight: true
            maxWidth: Math.round(1200 * Theme.scale)

            BodyText {
                objectName: "schemeEditorIntro"
                color: Theme.textMuted
                text: SchemeEditor.readOnly
                      ? qsTr("A built-in scheme cannot be changed. Duplicate it to make a copy you can edit.")
                      : SchemeEditor.key === ""
                        ? qsTr("A new scheme. Saving makes its version 1.")
                        : qsTr("Starting from version %1. Saving makes version %2; sessions already coded keep the version they were coded with.")
                          .arg(SchemeEditor.baseVersion).arg(SchemeEditor.baseVersion + 1)
            }

            SectionHeading {
                text: qsTr("Name")
            }
            SchemeLabelField {
                namePrefix: "schemeName_"
                accessibleName: qsTr("Name")
                readOnly: !screen.editable
                languages: SchemeEditor.languages
                values: SchemeEditor.name
                problem: screen.problems["name"] || ""
                onEdited: (language, text) => SchemeEditor.setName(language, text)
            }
            FieldLabel {
                text: qsTr("Description")
            }
            SchemeLabelField {
                namePrefix: "schemeDescription_"
                multiline: true
                accessibleName: qsTr("Description")
                readOnly: !screen.editable
                languages: SchemeEditor.languages
                values: SchemeEditor.description
                onEdited: (language, text) => SchemeEditor.setDescription(language, text)
            }
            GridLayout {
                Layout.fillWidth: true
                columns: screen.wide ? 2 : 1
                columnSpacing: Theme.spacing
                rowSpacing: Theme.smallSpacing
                CodeField {
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    name: "schemeIdField"
                    caption: SchemeEditor.idEditable ? qsTr("Code of the scheme (kept in the data; cannot change once saved)")
                                                     : qsTr("Code of the scheme")
                    editable: SchemeEditor.idEditable
                    text: SchemeEditor.schemeId
                    path: "id"
                    onEdited: text => SchemeEditor.setSchemeId(text)
                }
                CodeField {
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    name: "samplingField"
                    caption: qsTr("Prompt every … seconds (0: no prompts)")
                    text: SchemeEditor.samplingSeconds
                    path: "sampling_interval_s"
                    onEdited: text => SchemeEditor.setSamplingSeconds(text)
                }
            }

            // --- subjects ---
            SectionHeading {
                text: qsTr("Subjects: who an event is about")
            }
            AppCheckBox {
                objectName: "participantSubjects"
                Layout.fillWidth: true
                enabled: screen.editable
                text: qsTr("Consented participants can be tagged by their code")
                checked: SchemeEditor.participantSubjects
                onToggled: SchemeEditor.setParticipantSubjects(checked)
            }
            Column {
                objectName: "schemeRoles"
                Layout.fillWidth: true
                spacing: Theme.smallSpacing
                Repeater {
                    model: SchemeEditor.roles
                    Card {
                        id: roleCard
                        required property var modelData
                        required property int index
                        readonly property string path: "subjects.roles[" + index + "]"
                        CardHeading {
                            text: qsTr("Role %1").arg(roleCard.index + 1)
                            AppButton {
                                objectName: "removeRole_" + roleCard.index
                                visible: screen.editable
                                text: qsTr("Remove")
                                Accessible.name: qsTr("Remove role %1").arg(roleCard.index + 1)
                                onClicked: SchemeEditor.remove("roles", roleCard.index)
                            }
                        }
                        SchemeLabelField {
                            namePrefix: "roleLabel_" + roleCard.index + "_"
                            accessibleName: qsTr("Role %1").arg(roleCard.index + 1)
                            readOnly: !screen.editable
                            languages: SchemeEditor.languages
                            values: roleCard.modelData.label
                            problem: screen.problems[roleCard.path + ".label"] || ""
                            onEdited: (language, text) => SchemeEditor.setLabel("roles", roleCard.index, language, text)
                        }
                        CodeField {
                            name: "roleCode_" + roleCard.index
                            text: roleCard.modelData.code
                            path: roleCard.path + ".code"
                            onEdited: text => SchemeEditor.setCode("roles", roleCard.index, text)
                        }
                    }
                }
            }
            AppButton {
                objectName: "addRoleButton"
                visible: screen.editable
                text: qsTr("Add role")
                onClicked: SchemeEditor.add("roles")
            }

            // --- categories ---
            SectionHeading {
                text: qsTr("Categories")
            }
            BodyText {
                color: Theme.textMuted
                text: qsTr("Behaviours can be grouped in categories. In an ordered category the order of its behaviours is a scale (as in QuIS, from positive to negative), which weighted kappa uses.")
            }
            Column {
                objectName: "schemeCategories"
                Layout.fillWidth: true
                spacing: Theme.smallSpacing
                Repeater {
                    model: SchemeEditor.categories
                    Card {
                        id: categoryCard
                        required property var modelData
                        required property int index
                        readonly property string path: "categories[" + index + "]"
                        CardHeading {
                            text: qsTr("Category %1").arg(categoryCard.index + 1)
                            AppButton {
                                objectName: "removeCategory_" + categoryCard.index
                                visible: screen.editable
                                text: qsTr("Remove")
                                Accessible.name: qsTr("Remove category %1").arg(categoryCard.index + 1)
                                onClicked: SchemeEditor.remove("categories", categoryCard.index)
                            }
                        }
                        SchemeLabelField {
                            namePrefix: "categoryLabel_" + categoryCard.index + "_"
                            accessibleName: qsTr("Category %1").arg(categoryCard.index + 1)
                            readOnly: !screen.editable
                            languages: SchemeEditor.languages
                            values: categoryCard.modelData.label
                            problem: screen.problems[categoryCard.path + ".label"] || ""
                            onEdited: (language, text) => SchemeEditor.setLabel("categories", categoryCard.index, language, text)
                        }
                        GridLayout {
                            Layout.fillWidth: true
                            columns: screen.wide ? 2 : 1
                            columnSpacing: Theme.spacing
                            CodeField {
                                name: "categoryCode_" + categoryCard.index
                                text: categoryCard.modelData.code
                                path: categoryCard.path + ".code"
                                onEdited: text => SchemeEditor.setCode("categories", categoryCard.index, text)
                            }
                            AppCheckBox {
                                objectName: "categoryOrdered_" + categoryCard.index
                                Layout.fillWidth: true
                                enabled: screen.editable
                                text: qsTr("Ordered: its behaviours form a scale")
                                checked: categoryCard.modelData.ordered
                                onToggled: SchemeEditor.setCategoryOrdered(categoryCard.index, checked)
                            }
                        }
                    }
                }
            }
            AppButton {
                objectName: "addCategoryButton"
                visible: screen.editable
                text: qsTr("Add category")
                onClicked: SchemeEditor.add("categories")
            }

            // --- modifiers ---
            SectionHeading {
                text: qsTr("Modifiers")
            }
            BodyText {
                color: Theme.textMuted
                text: qsTr("Details coded with a behaviour: a single or multiple choice, a number or free text. Tick them on the behaviours they belong to.")
            }
            Column {
                objectName: "schemeModifiers"
                Layout.fillWidth: true
                spacing: Theme.smallSpacing
                Repeater {
                    model: SchemeEditor.modifiers
                    Card {
                        id: modifierCard
                        required property var modelData
                        required property int index
                        readonly property string path: "modifiers[" + index + "]"
                        readonly property bool choice: modelData.type === "single_choice" || modelData.type === "multiple_choice"
                        CardHeading {
                            text: qsTr("Modifier %1").arg(modifierCard.index + 1)
                            AppButton {
                                objectName: "removeModifier_" + modifierCard.index
                                visible: screen.editable
                                text: qsTr("Remove")
                                Accessible.name: qsTr("Remove modifier %1").arg(modifierCard.index + 1)
                                onClicked: SchemeEditor.remove("modifiers", modifierCard.index)
                            }
                        }
                        SchemeLabelField {
                            namePrefix: "modifierLabel_" + modifierCard.index + "_"
                            accessibleName: qsTr("Modifier %1").arg(modifierCard.index + 1)
                            readOnly: !screen.editable
                            languages: SchemeEditor.languages
                            values: modifierCard.modelData.label
                            problem: screen.problems[modifierCard.path + ".label"] || ""
                            onEdited: (language, text) => SchemeEditor.setLabel("modifiers", modifierCard.index, language, text)
                        }
                        GridLayout {
                            Layout.fillWidth: true
                            columns: screen.wide ? 3 : 1
                            columnSpacing: Theme.spacing
                            CodeField {
                                Layout.alignment: Qt.AlignTop
                                name: "modifierCode_" + modifierCard.index
                                text: modifierCard.modelData.code
                                path: modifierCard.path + ".code"
                                onEdited: text => SchemeEditor.setCode("modifiers", modifierCard.index, text)
                            }
                            ColumnLayout {
                                Layout.fillWidth: true
                                Layout.alignment: Qt.AlignTop
                                spacing: 2
                                Label {
                                    text: qsTr("Kind")
                                    font.pixelSize: Theme.fontSmall
                                    color: Theme.textMuted
                                }
                                AppComboBox {
                                    objectName: "modifierType_" + modifierCard.index
                                    Layout.fillWidth: true
                                    enabled: screen.editable
                                    model: SchemeEditor.modifierTypeChoices
                                    current: modifierCard.modelData.type
                                    Accessible.name: qsTr("Kind of modifier %1").arg(modifierCard.index + 1)
                                    onChosen: key => SchemeEditor.setModifierType(modifierCard.index, key)
                                }
                            }
                            AppCheckBox {
                                objectName: "modifierRequired_" + modifierCard.index
                                Layout.fillWidth: true
                                Layout.alignment: Qt.AlignBottom
                                enabled: screen.editable
                                text: qsTr("Must be given")
                                checked: modifierCard.modelData.required
                                onToggled: SchemeEditor.setModifierRequired(modifierCard.index, checked)
                            }
                        }
                        Problem {
                            path: modifierCard.path
                        }
                        // Options of a choice.
                        Repeater {
                            model: modifierCard.choice ? modifierCard.modelData.options : []
                            Rectangle {
                                id: optionRow
                                required property var modelData
                                required property int index
                                readonly property string path: modifierCard.path + ".options[" + index + "]"
                                Layout.fillWidth: true
                                implicitHeight: optionColumn.implicitHeight + Theme.smallSpacing * 2
                                color: Theme.background
                                radius: Theme.radius / 2
                                ColumnLayout {
                                    id: optionColumn
                                    x: Theme.smallSpacing
                                    y: Theme.smallSpacing
                                    width: parent.width - 2 * Theme.smallSpacing
                                    spacing: Theme.smallSpacing
                                    CardHeading {
                                        text: qsTr("Option %1").arg(optionRow.index + 1)
                                        AppButton {
                                            objectName: "removeOption_" + modifierCard.index + "_" + optionRow.index
                                            visible: screen.editable
                                            text: qsTr("Remove")
                                            Accessible.name: qsTr("Remove option %1").arg(optionRow.index + 1)
                                            onClicked: SchemeEditor.removeOption(modifierCard.index, optionRow.index)
                                        }
                                    }
                                    SchemeLabelField {
                                        namePrefix: "optionLabel_" + modifierCard.index + "_" + optionRow.index + "_"
                                        accessibleName: qsTr("Option %1").arg(optionRow.index + 1)
                                        readOnly: !screen.editable
                                        languages: SchemeEditor.languages
                                        values: optionRow.modelData.label
                                        problem: screen.problems[optionRow.path + ".label"] || ""
                                        onEdited: (language, text) => SchemeEditor.setOptionLabel(modifierCard.index, optionRow.index, language, text)
                                    }
                                    CodeField {
                                        name: "optionCode_" + modifierCard.index + "_" + optionRow.index
                                        text: optionRow.modelData.code
                                        path: optionRow.path + ".code"
                                        onEdited: text => SchemeEditor.setOptionCode(modifierCard.index, optionRow.index, text)
                                    }
                                }
                            }
                        }
                        Problem {
                            path: modifierCard.path + ".options"
                        }
                        AppButton {
                            objectName: "addOption_" + modifierCard.index
                            visible: screen.editable && modifierCard.choice
                            text: qsTr("Add option")
                            onClicked: SchemeEditor.addOption(modifierCard.index)
                        }
                        // Bounds of a number.
                        GridLayout {
                            Layout.fillWidth: true
                            visible: modifierCard.modelData.type === "number"
                            columns: 2
                            columnSpacing: Theme.spacing
                            CodeField {
                                Layout.alignment: Qt.AlignTop
                                name: "modifierMinimum_" + modifierCard.index
                                caption: qsTr("Lowest (empty: none)")
                                text: modifierCard.modelData.minimum
                                path: modifierCard.path + ".minimum"
                                onEdited: text => SchemeEditor.setModifierBound(modifierCard.index, "minimum", text)
                            }
                            CodeField {
                                Layout.alignment: Qt.AlignTop
                                name: "modifierMaximum_" + modifierCard.index
                                caption: qsTr("Highest (empty: none)")
                                text: modifierCard.modelData.maximum
                                path: modifierCard.path + ".maximum"
                                onEdited: text => SchemeEditor.setModifierBound(modifierCard.index, "maximum", text)
                            }
                        }
                    }
                }
            }
            AppButton {
                objectName: "addModifierButton"
                visible: screen.editable
                text: qsTr("Add modifier")
                onClicked: SchemeEditor.add("modifiers")
            }

            // --- behaviours ---
            SectionHeading {
                text: qsTr("Behaviours")
            }
            BodyText {
                color: Theme.textMuted
                text: qsTr("What observers tap. A point event happens at one moment; a state event starts and stops. The order here is the order of the coding grid.")
            }
            Column {
                objectName: "schemeBehaviours"
                Layout.fillWidth: true
                spacing: Theme.smallSpacing
                Repeater {
                    model: SchemeEditor.behaviours
                    Card {
                        id: behaviourCard
                        required property var modelData
                        required property int index
                        readonly property string path: "behaviours[" + index + "]"
                        readonly property var links: SchemeEditor.behaviourLinks[index] || ({ category: "", modifiers: [] })
                        CardHeading {
                            text: qsTr("Behaviour %1").arg(behaviourCard.index + 1)
                            AppButton {
                                objectName: "moveBehaviourUp_" + behaviourCard.index
                                visible: screen.editable
                                enabled: behaviourCard.index > 0
                                text: qsTr("Move up")
                                onClicked: SchemeEditor.move("behaviours", behaviourCard.index, -1)
                            }
                            AppButton {
                                objectName: "moveBehaviourDown_" + behaviourCard.index
                                visible: screen.editable
                                enabled: behaviourCard.index < SchemeEditor.behaviours.length - 1
                                text: qsTr("Move down")
                                onClicked: SchemeEditor.move("behaviours", behaviourCard.index, 1)
                            }
                            AppButton {
                                objectName: "removeBehaviour_" + behaviourCard.index
                                visible: screen.editable
                                text: qsTr("Remove")
                                Accessible.name: qsTr("Remove behaviour %1").arg(behaviourCard.index + 1)
                                onClicked: SchemeEditor.remove("behaviours", behaviourCard.index)
                            }
                        }
                        SchemeLabelField {
                            namePrefix: "behaviourLabel_" + behaviourCard.index + "_"
                            accessibleName: qsTr("Behaviour %1").arg(behaviourCard.index + 1)
                            readOnly: !screen.editable
                            languages: SchemeEditor.languages
                            values: behaviourCard.modelData.label
                            problem: screen.problems[behaviourCard.path + ".label"] || ""
                            onEdited: (language, text) => SchemeEditor.setLabel("behaviours", behaviourCard.index, language, text)
                        }
                        GridLayout {
                            Layout.fillWidth: true
                            columns: screen.wide ? 2 : 1
                            columnSpacing: Theme.spacing
                            rowSpacing: Theme.smallSpacing
                            CodeField {
                                Layout.alignment: Qt.AlignTop
                                name: "behaviourCode_" + behaviourCard.index
                                text: behaviourCard.modelData.code
                                path: behaviourCard.path + ".code"
                                onEdited: text => SchemeEditor.setCode("behaviours", behaviourCard.index, text)
                            }
                            Flow {
                                Layout.fillWidth: true
                                Layout.alignment: Qt.AlignBottom
                                spacing: Theme.spacing
                                AppRadioButton {
                                    objectName: "behaviourPoint_" + behaviourCard.index
                                    enabled: screen.editable
                                    text: qsTr("Point event")
                                    checked: !behaviourCard.modelData.state
                                    onToggled: if (checked) SchemeEditor.setBehaviourState(behaviourCard.index, false)
                                }
                                AppRadioButton {
                                    objectName: "behaviourState_" + behaviourCard.index
                                    enabled: screen.editable
                                    text: qsTr("State event (start and stop)")
                                    checked: behaviourCard.modelData.state
                                    onToggled: if (checked) SchemeEditor.setBehaviourState(behaviourCard.index, true)
                                }
                            }
                            ColumnLayout {
                                Layout.fillWidth: true
                                Layout.alignment: Qt.AlignTop
                                spacing: 2
                                Label {
                                    text: qsTr("Category")
                                    font.pixelSize: Theme.fontSmall
                                    color: Theme.textMuted
                                }
                                AppComboBox {
                                    objectName: "behaviourCategory_" + behaviourCard.index
                                    Layout.fillWidth: true
                                    enabled: screen.editable
                                    model: SchemeEditor.categoryChoices
                                    current: behaviourCard.links.category
                                    Accessible.name: qsTr("Category of behaviour %1").arg(behaviourCard.index + 1)
                                    onChosen: key => SchemeEditor.setBehaviourCategory(behaviourCard.index, key)
                                }
                                Problem {
                                    path: behaviourCard.path + ".category"
                                }
                            }
                            ColumnLayout {
                                Layout.fillWidth: true
                                Layout.alignment: Qt.AlignTop
                                spacing: 2
                                Label {
                                    text: qsTr("Subject")
                                    font.pixelSize: Theme.fontSmall
                                    color: Theme.textMuted
                                }
                                AppComboBox {
                                    objectName: "behaviourSubject_" + behaviourCard.index
                                    Layout.fillWidth: true
                                    enabled: screen.editable
                                    model: SchemeEditor.subjectChoices
                                    current: behaviourCard.modelData.subject
                                    Accessible.name: qsTr("Subject of behaviour %1").arg(behaviourCard.index + 1)
                                    onChosen: key => SchemeEditor.setBehaviourSubject(behaviourCard.index, key)
                                }
                                Problem {
                                    path: behaviourCard.path + ".subject"
                                }
                            }
                            ColumnLayout {
                                Layout.fillWidth: true
                                Layout.alignment: Qt.AlignTop
                                spacing: 2
                                Label {
                                    text: qsTr("Button colour (#rrggbb, or empty)")
                                    font.pixelSize: Theme.fontSmall
                                    color: Theme.textMuted
                                }
                                RowLayout {
                                    Layout.fillWidth: true
                                    spacing: Theme.smallSpacing
                                    AppTextField {
                                        objectName: "behaviourColor_" + behaviourCard.index
                                        Layout.fillWidth: true
                                        readOnly: !screen.editable
                                        text: behaviourCard.modelData.color
                                        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                                        Accessible.name: qsTr("Button colour of behaviour %1").arg(behaviourCard.index + 1)
                                        onTextEdited: {
                                            swatch.color = /^#[0-9a-fA-F]{6}$/.test(text) ? text : "transparent"
                                            SchemeEditor.setBehaviourColor(behaviourCard.index, text)
                                        }
                                    }
                                    Rectangle {
                                        id: swatch
                                        implicitWidth: Theme.controlHeight
                                        implicitHeight: Theme.controlHeight
                                        radius: Theme.radius / 2
                                        border.color: Theme.border
                                        color: /^#[0-9a-fA-F]{6}$/.test(behaviourCard.modelData.color) ? behaviourCard.modelData.color : "transparent"
                                    }
                                }
                                Problem {
                                    path: behaviourCard.path + ".color"
                                }
                            }
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: SchemeEditor.modifierChoices.length > 0
                            text: qsTr("Modifiers coded with it")
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                        }
                        Flow {
                            Layout.fillWidth: true
                            spacing: Theme.spacing
                            Repeater {
                                model: SchemeEditor.modifierChoices
                                AppCheckBox {
                                    required property var modelData
                                    objectName: "behaviourModifier_" + behaviourCard.index + "_" + modelData.key
                                    enabled: screen.editable
                                    text: modelData.label
                                    checked: behaviourCard.links.modifiers.indexOf(modelData.key) >= 0
                                    onToggled: SchemeEditor.setBehaviourModifier(behaviourCard.index, modelData.key, checked)
                                }
                            }
                        }
                        Problem {
                            path: behaviourCard.path + ".modifiers"
                        }
                    }
                }
            }
            Problem {
                path: "behaviours"
            }
            AppButton {
                objectName: "addBehaviourButton"
                visible: screen.editable
                text: qsTr("Add behaviour")
                onClicked: SchemeEditor.add("behaviours")
            }

            // --- exclusive groups ---
            SectionHeading {
                text: qsTr("Mutually exclusive groups")
            }
            BodyText {
                color: Theme.textMuted
                text: qsTr("State behaviours of which only one runs at a time for a subject: starting one stops the others (sitting, standing, lying).")
            }
            Column {
                objectName: "schemeGroups"
                Layout.fillWidth: true
                spacing: Theme.smallSpacing
                Repeater {
                    model: SchemeEditor.groups
                    Card {
                        id: groupCard
                        required property var modelData
                        required property int index
                        readonly property string path: "exclusive_groups[" + index + "]"
                        readonly property var members: SchemeEditor.groupMembers[index] || []
                        CardHeading {
                            text: qsTr("Group %1").arg(groupCard.index + 1)
                            AppButton {
                                objectName: "removeGroup_" + groupCard.index
                                visible: screen.editable
                                text: qsTr("Remove")
                                Accessible.name: qsTr("Remove group %1").arg(groupCard.index + 1)
                                onClicked: SchemeEditor.remove("groups", groupCard.index)
                            }
                        }
                        CodeField {
                            name: "groupCode_" + groupCard.index
                            text: groupCard.modelData.code
                            path: groupCard.path + ".code"
                            onEdited: text => SchemeEditor.setCode("groups", groupCard.index, text)
                        }
                        Label {
                            Layout.fillWidth: true
                            text: SchemeEditor.stateBehaviourChoices.length > 0
                                  ? qsTr("Behaviours in the group") : qsTr("The scheme has no state behaviours yet.")
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                            wrapMode: Text.WordWrap
                        }
                        Flow {
                            Layout.fillWidth: true
                            spacing: Theme.spacing
                            Repeater {
                                model: screen.groupChoices(groupCard.index)
                                AppCheckBox {
                                    required property var modelData
                                    objectName: "groupMember_" + groupCard.index + "_" + modelData.key
                                    enabled: screen.editable
                                    text: modelData.label
                                    checked: groupCard.members.indexOf(modelData.key) >= 0
                                    onToggled: SchemeEditor.setGroupMember(groupCard.index, modelData.key, checked)
                                }
                            }
                        }
                        Problem {
                            path: groupCard.path + ".behaviours"
                        }
                        Problem {
                            path: groupCard.path
                        }
                    }
                }
            }
            AppButton {
                objectName: "addGroupButton"
                visible: screen.editable
                text: qsTr("Add group")
                onClicked: SchemeEditor.add("groups")
            }
        }

        // Always in view: what saving did, and the buttons.
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: bar.implicitHeight + 2 * Theme.smallSpacing
            color: Theme.surface
            Rectangle {
                width: parent.width
                height: 1
                color: Theme.divider
            }
            ColumnLayout {
                id: bar
                x: Math.max(Theme.margin, (parent.width - width) / 2)
                y: Theme.smallSpacing
                width: Math.min(page.maxWidth, parent.width - 2 * Theme.margin)
                spacing: Theme.smallSpacing
                MessageBanner {
                    objectName: "schemeEditorError"
                    text: SchemeEditor.errorString
                }
                MessageBanner {
                    objectName: "schemeEditorInfo"
                    error: false
                    text: SchemeEditor.infoString
                }
                GridLayout {
                    Layout.fillWidth: true
                    visible: screen.editable
                    columns: bar.width >= Math.round(900 * Theme.scale) ? 3 : 2
                    columnSpacing: Theme.spacing
                    rowSpacing: Theme.smallSpacing
                    Label {
                        objectName: "schemeDraftState"
                        Layout.fillWidth: true
                        Layout.columnSpan: parent.columns === 3 ? 1 : 2
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.fontBody
                        color: SchemeEditor.dirty ? "#9a3412" : Theme.textMuted
                        text: SchemeEditor.dirty ? qsTr("Changes not yet saved")
                                                 : SchemeEditor.key === "" ? qsTr("Not saved yet")
                                                                           : qsTr("No changes since the last version")
                    }
                    AppButton {
                        objectName: "discardSchemeButton"
                        Layout.fillWidth: parent.columns === 2
                        enabled: SchemeEditor.dirty
                        text: qsTr("Discard changes")
                        onClicked: SchemeEditor.discardChanges()
                    }
                    AppButton {
                        objectName: "saveSchemeButton"
                        Layout.fillWidth: parent.columns === 2
                        primary: true
                        text: SchemeEditor.key === "" ? qsTr("Save version 1")
                                                      : qsTr("Save version %1").arg(SchemeEditor.baseVersion + 1)
                        onClicked: SchemeEditor.save()
                    }
                }
                AppButton {
                    objectName: "duplicateShownScheme"
                    Layout.fillWidth: true
                    visible: !screen.editable
                    primary: true
                    text: qsTr("Duplicate to edit")
                    onClicked: SchemeEditor.duplicateScheme(SchemeEditor.key)
                }
            }
        }
    }
}
