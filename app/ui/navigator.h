// Navigator: which screen of the unlocked app is showing, kept across lock and unlock.
#pragma once

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace samla::ui {

// The screen stack lives here, not in QML, so locking can throw the views
// away (nothing readable stays on screen) and unlocking returns to the same place.
class Navigator : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString screen READ screen NOTIFY screenChanged)
    Q_PROPERTY(bool canGoBack READ canGoBack NOTIFY screenChanged)
    Q_PROPERTY(int depth READ depth NOTIFY screenChanged)
public:
    // Screen names QML knows how to show.
    static const QStringList &screens();

    explicit Navigator(QObject *parent);
    static Navigator *create(QQmlEngine *qml, QJSEngine *js);

    QString screen() const { return m_stack.constLast(); }
    bool canGoBack() const { return m_stack.size() > 1; }
    int depth() const { return int(m_stack.size()); }

    Q_INVOKABLE bool push(const QString &screen);
    Q_INVOKABLE void back();
    Q_INVOKABLE void home();

signals:
    void screenChanged();

private:
    QStringList m_stack { QStringLiteral("home") };
};

} // namespace samla::ui
