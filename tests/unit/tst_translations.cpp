// Every user-visible string in app/ and qml/ has a finished Swedish translation.
// Runs lupdate over the sources into a scratch .ts and compares it with the
// committed qml/i18n/samla_sv.ts, so a new untranslated qsTr()/tr() fails here.
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message {
    QString context;
    QString source;
    QString comment;
    QString type; // "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one, or one per plural form
    bool numerus = false;

    QString key() const { return context + QLatin1Char('\x1f') + source + QLatin1Char('\x1f') + comment; }
};

QList<Message> readTs(const QString &path, QString *language, QString *error)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open ") + path;
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("TS")) {
                if (language)
                    *language = xml.attributes().value(QLatin1String("language")).toString();
            } else if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                inMessage = true;
                current = Message {};
                current.context = context;
                current.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (name == QLatin1String("source") && inMessage) {
                current.source = xml.readElementText();
            } else if (name == QLatin1String("comment") && inMessage) {
                current.comment = xml.readElementText();
            } else if (name == QLatin1String("translation") && inMessage) {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!current.numerus)
                    current.translations << xml.readElementText();
            } else if (name == QLatin1String("numerusform") && inMessage) {
                current.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            inMessage = false;
            messages << current;
        }
    }
    if (xml.hasError())
        *error = path + QStringLiteral(": ") + xml.errorString();
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(n|L?\\d+)"));
    QSet<QString> found;
    auto it = re.globalMatch(text);
    while (it.hasNext())
        found.insert(it.next().captured(0));
    return found;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void everySourceStringHasASwedishTranslation();
};

void TestTranslations::everySourceStringHasASwedishTranslation()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString sourceDir = QStringLiteral(SAMLA_SOURCE_DIR);
    const QString scanned = scratch.filePath(QStringLiteral("scan_sv.ts"));

    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(SAMLA_LUPDATE),
        { QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
            QStringLiteral("-target-language"), QStringLiteral("sv_SE"), sourceDir + QStringLiteral("/app"),
            sourceDir + QStringLiteral("/qml"), QStringLiteral("-ts"), scanned });
    QVERIFY2(lupdate.waitForFinished(120'000), "lupdate did not finish");
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
        lupdate.readAll().constData());

    QString error;
    const QList<Message> inSources = readTs(scanned, nullptr, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(
        inSources.size() > 50, "lupdate found suspiciously few strings; is it scanning the right folders?");

    QString language;
    const QList<Message> committed
        = readTs(sourceDir + QStringLiteral("/qml/i18n/samla_sv.ts"), &language, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(language.startsWith(QLatin1String("sv")), qPrintable(language));

    QHash<QString, Message> swedish;
    for (const Message &m : committed)
        swedish.insert(m.key(), m);

    QStringList problems;
    for (const Message &m : inSources) {
        const QString where = m.context + QStringLiteral(": \"") + m.source + QLatin1Char('"');
        const auto it = swedish.constFind(m.key());
        if (it == swedish.constEnd()) {
            problems << QStringLiteral("not in samla_sv.ts — ") + where;
            continue;
        }
        const Message &t = it.value();
        if (!t.type.isEmpty()) {
            problems << QStringLiteral("%1 — ").arg(t.type) + where;
            continue;
        }
        if (t.translations.isEmpty()
            || std::any_of(t.translations.cbegin(), t.translations.cend(),
                [](const QString &s) { return s.trimmed().isEmpty(); })) {
            problems << QStringLiteral("empty translation — ") + where;
            continue;
        }
        if (m.numerus && t.translations.size() != 2)
            problems << QStringLiteral("Swedish needs 2 plural forms — ") + where;
        // A lost %1 or %n shows the user a sentence with a hole in it.
        for (const QString &form : t.translations) {
            if (placeholders(form) != placeholders(m.source)
                && !(m.numerus && !form.contains(QLatin1String("%n")))) {
                problems << QStringLiteral("placeholders differ in \"%1\" — ").arg(form) + where;
                break;
            }
        }
    }
    // One line each: a failure message would be cut short.
    for (const QString &problem : std::as_const(problems))
        qWarning().noquote() << problem;
    QVERIFY2(problems.isEmpty(),
        qPrintable(QStringLiteral("%1 string(s) without a finished Swedish translation in "
                                  "qml/i18n/samla_sv.ts (listed above)")
                       .arg(problems.size())));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
