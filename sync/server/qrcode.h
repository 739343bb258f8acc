// QR codes for enrolment codes: drawn in the terminal and written as PNG.
#pragma once

#include "platform/core/result.h"

#include <QByteArray>
#include <QString>
#include <QVector>

namespace samla::server {

// A square of modules, true = dark, without the quiet zone.
struct QrMatrix {
    int size = 0;
    QVector<bool> modules;
    bool dark(int x, int y) const { return modules.at(y * size + x); }
};

// Byte mode, error correction level M (a smudged screen or print still scans).
[[nodiscard]] Result<QrMatrix> encodeQr(const QByteArray &text);
// Two module rows per text line with half-block characters, dark on light,
// with a quiet zone, so it scans from a dark or light terminal alike.
QString qrForTerminal(const QrMatrix &qr);
// A PNG with a four-module quiet zone, `scale` pixels per module.
[[nodiscard]] Status writeQrPng(const QrMatrix &qr, const QString &path, int scale = 8);

} // namespace samla::server
