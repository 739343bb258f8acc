#include "passphrasestrength.h"

#include "languagewatcher.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace samla::ui {

namespace {

// A short list of the passwords people pick most often (English and Swedish).
// Anything on it, or built on it with digits and symbols around, scores low.
const QSet<QString> &commonPasswords()
{
    static const QSet<QString> list = {
        QStringLiteral("password"),
        QStringLiteral("passw0rd"),
        QStringLiteral("passwort"),
        QStringLiteral("qwerty"),
        QStringLiteral("qwertyuiop"),
        QStringLiteral("asdfgh"),
        QStringLiteral("letmein"),
        QStringLiteral("welcome"),
        QStringLiteral("admin"),
        QStringLiteral("iloveyou"),
        QStringLiteral("monkey"),
        QStringLiteral("dragon"),
        QStringLiteral("football"),
        QStringLiteral("baseball"),
        QStringLiteral("sunshine"),
        QStringLiteral("princess"),
        QStringLiteral("master"),
        QStringLiteral("shadow"),
        QStringLiteral("superman"),
        QStringLiteral("trustno"),
        QStringLiteral("secret"),
        QStringLiteral("abc"),
        QStringLiteral("hello"),
        QStringLiteral("freedom"),
        QStringLiteral("whatever"),
        QStringLiteral("starwars"),
        QStringLiteral("computer"),
        QStringLiteral("summer"),
        QStringLiteral("winter"),
        QStringLiteral("spring"),
        QStringLiteral("autumn"),
        QStringLiteral("changeme"),
        QStringLiteral("login"),
        QStringLiteral("hospital"),
        QStringLiteral("nurse"),
        QStringLiteral("doctor"),
        QStringLiteral("samla"),
        QStringLiteral("research"),
        QStringLiteral("lösenord"),
        QStringLiteral("losenord"),
        QStringLiteral("sommar"),
        QStringLiteral("vinter"),
        QStringLiteral("hösten"),
        QStringLiteral("våren"),
        QStringLiteral("hejsan"),
        QStringLiteral("hej"),
        QStringLiteral("sverige"),
        QStringLiteral("stockholm"),
        QStringLiteral("göteborg"),
        QStringLiteral("malmö"),
        QStringLiteral("kärlek"),
        QStringLiteral("älskling"),
        QStringLiteral("fotboll"),
        QStringLiteral("hemligt"),
        QStringLiteral("hemlig"),
        QStringLiteral("välkommen"),
        QStringLiteral("sjukhus"),
        QStringLiteral("sjuksköterska"),
        QStringLiteral("lakare"),
        QStringLiteral("läkare"),
        QStringLiteral("forskning"),
    };
    return list;
}

const QString &keyboardRows()
{
    static const QString rows = QStringLiteral("qwertyuiopå asdfghjklöä zxcvbnm 1234567890");
    return rows;
}

int poolSize(const QString &text)
{
    bool lower = false, upper = false, digit = false, symbol = false, space = false, other = false;
    for (const QChar c : text) {
        if (c.isSpace())
            space = true;
        else if (c.isDigit())
            digit = true;
        else if (c.isLower())
            lower = true;
        else if (c.isUpper())
            upper = true;
        else if (c.unicode() < 128)
            symbol = true;
        else
            other = true;
    }
    int pool = 0;
    if (lower)
        pool += 29; // a–z plus å ä ö
    if (upper)
        pool += 29;
    if (digit)
        pool += 10;
    if (symbol)
        pool += 33;
    if (space)
        pool += 1;
    if (other)
        pool += 40;
    return std::max(pool, 1);
}

int classCount(const QString &text)
{
    bool lower = false, upper = false, digit = false, other = false;
    for (const QChar c : text) {
        if (c.isDigit())
            digit = true;
        else if (c.isLower())
            lower = true;
        else if (c.isUpper())
            upper = true;
        else
            other = true;
    }
    return int(lower) + int(upper) + int(digit) + int(other);
}

// Length of the smallest chunk the text repeats, e.g. 3 for "hejhejhej".
int repeatingUnit(const QString &text)
{
    const int n = int(text.size());
    for (int unit = 1; unit <= n / 2; ++unit) {
        if (n % unit != 0)
            continue;
        bool repeats = true;
        for (int i = unit; i < n && repeats; ++i)
            repeats = text.at(i) == text.at(i - unit);
        if (repeats)
            return unit;
    }
    return n;
}

bool isSequentialPair(QChar previous, QChar current)
{
    const int diff = current.unicode() - previous.unicode();
    if ((diff == 1 || diff == -1) && (previous.isLetterOrNumber() && current.isLetterOrNumber()))
        return true;
    const QString &rows = keyboardRows();
    const qsizetype at = rows.indexOf(previous);
    if (at >= 0) {
        if (at + 1 < rows.size() && rows.at(at + 1) == current && current != QLatin1Char(' '))
            return true;
        if (at > 0 && rows.at(at - 1) == current && current != QLatin1Char(' '))
            return true;
    }
    return false;
}

} // namespace

