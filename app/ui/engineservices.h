// Hands services that main() owns to one QML engine, for the QML singletons' create().
#pragma once

#include "platform/core/logging.h"

#include <QJSEngine>
#include <QObject>
#include <QQmlEngine>
#include <QVariant>

namespace samla::ui {

// A dynamic property on the engine holds the service: each engine (the app's,
// each Qt Quick Test file's, the self-test's) gets its own, nothing is global,
// and a QML file loaded into an engine without services fails loudly.
inline QByteArray servicePropertyName(const char *className)
{
    return QByteArrayLiteral("_samla_service_") + className;
}

template <typename T> void provideServiceToEngine(QQmlEngine &engine, T *service)
{
    engine.setProperty(servicePropertyName(T::staticMetaObject.className()).constData(),
        QVariant::fromValue(static_cast<QObject *>(service)));
}

template <typename T> T *serviceFromEngine(QQmlEngine *engine)
{
    if (!engine)
        return nullptr;
    auto *service
        = qobject_cast<T *>(engine->property(servicePropertyName(T::staticMetaObject.className()).constData())
                                .template value<QObject *>());
    if (!service) {
        qCCritical(lcUi) << "no" << T::staticMetaObject.className() << "was given to this QML engine";
        return nullptr;
    }
    // main() owns it; the engine must not delete it.
    QJSEngine::setObjectOwnership(service, QJSEngine::CppOwnership);
    return service;
}

} // namespace samla::ui
