// An app instance (AppServices) in a data directory of its own, for UI-level tests against the real server.
#pragma once

#include "app/ui/appservices.h"

#include <QCoreApplication>
#include <QLocale>

#include <memory>

namespace samla::test {

inline std::unique_ptr<ui::AppServices> appIn(const QString &dir)
{
    ui::AppServicesOptions options;
    options.dataDir = dir;
    options.systemLocale = QLocale(QLocale::English, QLocale::UnitedKingdom);
    options.fixedKdf = ui::AppServices::cheapKdfForTests();
    options.application = qApp;
    return std::make_unique<ui::AppServices>(options);
}

} // namespace samla::test
