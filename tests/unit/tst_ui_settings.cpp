// AppSettings: defaults from the system language, and settings that survive a restart.
#include "app/ui/appsettings.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace samla::ui;

class TestSettings : public QObject {
    Q_OBJECT
private slots:
    void defaultsFollowSystemLanguage();
    void persistsAcrossInstances();
    void rejectsUnknownValues();
    void fileHoldsNothingElse();
    void localeMatchesLanguage();
};

void TestSettings::defaultsFollowSystemLanguage()
{
    QTemporaryDir dir;
    AppSettings swedish(dir.path(), QLocale(QLocale::Swedish, QLocale::Finland));
    QCOMPARE(swedish.language(), QStringLiteral("sv"));
    QTemporaryDir other;
    AppSettings german(other.path(), QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(german.language(), QStringLiteral("en"));
    QCOMPARE(german.textSize(), AppSettings::Normal);
    QCOMPARE(german.textScale(), 1.0);
    QCOMPARE(german.idleLockMinutes(), 5);
    QCOMPARE(german.idleLockChoices(), (QList<int> { 1, 2, 5, 10, 15, 30 }));
}

void TestSettings::persistsAcrossInstances()
{
    QTemporaryDir dir;
    {
        AppSettings settings(dir.path(), QLocale(QLocale::English, QLocale::UnitedKingdom));
        QSignalSpy language(&settings, &AppSettings::languageChanged);
        QSignalSpy size(&settings, &AppSettings::textSizeChanged);
        QSignalSpy idle(&settings, &AppSettings::idleLockMinutesChanged);
        settings.setLanguage(QStringLiteral("sv"));
        settings.setTextSize(AppSettings::ExtraLarge);
        settings.setIdleLockMinutes(15);
        QCOMPARE(language.count(), 1);
        QCOMPARE(size.count(), 1);
        QCOMPARE(idle.count(), 1);
        QCOMPARE(settings.textScale(), 1.5);
    }
    // A new instance (the next start of the app), even with an English system, keeps the choices.
    AppSettings again(dir.path(), QLocale(QLocale::English, QLocale::UnitedKingdom));
    QCOMPARE(again.language(), QStringLiteral("sv"));
    QCOMPARE(again.textSize(), AppSettings::ExtraLarge);
    QCOMPARE(again.idleLockMinutes(), 15);
}

void TestSettings::rejectsUnknownValues()
{
    QTemporaryDir dir;
    AppSettings settings(dir.path(), QLocale(QLocale::English));
    QSignalSpy idle(&settings, &AppSettings::idleLockMinutesChanged);
    settings.setIdleLockMinutes(7);
    settings.setIdleLockMinutes(0);
    QCOMPARE(settings.idleLockMinutes(), 5);
    QCOMPARE(idle.count(), 0);
    settings.setLanguage(QStringLiteral("de"));
    QCOMPARE(settings.language(), QStringLiteral("en"));

    // A hand-edited file with nonsense falls back to defaults.
    {
        QSettings ini(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        ini.setValue(QStringLiteral("language"), QStringLiteral("klingon"));
        ini.setValue(QStringLiteral("idleLockMinutes"), 999);
        ini.setValue(QStringLiteral("textScale"), QStringLiteral("huge"));
    }
    AppSettings fallback(dir.path(), QLocale(QLocale::Swedish));
    QCOMPARE(fallback.language(), QStringLiteral("sv"));
    QCOMPARE(fallback.idleLockMinutes(), 5);
    QCOMPARE(fallback.textSize(), AppSettings::Normal);
}

void TestSettings::fileHoldsNothingElse()
{
    QTemporaryDir dir;
    {
        AppSettings settings(dir.path(), QLocale(QLocale::English));
        settings.setLanguage(QStringLiteral("sv"));
        settings.setTextSize(AppSettings::Large);
        settings.setIdleLockMinutes(2);
    }
    QSettings ini(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    QStringList keys = ini.allKeys();
    keys.sort();
    QCOMPARE(keys,
        (QStringList {
            QStringLiteral("idleLockMinutes"), QStringLiteral("language"), QStringLiteral("textScale") }));
    QCOMPARE(ini.value(QStringLiteral("textScale")).toDouble(), 1.25);
}

void TestSettings::localeMatchesLanguage()
{
    QTemporaryDir dir;
    AppSettings settings(dir.path(), QLocale(QLocale::English, QLocale::Australia));
    QCOMPARE(settings.locale(), QLocale(QLocale::English, QLocale::Australia));
    settings.setLanguage(QStringLiteral("sv"));
    QCOMPARE(settings.locale().language(), QLocale::Swedish);
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_ui_settings.moc"
