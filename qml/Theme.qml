pragma Singleton
import QtQuick
import Samla.Core

// Sizes and colours for every view. All sizes follow the user's text size, so
// Large and Extra large scale fonts and touch targets together.
QtObject {
    readonly property real scale: AppSettings.textScale

    readonly property int fontBody: Math.round(18 * scale)
    readonly property int fontSmall: Math.round(16 * scale)
    readonly property int fontLabel: Math.round(17 * scale)
    readonly property int fontHeading: Math.round(22 * scale)
    readonly property int fontTitle: Math.round(30 * scale)
    readonly property int fontKey: Math.round(30 * scale)
    readonly property string monoFamily: "DejaVu Sans Mono"

    // Touch targets: at least 48 px at Normal size.
    readonly property int controlHeight: Math.round(52 * scale)
    readonly property int bigButtonHeight: Math.round(96 * scale)
    readonly property int spacing: Math.round(16 * Math.sqrt(scale))
    readonly property int smallSpacing: Math.round(8 * Math.sqrt(scale))
    readonly property int margin: 24
    readonly property int radius: 10
    readonly property int contentMaxWidth: Math.round(720 * Math.min(scale, 1.3))

    readonly property color background: "#f3f4f6"
    readonly property color surface: "#ffffff"
    readonly property color text: "#1b1f24"
    readonly property color textMuted: "#4b5563"
    readonly property color border: "#6b7280"
    readonly property color divider: "#d1d5db"
    readonly property color accent: "#1d4e89"
    readonly property color accentPressed: "#153a66"
    readonly property color accentSoft: "#e3ecf7"
    readonly property color textOnAccent: "#ffffff"
    readonly property color danger: "#a4161a"
    readonly property color dangerSoft: "#fdecec"
    readonly property color success: "#1e6b34"
    readonly property color successSoft: "#e6f4ea"
    readonly property color header: "#1d4e89"

    function strengthColor(score) {
        switch (score) {
        case 0: return "#a4161a"
        case 1: return "#c2410c"
        case 2: return "#8a6100"
        case 3: return "#2f7d32"
        default: return "#1e6b34"
        }
    }
}
