// QrScanner: camera frames (here made in memory and handed through a real QVideoSink, as the camera does) are
// read for an enrolment code; a frame without one, another QR code or a broken frame never joins anything.
#include "app/ui/qrscanner.h"
#include "sync/server/qrcode.h"

#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QVideoFrame>
#include <QVideoFrameFormat>
#include <QVideoSink>

using namespace samla;
using namespace samla::ui;

namespace {

const QByteArray kCode = "samla-enrol:v1;host=127.0.0.1:8443;fp=3f1a;token=k7Qm2";

// The code as the camera sees a screen: a grey, slightly blurred picture with the code off centre.
QImage cameraPicture(const QByteArray &text)
{
    QImage picture(1280, 720, QImage::Format_RGB32);
    picture.fill(QColor(170, 170, 160));
    auto qr = server::encodeQr(text);
    if (!qr.ok())
        return {};
    const int scale = 10;
    const int side = (qr->size + 8) * scale;
    QPainter p(&picture);
    const QPoint at(700, 80);
    p.fillRect(QRect(at, QSize(side, side)), QColor(235, 235, 230));
    for (int y = 0; y < qr->size; ++y) {
        for (int x = 0; x < qr->size; ++x) {
            if (qr->dark(x, y))
                p.fillRect(at.x() + (x + 4) * scale, at.y() + (y + 4) * scale, scale, scale, QColor(30, 30, 35));
        }
    }
    p.end();
    return picture;
}

QVideoFrame frameOf(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGBX8888);
    QVideoFrame frame(QVideoFrameFormat(rgb.size(), QVideoFrameFormat::Format_RGBX8888));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    for (int y = 0; y < rgb.height(); ++y)
        memcpy(frame.bits(0) + y * frame.bytesPerLine(0), rgb.constScanLine(y), size_t(rgb.width()) * 4);
    frame.unmap();
    return frame;
}

} // namespace

class TestUiQrScanner : public QObject {
    Q_OBJECT

private slots:
    void readsTheEnrolmentCodeFromACameraFrame()
    {
        QrScanner scanner;
        scanner.setFrameIntervalMs(0);
        QVideoSink sink;
        scanner.watchSink(&sink);
        QSignalSpy found(&scanner, &QrScanner::found);
        const QImage picture = cameraPicture(kCode);
        QVERIFY(!picture.isNull());
        sink.setVideoFrame(frameOf(picture));
        QVERIFY(found.wait(5000));
        QCOMPARE(found.first().first().toString(), QString::fromLatin1(kCode));
        // The scan ends with the code: later frames join nothing more.
        QVERIFY(!scanner.scanning());
        sink.setVideoFrame(frameOf(picture));
        QTest::qWait(300);
        QCOMPARE(found.size(), 1);
    }

    void framesWithoutTheCodeAreSkippedAndTheScanGoesOn()
    {
        QrScanner scanner;
        scanner.setFrameIntervalMs(0);
        QVideoSink sink;
        scanner.watchSink(&sink);
        QSignalSpy found(&scanner, &QrScanner::found);
        QSignalSpy said(&scanner, &QrScanner::messageChanged);
        QImage empty(640, 480, QImage::Format_RGB32);
        empty.fill(Qt::gray);
        sink.setVideoFrame(frameOf(empty));
        sink.setVideoFrame(QVideoFrame()); // a broken frame
        QTest::qWait(300);
        QVERIFY(found.isEmpty());
        QVERIFY(scanner.scanning());

        // Someone else's QR code (a web address) is named, not joined.
        sink.setVideoFrame(frameOf(cameraPicture("https://example.org/menu")));
        QTRY_VERIFY_WITH_TIMEOUT(scanner.message().contains(QStringLiteral("not a Samla enrolment code")), 5000);
        QVERIFY(found.isEmpty());
        QVERIFY(scanner.scanning());

        // Then the right code.
        QTest::qWait(50);
        sink.setVideoFrame(frameOf(cameraPicture(kCode)));
        QVERIFY(found.wait(5000));
        QVERIFY(scanner.message().isEmpty());
    }

    void withoutACameraItSaysWhatToDoInstead()
    {
        QrScanner scanner;
        scanner.setCameraForTests(false);
        QVERIFY(!scanner.cameraAvailable());
        QVERIFY(!scanner.start());
        QVERIFY(!scanner.scanning());
        QVERIFY2(scanner.message().contains(QStringLiteral("Paste the code")), qPrintable(scanner.message()));
    }

    void aScannerThatIsGoneIsNotCalledBack()
    {
        QVideoSink sink;
        {
            QrScanner scanner;
            scanner.setFrameIntervalMs(0);
            scanner.watchSink(&sink);
            sink.setVideoFrame(frameOf(cameraPicture(kCode)));
        }
        // The decode still running finishes into nothing.
        QTest::qWait(500);
        sink.setVideoFrame(frameOf(cameraPicture(kCode)));
    }
};

QTEST_MAIN(TestUiQrScanner)
#include "tst_ui_qrscanner.moc"
