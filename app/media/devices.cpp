#include "devices.h"

#include "platform/core/logging.h"

#include <QAudioDevice>
#include <QCameraDevice>
#include <QMediaDevices>

namespace samla::media {

namespace {

QtMessageHandler g_previous = nullptr;

void dropSoundServerWarning(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && message.startsWith(QLatin1String("PulseAudioService:"))) {
        qCInfo(lcUi) << "no sound server: no microphone or audio output";
        return;
    }
    if (g_previous)
        g_previous(type, context, message);
}

} // namespace

void probeAudioQuietly()
{
    static bool probed = false;
    if (probed)
        return;
    probed = true;
    g_previous = qInstallMessageHandler(dropSoundServerWarning);
    (void)QMediaDevices::audioInputs();
    qInstallMessageHandler(g_previous);
    g_previous = nullptr;
}

bool hasCamera()
{
    probeAudioQuietly();
    return !QMediaDevices::videoInputs().isEmpty();
}

bool hasMicrophone()
{
    probeAudioQuietly();
    return !QMediaDevices::defaultAudioInput().isNull();
}

bool hasAudioOutput()
{
    probeAudioQuietly();
    return !QMediaDevices::defaultAudioOutput().isNull();
}

} // namespace samla::media
