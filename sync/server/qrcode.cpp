#include "qrcode.h"

#include "platform/core/files.h"

#include <QBuffer>
#include <QImage>

#include <qrencode.h>

namespace samla::server {

namespace {
constexpr int kQuiet = 4;   // modules of light margin the QR specification asks for
}

Result<QrMatrix> encodeQr(const QByteArray &text)
{
    QRcode *code = QRcode_encodeData(int(text.size()), reinterpret_cast<const unsigned char *>(text.constData()), 0,
                                     QR_ECLEVEL_M);
    if (!code)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("text too long for a QR code"));
    QrMatrix m;
    m.size = code->width;
    m.modules.resize(qsizetype(m.size) * m.size);
    for (int i = 0; i < m.size * m.size; ++i)
        m.modules[i] = (code->data[i] & 1) != 0;
    QRcode_free(code);
    return m;
}

QString qrForTerminal(const QrMatrix &qr)
{
    // Light is printed as a full block, dark as a space: a terminal's own
    // background plays the dark modules, and the quiet zone is drawn light.
    const int total = qr.size + 2 * kQuiet;
    auto darkAt = [&](int x, int y) {
        x -= kQuiet;
        y -= kQuiet;
        return x >= 0 && y >= 0 && x < qr.size && y < qr.size && qr.dark(x, y);
    };
    QString out;
    for (int y = 0; y < total; y += 2) {
        for (int x = 0; x < total; ++x) {
            const bool top = darkAt(x, y), bottom = y + 1 < total && darkAt(x, y + 1);
            if (!top && !bottom)
                out += QChar(0x2588);   // █ both light
            else if (!top)
                out += QChar(0x2580);   // ▀ top light
            else if (!bottom)
                out += QChar(0x2584);   // ▄ bottom light
            else
                out += QLatin1Char(' ');
        }
        out += QLatin1Char('\n');
    }
    return out;
}

Status writeQrPng(const QrMatrix &qr, const QString &path, int scale)
{
    const int total = (qr.size + 2 * kQuiet) * scale;
    QImage image(total, total, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < qr.size; ++y)
        for (int x = 0; x < qr.size; ++x)
            if (qr.dark(x, y))
                for (int dy = 0; dy < scale; ++dy) {
                    uchar *line = image.scanLine((y + kQuiet) * scale + dy);
                    std::fill_n(line + (x + kQuiet) * scale, scale, uchar(0));
                }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return makeError(ErrorCode::Internal, QStringLiteral("PNG encoding failed"));
    return files::writeAtomically(path, png);
}

} // namespace samla::server
