import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Samla.Ui

// A screen's content in a centred column of readable width that scrolls when it does not fit.
Flickable {
    id: page
    default property alias content: column.data
    property int maxWidth: Theme.contentMaxWidth
    property bool centerVertically: false

    clip: true
    contentWidth: width
    contentHeight: column.implicitHeight + 2 * Theme.margin
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar {
        policy: page.contentHeight > page.height ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
        width: 12
    }

    ColumnLayout {
        id: column
        x: Math.max(Theme.margin, (page.width - width) / 2)
        y: page.centerVertically ? Math.max(Theme.margin, (page.height - implicitHeight) / 2) : Theme.margin
        width: Math.min(page.maxWidth, page.width - 2 * Theme.margin)
        spacing: Theme.spacing
    }
}
