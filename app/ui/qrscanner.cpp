#include "qrscanner.h"

#include "app/media/devices.h"
#include "app/sync/qrimage.h"
#include "engineservices.h"
#include "languagewatcher.h"
#include "platform/core/logging.h"

#include <QCamera>
#include <QCoreApplication>
#include <QDateTime>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QThreadPool>
#include <QVideoSink>

namespace samla::ui {

namespace {

// Enough pixels for a QR code held at arm's length, few enough to decode fast.
constexpr int kDecodeEdge = 960;
const QString kEnrolPrefix = QStringLiteral("samla-enrol:");

} // namespace

QrScanner::QrScanner(QObject *parent) : QObject(parent)
{
    new LanguageWatcher(this, [this] { emit messageChanged(); });
}

QrScanner::~QrScanner()
{
    *m_alive = false;
    stop();
}

QrScanner *QrScanner::create(QQmlEngine *qml, QJSEngine *)
{
    return serviceFromEngine<QrScanner>(qml);
}

bool QrScanner::cameraAvailable() const
{
    return m_cameraOverride ? *m_cameraOverride : media::hasCamera();
}

void QrScanner::setCameraForTests(std::optional<bool> available)
{
    m_cameraOverride = available;
    emit availabilityChanged();
}

void QrScanner::setMessage(std::function<QString()> text)
{
    m_messageText = std::move(text);
    emit messageChanged();
}

void QrScanner::setViewfinder(QObject *output)
{
    if (output == m_viewfinder)
        return;
    m_viewfinder = output;
    if (m_captureSession)
        m_captureSession->setVideoOutput(output);
    if (m_scanning && output)
        connectSink(output->property("videoSink").value<QVideoSink *>());
    emit scanningChanged();
}

bool QrScanner::start()
{
    if (m_scanning)
        return true;
    if (!cameraAvailable() || QMediaDevices::videoInputs().isEmpty()) {
        setMessage([] { return tr("No camera found. Paste the code, or open the QR image instead."); });
        return false;
    }
    m_captureSession = std::make_unique<QMediaCaptureSession>();
    m_camera = std::make_unique<QCamera>(QMediaDevices::defaultVideoInput());
    m_captureSession->setCamera(m_camera.get());
    connect(m_camera.get(), &QCamera::errorOccurred, this, [this](QCamera::Error error, const QString &) {
        if (error == QCamera::NoError)
            return;
        stop();
        setMessage([] { return tr("The camera could not be opened. Check that no other app is using it."); });
    });
    if (m_viewfinder) {
        m_captureSession->setVideoOutput(m_viewfinder);
        connectSink(m_viewfinder->property("videoSink").value<QVideoSink *>());
    }
    m_scanning = true;
    m_camera->start();
    setMessage([] { return tr("Hold the QR code inside the picture. It is read as soon as it is sharp."); });
    emit scanningChanged();
    return true;
}

void QrScanner::watchSink(QVideoSink *sink)
{
    m_scanning = true;
    connectSink(sink);
    emit scanningChanged();
}

void QrScanner::connectSink(QVideoSink *sink)
{
    if (sink == m_sink)
        return;
    disconnect(m_sinkConnection);
    m_sink = sink;
    if (sink)
        m_sinkConnection = connect(sink, &QVideoSink::videoFrameChanged, this, &QrScanner::onFrame);
}

void QrScanner::stop()
{
    disconnect(m_sinkConnection);
    m_sink = nullptr;
    if (m_camera)
        m_camera->stop();
    m_captureSession.reset();
    m_camera.reset();
    if (!m_scanning)
        return;
    m_scanning = false;
    emit scanningChanged();
}

void QrScanner::onFrame(const QVideoFrame &frame)
{
    if (!m_scanning || m_decoding || !frame.isValid())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_lastDecodeMs < m_frameIntervalMs)
        return;
    m_lastDecodeMs = now;
    QImage image = frame.toImage();
    if (image.isNull())
        return;
    if (std::max(image.width(), image.height()) > kDecodeEdge)
        image = image.scaled(kDecodeEdge, kDecodeEdge, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    decode(std::move(image));
}

void QrScanner::decode(QImage image)
{
    m_decoding = true;
    QPointer<QrScanner> self(this);
    std::shared_ptr<std::atomic<bool>> alive = m_alive;
    QThreadPool::globalInstance()->start([self, alive, image = std::move(image)]() mutable {
        auto text = appsync::qrTextFromImage(image, false);
        image = QImage(); // the picture goes as soon as it is read
        const bool ok = text.ok();
        const QString value = ok ? text.value() : QString();
        // Back on the main thread, through the application (which outlives
        // every scanner); the scanner may be gone by then.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [self, alive, value, ok] {
                if (*alive && self)
                    self->decoded(value, ok);
            },
            Qt::QueuedConnection);
    });
}

void QrScanner::decoded(const QString &text, bool ok)
{
    m_decoding = false;
    if (!ok || !m_scanning)
        return;
    if (!text.startsWith(kEnrolPrefix)) {
        setMessage([] { return tr("That QR code is not a Samla enrolment code. Show the code your administrator "
                                  "gave you."); });
        return;
    }
    qCInfo(lcUi) << "enrolment code read from the camera";
    stop();
    setMessage({});
    emit found(text);
}

} // namespace samla::ui
