// The enrolment code a device scans or pastes: round trip, and every malformed form refused.
#include "sync/protocol/enrolcode.h"

#include <QTest>

using namespace samla;
using samla::protocol::EnrolCode;

class TestEnrolCode : public QObject {
    Q_OBJECT

    static QString code(const QString &host, const QString &port, const QString &fp, const QString &token)
    {
        return QStringLiteral("samla-enrol:v1;host=%1;port=%2;fp=%3;token=%4").arg(host, port, fp, token);
    }
    const QString fp = QString(64, QLatin1Char('a'));
    const QString token = QStringLiteral("0123456789abcdef").repeated(4);

private slots:
    void roundTrip()
    {
        EnrolCode c;
        c.host = QStringLiteral("sync.example.org");
        c.port = 8443;
        c.fingerprint = QByteArray(32, '\x5a');
        c.token = QByteArray::fromHex(token.toLatin1());
        auto back = EnrolCode::decode(QStringLiteral("  ") + c.encode() + QStringLiteral("\n"));
        QVERIFY(back.ok());
        QCOMPARE(back->host, c.host);
        QCOMPARE(back->port, c.port);
        QCOMPARE(back->fingerprint, c.fingerprint);
        QCOMPARE(back->token, c.token);
        QVERIFY(EnrolCode::decode(code(QStringLiteral("[fd00::1]"), QStringLiteral("443"), fp, token)).ok());
        QVERIFY(EnrolCode::decode(code(QStringLiteral("10.0.0.7"), QStringLiteral("65535"), fp.toUpper(), token)).ok());
    }

    void refusesMalformed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("other scheme") << code(QStringLiteral("h"), QStringLiteral("1"), fp, token).replace(
                                             QStringLiteral("samla-enrol:v1"), QStringLiteral("samla-enrol:v2"));
        QTest::newRow("host with space") << code(QStringLiteral("a b"), QStringLiteral("1"), fp, token);
        QTest::newRow("host with slash") << code(QStringLiteral("a/b"), QStringLiteral("1"), fp, token);
        QTest::newRow("empty host") << code(QString(), QStringLiteral("1"), fp, token);
        QTest::newRow("port 0") << code(QStringLiteral("h"), QStringLiteral("0"), fp, token);
        QTest::newRow("port too big") << code(QStringLiteral("h"), QStringLiteral("65536"), fp, token);
        QTest::newRow("port leading zero") << code(QStringLiteral("h"), QStringLiteral("0443"), fp, token);
        QTest::newRow("port sign") << code(QStringLiteral("h"), QStringLiteral("+443"), fp, token);
        QTest::newRow("short fp") << code(QStringLiteral("h"), QStringLiteral("1"), fp.left(62), token);
        QTest::newRow("fp with colons") << code(QStringLiteral("h"), QStringLiteral("1"), fp.left(62) + QStringLiteral(":a"), token);
        QTest::newRow("token not hex") << code(QStringLiteral("h"), QStringLiteral("1"), fp, QString(64, QLatin1Char('g')));
        QTest::newRow("extra field") << code(QStringLiteral("h"), QStringLiteral("1"), fp, token) + QStringLiteral(";x=1");
        QTest::newRow("fields swapped") << QStringLiteral("samla-enrol:v1;port=1;host=h;fp=%1;token=%2").arg(fp, token);
        QTest::newRow("huge") << code(QString(600, QLatin1Char('a')), QStringLiteral("1"), fp, token);
    }
    void refusesMalformed()
    {
        QFETCH(QString, text);
        auto c = EnrolCode::decode(text);
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestEnrolCode)
#include "tst_enrolcode.moc"
