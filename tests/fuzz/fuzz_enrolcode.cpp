// Fuzzes EnrolCode::decode, which reads the enrolment code a user pastes, or the text of the QR code
// the camera or an opened PNG gives (ZXing hands that over as UTF-8: QString::fromStdString). The first
// input byte chooses UTF-8 or UTF-16 text.
// Contract: an accepted code has a valid host and port and 32-byte fingerprint and token, and its own
// encoding decodes to the same code.
#include "fuzzsupport.h"

#include "sync/protocol/enrolcode.h"

namespace samla::fuzz {

using namespace samla::protocol;

void setUp() {}

void writeSeeds(SeedWriter &out)
{
    const EnrolCode codes[] = {
        {QStringLiteral("samla.example.org"), 8443, QByteArray(32, '\x12'), QByteArray(32, '\x34')},
        {QStringLiteral("192.0.2.7"), 443, QByteArray(32, '\xfe'), QByteArray(32, '\x01')},
        {QStringLiteral("[2001:db8::1]"), 65535, QByteArray(32, '\x00'), QByteArray(32, '\xff')},
    };
    int n = 0;
    for (const EnrolCode &c : codes) {
        const QString name = QStringLiteral("code-%1").arg(++n);
        out.add(name.toLatin1().constData(), QByteArray(1, '\0') + c.encode().toUtf8());
        // Pasted with white space around it, and as UTF-16.
        out.add((name + QStringLiteral("-pasted")).toLatin1().constData(),
                QByteArray(1, '\0') + "  " + c.encode().toUtf8() + "\n");
        const QString text = c.encode();
        out.add((name + QStringLiteral("-utf16")).toLatin1().constData(),
                QByteArray(1, '\1') + QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2));
    }
}

void fuzzOne(QByteArrayView input)
{
    if (input.isEmpty())
        return;
    const QByteArrayView bytes = input.sliced(1);
    const QString text = input.front() & 1
                             ? QString(reinterpret_cast<const QChar *>(bytes.data()), bytes.size() / 2)
                             : QString::fromUtf8(bytes);
    auto code = EnrolCode::decode(text);
    if (!code.ok())
        return;
    SAMLA_FUZZ_CHECK(code->fingerprint.size() == 32 && code->token.size() == 32);
    SAMLA_FUZZ_CHECK(code->port >= 1 && !code->host.isEmpty() && code->host.size() <= 253);
    auto again = EnrolCode::decode(code->encode());
    SAMLA_FUZZ_CHECK(again.ok());
    SAMLA_FUZZ_CHECK(again->host == code->host && again->port == code->port
                     && again->fingerprint == code->fingerprint && again->token == code->token);
}

} // namespace samla::fuzz
