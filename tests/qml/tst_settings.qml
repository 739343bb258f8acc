import QtQuick
import QtTest
import Samla.Core
import Samla.Ui

// Language switch at run time, and text size scaling fonts and touch targets.
Item {
    width: 1280
    height: 800

    AppRoot {
        id: root
        anchors.fill: parent
    }

    SamlaTestCase {
        name: "Settings"
        app: root

        function test_1_languageSwitchesAtRunTime() {
            setUpStore()
            click("settingsButton")
            const heading = item("languageHeading")
            const header = item("headerTitle")
            compare(heading.text, "Language")
            compare(header.text, "Settings")
            compare(item("lockButton").text, "Lock")

            click("languageSv")
            tryCompare(heading, "text", "Språk")
            compare(header.text, "Inställningar")
            compare(item("lockButton").text, "Lås")
            compare(AppSettings.language, "sv")

            click("languageEn")
            tryCompare(heading, "text", "Language")
            compare(header.text, "Settings")
        }

        function test_2_textSizeScalesFontsAndTargets() {
            setUpStore()
            if (Navigator.screen !== "settings")
                click("settingsButton")
            const heading = item("languageHeading")
            const lock = item("lockButton")
            const normalFont = heading.font.pixelSize
            const normalHeight = lock.height
            verify(normalHeight >= 48, "touch target at least 48 px at Normal size, got " + normalHeight)

            click("textSizeExtraLarge")
            tryVerify(function() { return heading.font.pixelSize === Math.round(normalFont * 1.5) }, 2000,
                      "font " + heading.font.pixelSize)
            verify(lock.height > normalHeight, "controls grow with the text")

            click("textSizeNormal")
            tryVerify(function() { return heading.font.pixelSize === normalFont })
        }
    }
}
