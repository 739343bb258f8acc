// Logging category of app/domain. Log ids and codes, never names or other personal data.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcDomain)
