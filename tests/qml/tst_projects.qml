import QtQuick
import QtTest
import Samla.Core
import Samla.Ui

// The Projects screen: the three demo case studies, a new project (refused in words
// with a bad prefix, then created and opened in the project editor), and switching back.
Item {
    width: 800
    height: 1280

    AppRoot {
        id: root
        anchors.fill: parent
    }

    SamlaTestCase {
        name: "Projects"
        app: root

        // Scrolls the Projects screen so the item is on screen before a click.
        function reveal(name) {
            const target = item(name)
            const page = findChild(root, "projectsScreen")
            const at = target.mapToItem(page.contentItem, 0, 0)
            page.contentY = Math.max(0, Math.min(at.y - 40, page.contentHeight - page.height))
            return target
        }

        function test_createAProjectAndSwitchBack() {
            setUpStore()
            const cafeName = Notebook.projectName
            const cafeNotes = Notebook.noteCount
            verify(cafeNotes > 0)
            click("projectsButton")
            tryCompare(Navigator, "screen", "projects")

            // The three case studies, the café open.
            const cafe = item("projectRow_LC")
            item("projectRow_PW")
            item("projectRow_CN")
            compare(cafe.text, cafeName)
            verify(cafe.description.indexOf("open now") >= 0, cafe.description)
            verify(cafe.description.indexOf("demo") >= 0, cafe.description)
            verify(cafe.height >= 48)

            // A name as code prefix is refused, in words, and nothing is created.
            reveal("newProjectNameField")
            fill("newProjectNameField", "Home visits")
            reveal("newProjectPrefixField")
            fill("newProjectPrefixField", "ASTRID")
            reveal("createProjectButton")
            click("createProjectButton")
            const error = item("projectsError")
            verify(error.text.indexOf("code prefix") >= 0, error.text)
            compare(Navigator.screen, "projects")
            compare(ProjectList.projects.length, 3)

            // A good prefix creates it and opens the editor for the rest of its settings.
            reveal("newProjectPrefixField")
            fill("newProjectPrefixField", "HV")
            reveal("createProjectButton")
            click("createProjectButton")
            tryCompare(Navigator, "screen", "project")
            compare(item("projectNameField").text, "Home visits")
            compare(item("codePrefixField").text, "HV")
            compare(Notebook.projectName, "Home visits")
            compare(Notebook.noteCount, 0)

            // Back on the list the new project is the open one; tap the café to go back to it.
            Navigator.back()
            tryCompare(Navigator, "screen", "projects")
            const created = item("projectRow_HV")
            verify(created.description.indexOf("open now") >= 0, created.description)
            compare(ProjectList.projects.length, 4)
            reveal("projectRow_LC")
            click("projectRow_LC")
            tryCompare(Navigator, "screen", "home")
            tryCompare(item("projectNameLabel"), "text", cafeName)
            compare(Notebook.noteCount, cafeNotes)
            compare(ProjectList.projects[0].codePrefix, "LC")
            verify(ProjectList.projects[0].open)
        }
    }
}
