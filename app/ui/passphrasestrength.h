// PassphraseStrength: a small, offline estimate of how guessable a passphrase is (0–4).
#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace samla::ui {

// The main reason a passphrase scored as it did, so the hint can say what to do.
enum class StrengthReason {
    Empty,
    Common, // on the list of very common passwords, or built on one
    Repetitive, // repeated characters or a repeated chunk ("aaaa", "abcabc")
    Sequential, // runs like "abcd", "1234", "qwerty"
    TooShort, // under the minimum length
    FewClasses, // long enough but from a small alphabet
    Good,
};

struct StrengthEstimate {
    int score = 0; // 0 very weak … 4 very strong
    StrengthReason reason = StrengthReason::Empty;
    double bits = 0; // rough guessing entropy after penalties
};

inline constexpr int kMinPassphraseLength = 10;
inline constexpr int kMinPassphraseScore = 2; // "Fair"

// Pure function; the table test in tests/unit/tst_ui_passphrasestrength.cpp pins it.
StrengthEstimate estimatePassphraseStrength(const QString &passphrase);
// Length and score rules for a new passphrase.
bool isAcceptablePassphrase(const QString &passphrase);

// The estimate as a QML element: set `passphrase`, bind to score, label and hint.
class PassphraseStrength : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString passphrase READ passphrase WRITE setPassphrase NOTIFY passphraseChanged)
    Q_PROPERTY(int score READ score NOTIFY resultChanged)
    Q_PROPERTY(QString label READ label NOTIFY resultChanged)
    Q_PROPERTY(QString hint READ hint NOTIFY resultChanged)
    Q_PROPERTY(bool acceptable READ acceptable NOTIFY resultChanged)
    Q_PROPERTY(bool empty READ empty NOTIFY resultChanged)
public:
    explicit PassphraseStrength(QObject *parent = nullptr);

    QString passphrase() const { return m_passphrase; }
    void setPassphrase(const QString &passphrase);
    int score() const { return m_estimate.score; }
    QString label() const;
    QString hint() const;
    bool acceptable() const;
    bool empty() const { return m_passphrase.isEmpty(); }

    static QString labelForScore(int score);

signals:
    void passphraseChanged();
    void resultChanged();

private:
    QString m_passphrase;
    StrengthEstimate m_estimate;
};

} // namespace samla::ui
