// Translations: loads Samla's Swedish or English translation from resources and re-translates QML.
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTranslator>

#include <memory>

class QQmlEngine;

namespace samla::ui {

class Translations : public QObject {
    Q_OBJECT
public:
    explicit Translations(QObject *parent = nullptr);
    ~Translations() override;

    // Installs the translator for "sv" or "en" and re-translates every attached engine.
    bool apply(const QString &language);
    QString language() const { return m_language; }
    void attachEngine(QQmlEngine *engine);

    static QString resourcePath(const QString &language);

private:
    std::unique_ptr<QTranslator> m_translator;
    QString m_language;
    QList<QPointer<QQmlEngine>> m_engines;
};

} // namespace samla::ui
