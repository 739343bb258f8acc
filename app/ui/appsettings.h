// AppSettings: language, text size and idle-lock time, kept in <data dir>/settings.ini.
#pragma once

#include <QLocale>
#include <QObject>
#include <QSettings>
#include <QString>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace samla::ui {

// Nothing secret or personal is kept here: the file sits next to the encrypted
// store and is readable before unlock, because the Unlock screen needs the
// language and text size.
class AppSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(TextSize textSize READ textSize WRITE setTextSize NOTIFY textSizeChanged)
    Q_PROPERTY(double textScale READ textScale NOTIFY textSizeChanged)
    Q_PROPERTY(
        int idleLockMinutes READ idleLockMinutes WRITE setIdleLockMinutes NOTIFY idleLockMinutesChanged)
    Q_PROPERTY(QList<int> idleLockChoices READ idleLockChoices CONSTANT)
    Q_PROPERTY(bool promptSound READ promptSound WRITE setPromptSound NOTIFY promptSoundChanged)
    Q_PROPERTY(QString appVersion READ appVersion CONSTANT)
    Q_PROPERTY(QString dataDir READ dataDir CONSTANT)
public:
    enum TextSize { Normal, Large, ExtraLarge };
    Q_ENUM(TextSize)

    static constexpr int kDefaultIdleLockMinutes = 5;

    // systemLocale decides the first-run language (Swedish if it is Swedish, else English).
    AppSettings(const QString &dataDir, const QLocale &systemLocale, QObject *parent = nullptr);
    static AppSettings *create(QQmlEngine *qml, QJSEngine *js);

    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    TextSize textSize() const { return m_textSize; }
    void setTextSize(TextSize size);
    double textScale() const;
    int idleLockMinutes() const { return m_idleLockMinutes; }
    void setIdleLockMinutes(int minutes);
    QList<int> idleLockChoices() const;
    // Whether an observation's interval prompt also plays a chime (on by default).
    bool promptSound() const { return m_promptSound; }
    void setPromptSound(bool on);
    QString appVersion() const;
    QString dataDir() const { return m_dataDir; }

    // The locale dates and times are shown in: the chosen language, with the
    // system's country when it speaks that language.
    QLocale locale() const;

signals:
    void languageChanged();
    void textSizeChanged();
    void idleLockMinutesChanged();
    void promptSoundChanged();

private:
    void write(const QString &key, const QVariant &value);

    QString m_dataDir;
    QLocale m_systemLocale;
    QSettings m_settings;
    QString m_language;
    TextSize m_textSize = Normal;
    int m_idleLockMinutes = kDefaultIdleLockMinutes;
    bool m_promptSound = true;
};

} // namespace samla::ui
