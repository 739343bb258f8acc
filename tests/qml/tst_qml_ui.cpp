// Qt Quick Test runner: each tst_*.qml file gets its own engine, and with it
// fresh services on a new temporary data directory, handed to QML as main() does.
#include "app/ui/appservices.h"
#include "observationfixture.h"
#include "platform/crypto/crypto.h"

#include <QGuiApplication>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

#include <memory>
#include <vector>

Q_IMPORT_QML_PLUGIN(Samla_CorePlugin)
Q_IMPORT_QML_PLUGIN(Samla_UiPlugin)

class Setup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable()
    {
        if (!samla::crypto::initialize().ok())
            qFatal("crypto self-test failed");
        if (QGuiApplication::platformName() == QLatin1String("offscreen"))
            QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
        QQuickStyle::setStyle(QStringLiteral("Basic"));
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        auto dir = std::make_unique<QTemporaryDir>();
        samla::ui::AppServicesOptions options;
        options.dataDir = dir->path();
        options.systemLocale = QLocale(QLocale::English, QLocale::UnitedKingdom);
        options.fixedKdf = samla::ui::AppServices::cheapKdfForTests();
        options.application = qApp;
        // Owned by the engine: gone (and the store closed) when the test file is done.
        auto *services = new samla::ui::AppServices(options, engine);
        services->attachEngine(*engine);
        // Sessions as two observers' devices would have written them (tst_observationagreement.qml).
        engine->rootContext()->setContextProperty(
            QStringLiteral("ObservationFixture"), new ObservationFixture(*services, engine));
        m_dirs.push_back(std::move(dir));
    }

private:
    std::vector<std::unique_ptr<QTemporaryDir>> m_dirs;
};

QUICK_TEST_MAIN_WITH_SETUP(samla_qml_ui, Setup)

#include "tst_qml_ui.moc"
