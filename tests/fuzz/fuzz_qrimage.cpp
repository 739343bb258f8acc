// Fuzzes the enrolment code's image path: a file the user opens (the PNG samla-server writes, or a
// photo or screenshot of the QR code) read by appsync::qrTextFromImage (Qt's image readers, then ZXing),
// and the text it finds decoded by EnrolCode::decode.
// Contract: no image file crashes the reader or makes it allocate without bound; what comes out is
// either an error or text that the enrolment code decoder judges like any pasted code.
#include "fuzzsupport.h"

#include "app/sync/qrimage.h"
#include "sync/protocol/enrolcode.h"
#include "sync/server/qrcode.h"

#include <QCoreApplication>
#include <QFile>
#include <QImage>

namespace samla::fuzz {

using namespace samla::protocol;

namespace {

QString imagePath()
{
    return QStringLiteral("/dev/shm/samla-fuzz-qr-%1.img").arg(QCoreApplication::applicationPid());
}

} // namespace

void setUp()
{
    std::atexit([] { QFile::remove(imagePath()); });
}

void writeSeeds(SeedWriter &out)
{
    const EnrolCode code{QStringLiteral("samla.example.org"), 8443, QByteArray(32, '\x12'), QByteArray(32, '\x34')};
    auto qr = server::encodeQr(code.encode().toUtf8());
    SAMLA_FUZZ_CHECK(qr.ok());
    const QString png = imagePath() + QStringLiteral(".png");
    SAMLA_FUZZ_CHECK(server::writeQrPng(qr.value(), png, 2).ok());
    QFile f(png);
    SAMLA_FUZZ_CHECK(f.open(QIODevice::ReadOnly));
    out.add("enrol-code.png", f.readAll());
    // The same as a plain grey map (PGM), whose pixels a fuzzer can change byte by byte.
    QImage image;
    SAMLA_FUZZ_CHECK(image.load(png));
    QByteArray pgm = "P5 " + QByteArray::number(image.width()) + ' ' + QByteArray::number(image.height()) + " 255\n";
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    for (int y = 0; y < grey.height(); ++y)
        pgm.append(reinterpret_cast<const char *>(grey.constScanLine(y)), grey.width());
    out.add("enrol-code.pgm", pgm);
    f.close();
    QFile::remove(png);
}

void fuzzOne(QByteArrayView input)
{
    {
        QFile f(imagePath());
        SAMLA_FUZZ_CHECK(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        SAMLA_FUZZ_CHECK(f.write(input.data(), input.size()) == input.size());
    }
    auto text = appsync::qrTextFromImage(imagePath());
    if (!text.ok())
        return;
    auto code = EnrolCode::decode(text.value());
    if (qEnvironmentVariableIsSet("SAMLA_FUZZ_VERBOSE"))
        qInfo("QR text found; %s", code.ok() ? "an enrolment code" : "not an enrolment code");
    if (code.ok())
        SAMLA_FUZZ_CHECK(code->fingerprint.size() == 32 && code->token.size() == 32 && code->port >= 1);
}

} // namespace samla::fuzz
