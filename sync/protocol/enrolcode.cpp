#include "enrolcode.h"

#include <QRegularExpression>

namespace samla::protocol {

namespace {

constexpr QLatin1StringView kPrefix("samla-enrol:v1;");

bool hostIsValid(const QString &host)
{
    static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$"));
    static const QRegularExpression v6(QStringLiteral("^\\[[0-9A-Fa-f:.]{2,45}\\]$"));
    return name.match(host).hasMatch() || v6.match(host).hasMatch();
}

QByteArray hex32(QStringView text)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{64}$"));
    const QString s = text.toString();
    return hex.match(s).hasMatch() ? QByteArray::fromHex(s.toLatin1()) : QByteArray();
}

Error bad(const char *part)
{
    return makeError(ErrorCode::InvalidArgument, QStringLiteral("enrolment code: bad %1").arg(QLatin1String(part)));
}

} // namespace

QString EnrolCode::encode() const
{
    return kPrefix + QStringLiteral("host=%1;port=%2;fp=%3;token=%4")
                         .arg(host)
                         .arg(port)
                         .arg(QString::fromLatin1(fingerprint.toHex()), QString::fromLatin1(token.toHex()));
}

Result<EnrolCode> EnrolCode::decode(QStringView text)
{
    const QStringView t = text.trimmed();
    if (t.size() > 512 || !t.startsWith(kPrefix))
        return bad("prefix");
    const QList<QStringView> fields = t.mid(kPrefix.size()).split(u';');
    static const char *const keys[] = {"host", "port", "fp", "token"};
    if (fields.size() != 4)
        return bad("field count");
    QStringView values[4];
    for (int i = 0; i < 4; ++i) {
        const QString key = QString::fromLatin1(keys[i]) + QLatin1Char('=');
        if (!fields.at(i).startsWith(key))
            return bad(keys[i]);
        values[i] = fields.at(i).mid(key.size());
    }
    EnrolCode code;
    code.host = values[0].toString();
    if (!hostIsValid(code.host))
        return bad("host");
    bool ok = false;
    const uint port = values[1].toUInt(&ok);
    if (!ok || port < 1 || port > 65535 || values[1].startsWith(u'0') || values[1].startsWith(u'+'))
        return bad("port");
    code.port = std::uint16_t(port);
    code.fingerprint = hex32(values[2]);
    if (code.fingerprint.isEmpty())
        return bad("fp");
    code.token = hex32(values[3]);
    if (code.token.isEmpty())
        return bad("token");
    return code;
}

} // namespace samla::protocol
