#include "appsettings.h"

#include "engineservices.h"
#include "platform/core/logging.h"

#include <QDir>

#include <cmath>

#ifndef SAMLA_VERSION
#define SAMLA_VERSION "0.0.0"
#endif

namespace samla::ui {

namespace {
const QString kLanguageKey = QStringLiteral("language");
const QString kTextScaleKey = QStringLiteral("textScale");
const QString kIdleKey = QStringLiteral("idleLockMinutes");
const QString kPromptSoundKey = QStringLiteral("promptSound");

double scaleFor(AppSettings::TextSize size)
{
    switch (size) {
    case AppSettings::Normal:
        return 1.0;
    case AppSettings::Large:
        return 1.25;
    case AppSettings::ExtraLarge:
        return 1.5;
    }
    return 1.0;
}

bool isKnownLanguage(const QString &language)
{
    return language == QLatin1String("sv") || language == QLatin1String("en");
}
} // namespace

AppSettings::AppSettings(const QString &dataDir, const QLocale &systemLocale, QObject *parent)
    : QObject(parent)
    , m_dataDir(dataDir)
    , m_systemLocale(systemLocale)
    , m_settings(QDir(dataDir).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
{
    const QString language = m_settings.value(kLanguageKey).toString();
    if (isKnownLanguage(language))
        m_language = language;
    else
        m_language
            = systemLocale.language() == QLocale::Swedish ? QStringLiteral("sv") : QStringLiteral("en");

    bool ok = false;
    const double scale = m_settings.value(kTextScaleKey).toDouble(&ok);
    if (ok) {
        // Nearest known size, so a hand-edited 1.3 still lands somewhere sensible.
        m_textSize = scale < 1.125 ? Normal : (scale < 1.375 ? Large : ExtraLarge);
    }

    const int minutes = m_settings.value(kIdleKey).toInt(&ok);
    if (ok && idleLockChoices().contains(minutes))
        m_idleLockMinutes = minutes;
    m_promptSound = m_settings.value(kPromptSoundKey, true).toBool();
}

AppSettings *AppSettings::create(QQmlEngine *qml, QJSEngine *)
{
    return serviceFromEngine<AppSettings>(qml);
}

void AppSettings::setLanguage(const QString &language)
{
    if (!isKnownLanguage(language) || language == m_language)
        return;
    m_language = language;
    write(kLanguageKey, language);
    emit languageChanged();
}

void AppSettings::setTextSize(TextSize size)
{
    if (size == m_textSize)
        return;
    m_textSize = size;
    write(kTextScaleKey, scaleFor(size));
    emit textSizeChanged();
}

double AppSettings::textScale() const
{
    return scaleFor(m_textSize);
}

void AppSettings::setIdleLockMinutes(int minutes)
{
    if (minutes == m_idleLockMinutes || !idleLockChoices().contains(minutes))
        return;
    m_idleLockMinutes = minutes;
    write(kIdleKey, minutes);
    emit idleLockMinutesChanged();
}

void AppSettings::setPromptSound(bool on)
{
    if (on == m_promptSound)
        return;
    m_promptSound = on;
    write(kPromptSoundKey, on);
    emit promptSoundChanged();
}

QList<int> AppSettings::idleLockChoices() const
{
    return { 1, 2, 5, 10, 15, 30 };
}

QString AppSettings::appVersion() const
{
    return QStringLiteral(SAMLA_VERSION);
}

QLocale AppSettings::locale() const
{
    const QLocale::Language language
        = m_language == QLatin1String("sv") ? QLocale::Swedish : QLocale::English;
    if (m_systemLocale.language() == language)
        return m_systemLocale;
    return language == QLocale::Swedish ? QLocale(QLocale::Swedish, QLocale::Sweden)
                                        : QLocale(QLocale::English, QLocale::UnitedKingdom);
}

void AppSettings::write(const QString &key, const QVariant &value)
{
    m_settings.setValue(key, value);
    m_settings.sync();
    if (m_settings.status() != QSettings::NoError)
        qCWarning(lcUi) << "settings: could not write" << key << "status" << m_settings.status();
}

} // namespace samla::ui
