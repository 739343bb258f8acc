// QrScanner: reads an enrolment code from the camera's picture, so joining a project is pointing the tablet at
// the administrator's QR code.
#pragma once

#include <QImage>
#include <QObject>
#include <QPointer>
#include <QVideoFrame>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QCamera;
class QMediaCaptureSession;
class QQmlEngine;
class QJSEngine;
class QVideoSink;

namespace samla::ui {

// While scanning, every few frames of the camera's picture are decoded on a
// worker thread (one at a time, the newest frame wins). The picture is never
// stored or saved: a frame lives only until it is decoded. The first QR code
// that holds a Samla enrolment code ends the scan and is announced by
// found(); another QR code is named on screen and the scan goes on.
class QrScanner : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool cameraAvailable READ cameraAvailable NOTIFY availabilityChanged)
    Q_PROPERTY(bool scanning READ scanning NOTIFY scanningChanged)
    // The VideoOutput the picture shows in; its video sink feeds the decoder.
    Q_PROPERTY(QObject *viewfinder READ viewfinder WRITE setViewfinder NOTIFY scanningChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)

public:
    explicit QrScanner(QObject *parent = nullptr);
    ~QrScanner() override;
    static QrScanner *create(QQmlEngine *qml, QJSEngine *);

    bool cameraAvailable() const;
    bool scanning() const { return m_scanning; }
    QObject *viewfinder() const { return m_viewfinder; }
    void setViewfinder(QObject *output);
    QString message() const { return m_messageText ? m_messageText() : QString(); }

    Q_INVOKABLE bool start();
    Q_INVOKABLE void stop();

    // Frames from a sink other than the viewfinder's (tests; a device whose
    // picture comes from elsewhere). Starts scanning without a camera.
    void watchSink(QVideoSink *sink);
    void setCameraForTests(std::optional<bool> available);
    // The smallest pause between two decodes, in milliseconds.
    void setFrameIntervalMs(int ms) { m_frameIntervalMs = ms; }

signals:
    void found(const QString &code);
    void scanningChanged();
    void availabilityChanged();
    void messageChanged();

private:
    void onFrame(const QVideoFrame &frame);
    void decode(QImage image);
    void decoded(const QString &text, bool ok);
    void setMessage(std::function<QString()> text);
    void connectSink(QVideoSink *sink);

    std::unique_ptr<QMediaCaptureSession> m_captureSession;
    std::unique_ptr<QCamera> m_camera;
    QPointer<QObject> m_viewfinder;
    QPointer<QVideoSink> m_sink;
    QMetaObject::Connection m_sinkConnection;
    std::optional<bool> m_cameraOverride;
    std::function<QString()> m_messageText;
    bool m_scanning = false;
    bool m_decoding = false;
    qint64 m_lastDecodeMs = 0;
    int m_frameIntervalMs = 200;
    // Keeps the worker's result from reaching a scanner that is gone.
    std::shared_ptr<std::atomic<bool>> m_alive = std::make_shared<std::atomic<bool>>(true);
};

} // namespace samla::ui
