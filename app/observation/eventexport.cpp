#include "eventexport.h"

namespace samla::observation {

namespace {

QString modifiersText(const ModifierValues &values)
{
    QStringList parts;
    for (auto it = values.begin(); it != values.end(); ++it) {
        QString value;
        if (it.value().typeId() == QMetaType::QStringList)
            value = it.value().toStringList().join(QLatin1Char('|'));
        else if (it.value().typeId() == QMetaType::Double)
            value = QString::number(it.value().toDouble(), 'g', 15);
        else
            value = it.value().toString();
        parts << it.key() + QLatin1Char('=') + value;
    }
    return parts.join(QStringLiteral("; "));
}

QString subjectText(const Subject &s)
{
    return s.kind == Subject::Kind::None ? QString() : s.code;
}

} // namespace

QString quoteField(const QString &text, QChar delimiter)
{
    // A spreadsheet runs a cell that starts with =, +, -, @ (or a tab or
    // carriage return before one) as a formula; a comment typed on the ward
    // must never become one. A leading apostrophe keeps it text.
    QString field = text;
    if (!field.isEmpty()) {
        const QChar first = field.front();
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-')
            || first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
            field.prepend(QLatin1Char('\''));
    }
    const bool needs = field.contains(delimiter) || field.contains(QLatin1Char('"'))
                       || field.contains(QLatin1Char('\r')) || field.contains(QLatin1Char('\n'));
    if (!needs)
        return field;
    QString quoted = field;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QByteArray exportEvents(const SessionInfo &info, const QList<ObservationEvent> &events, Delimiter delimiter,
                        bool header)
{
    const QChar d = delimiter == Delimiter::Comma ? QLatin1Char(',') : QLatin1Char('\t');
    QString out;
    auto row = [&](const QStringList &fields) {
        QStringList quoted;
        for (const QString &f : fields)
            quoted << quoteField(f, d);
        out += quoted.join(d) + QStringLiteral("\r\n");
    };
    if (header)
        row({QStringLiteral("session"), QStringLiteral("version"), QStringLiteral("observer"),
             QStringLiteral("offset_s"), QStringLiteral("wall_time"), QStringLiteral("time_zone"),
             QStringLiteral("subject"), QStringLiteral("behaviour"), QStringLiteral("type"),
             QStringLiteral("modifiers"), QStringLiteral("comment")});
    for (const ObservationEvent &e : events) {
        row({info.id, QString::number(info.versionNo), e.observer,
             QString::number(double(e.offsetMs) / 1000.0, 'f', 3), e.localTime(), e.timeZone,
             subjectText(e.subject), e.behaviour, eventKindKey(e.kind), modifiersText(e.modifiers), e.comment});
    }
    return out.toUtf8();
}

QByteArray exportEvents(const QList<const ObservationSession *> &sessions, Delimiter delimiter)
{
    QByteArray out;
    bool header = true;
    for (const ObservationSession *s : sessions) {
        out += exportEvents(s->info(), s->events(), delimiter, header);
        header = false;
    }
    if (header)
        out = exportEvents(SessionInfo(), {}, delimiter, true);
    return out;
}

} // namespace samla::observation
