// samla-server's logging category: request lines with status, reason code and a device tag, nothing else.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcServer)