StrengthEstimate estimatePassphraseStrength(const QString &passphrase)
{
    StrengthEstimate result;
    if (passphrase.isEmpty())
        return result;

    const QString lower = passphrase.toLower();
    QString lettersOnly;
    for (const QChar c : lower) {
        if (c.isLetter())
            lettersOnly.append(c);
    }
    const bool common = commonPasswords().contains(lower) || commonPasswords().contains(lettersOnly)
        || (lettersOnly.isEmpty() && repeatingUnit(lower) < lower.size());

    // Effective length: a character that repeats the previous one, or continues
    // a run ("abc", "123", "qwe"), adds little for a guesser.
    const int unit = repeatingUnit(lower);
    const QString core = lower.left(unit);
    double effective = 0;
    int repeated = 0;
    int sequential = 0;
    for (qsizetype i = 0; i < core.size(); ++i) {
        if (i == 0) {
            effective += 1;
            continue;
        }
        const QChar previous = core.at(i - 1);
        const QChar current = core.at(i);
        if (current == previous) {
            effective += 0.15;
            ++repeated;
        } else if (isSequentialPair(previous, current)) {
            effective += 0.25;
            ++sequential;
        } else {
            effective += 1;
        }
    }
    if (unit < lower.size())
        effective += 1.0; // knowing how often it repeats is worth about a character

    const double bits = effective * std::log2(double(poolSize(passphrase)));
    result.bits = bits;

    int score = 0;
    if (bits >= 80)
        score = 4;
    else if (bits >= 60)
        score = 3;
    else if (bits >= 40)
        score = 2;
    else if (bits >= 25)
        score = 1;

    const bool repetitive = unit < lower.size() || repeated * 3 >= int(core.size());
    const bool runs = sequential * 2 >= int(core.size());

    if (common) {
        score = std::min(score, lettersOnly.size() == lower.size() ? 0 : 1);
        result.reason = StrengthReason::Common;
    } else if (repetitive) {
        score = std::min(score, 1);
        result.reason = StrengthReason::Repetitive;
    } else if (runs) {
        score = std::min(score, 1);
        result.reason = StrengthReason::Sequential;
    } else if (passphrase.size() < kMinPassphraseLength) {
        score = std::min(score, 1);
        result.reason = StrengthReason::TooShort;
    } else if (score < 3 && classCount(passphrase) <= 1) {
        result.reason = StrengthReason::FewClasses;
    } else {
        result.reason = score >= 3 ? StrengthReason::Good : StrengthReason::FewClasses;
    }
    result.score = score;
    return result;
}

bool isAcceptablePassphrase(const QString &passphrase)
{
    return passphrase.size() >= kMinPassphraseLength
        && estimatePassphraseStrength(passphrase).score >= kMinPassphraseScore;
}

PassphraseStrength::PassphraseStrength(QObject *parent)
    : QObject(parent)
{
    new LanguageWatcher(this, [this] { emit resultChanged(); });
}

void PassphraseStrength::setPassphrase(const QString &passphrase)
{
    if (passphrase == m_passphrase)
        return;
    m_passphrase = passphrase;
    m_estimate = estimatePassphraseStrength(passphrase);
    emit passphraseChanged();
    emit resultChanged();
}

QString PassphraseStrength::labelForScore(int score)
{
    switch (score) {
    case 0:
        return tr("Very weak");
    case 1:
        return tr("Weak");
    case 2:
        return tr("Fair");
    case 3:
        return tr("Strong");
    default:
        return tr("Very strong");
    }
}

QString PassphraseStrength::label() const
{
    if (m_passphrase.isEmpty())
        return {};
    return labelForScore(m_estimate.score);
}

QString PassphraseStrength::hint() const
{
    switch (m_estimate.reason) {
    case StrengthReason::Empty:
        return tr("Use at least 10 characters. A few unrelated words are strong and easy to remember.");
    case StrengthReason::Common:
        return tr("This is one of the most common passwords, so it is guessed first. Try a few unrelated "
                  "words instead.");
    case StrengthReason::Repetitive:
        return tr("Repeated characters or chunks are easy to guess. Try a few unrelated words.");
    case StrengthReason::Sequential:
        return tr("Runs like \"abcd\", \"1234\" or \"qwerty\" are easy to guess. Try a few unrelated words.");
    case StrengthReason::TooShort:
        return tr("Too short: use at least 10 characters.");
    case StrengthReason::FewClasses:
        if (acceptable())
            return tr("Good enough. Adding another word makes it stronger.");
        return tr("Make it longer, or mix in capitals, digits or symbols.");
    case StrengthReason::Good:
        return tr("Good. Make sure only you know it.");
    }
    return {};
}

bool PassphraseStrength::acceptable() const
{
    return m_passphrase.size() >= kMinPassphraseLength && m_estimate.score >= kMinPassphraseScore;
}

} // namespace samla::ui
