#include "consentforms.h"

#include "platform/crypto/crypto.h"
#include "sync/protocol/canonicalcbor.h"

#include <QCborArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

#include <algorithm>

namespace samla::domain {

namespace {

const QString kTitle = QStringLiteral("title");
const QString kInformation = QStringLiteral("information");
const QString kItems = QStringLiteral("items");
const QString kId = QStringLiteral("id");
const QString kActivity = QStringLiteral("activity");
const QString kRequired = QStringLiteral("required");
const QString kText = QStringLiteral("text");
const QString kForm = QStringLiteral("form");
const QString kNumber = QStringLiteral("number");
const QString kHash = QStringLiteral("hash");
const QString kContent = QStringLiteral("content");
const QStringList kKnownLanguages = {QStringLiteral("sv"), QStringLiteral("en")};

constexpr int kMaxVersions = 10000;

QCborMap textsToCbor(const QMap<QString, QString> &texts)
{
    QCborMap m;
    for (auto it = texts.cbegin(); it != texts.cend(); ++it)
        m.insert(it.key(), it.value());
    return m;
}

QMap<QString, QString> textsFromCbor(const QCborValue &value)
{
    QMap<QString, QString> out;
    const QCborMap m = value.toMap();
    for (auto it = m.cbegin(); it != m.cend(); ++it)
        out.insert(it.key().toString(), it.value().toString());
    return out;
}

QMap<QString, QString> textsFromJson(const QJsonValue &value, bool *ok)
{
    QMap<QString, QString> out;
    if (!value.isObject()) {
        *ok = false;
        return out;
    }
    const QJsonObject o = value.toObject();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (!it.value().isString())
            *ok = false;
        out.insert(it.key(), it.value().toString());
    }
    return out;
}

QJsonObject textsToJson(const QMap<QString, QString> &texts)
{
    QJsonObject o;
    for (auto it = texts.cbegin(); it != texts.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

ConsentFormVersion toVersion(const store::Record &r)
{
    ConsentFormVersion v;
    v.id = r.id;
    v.formId = r.body.value(kForm).toString();
    v.projectId = r.projectId;
    v.number = int(r.body.value(kNumber).toInteger());
    v.hash = r.body.value(kHash).toString();
    v.content = ConsentFormContent::fromCbor(r.body.value(kContent).toMap());
    v.publishedMs = r.createdMs;
    return v;
}

} // namespace

QStringList ConsentFormContent::languages() const
{
    QStringList out;
    for (const QString &lang : kKnownLanguages) {
        bool complete = !title.value(lang).trimmed().isEmpty() && !information.value(lang).trimmed().isEmpty();
        for (const ConsentItem &item : items)
            complete = complete && !item.text.value(lang).trimmed().isEmpty();
        if (complete)
            out << lang;
    }
    return out;
}

QCborMap ConsentFormContent::toCbor() const
{
    QCborMap m;
    m.insert(kTitle, textsToCbor(title));
    m.insert(kInformation, textsToCbor(information));
    QCborArray itemArray;
    for (const ConsentItem &item : items) {
        QCborMap im;
        im.insert(kId, item.id);
        im.insert(kActivity, activityKey(item.activity));
        im.insert(kRequired, item.required);
        im.insert(kText, textsToCbor(item.text));
        itemArray.append(im);
    }
    m.insert(kItems, itemArray);
    return m;
}

ConsentFormContent ConsentFormContent::fromCbor(const QCborMap &m)
{
    ConsentFormContent c;
    c.title = textsFromCbor(m.value(kTitle));
    c.information = textsFromCbor(m.value(kInformation));
    for (const QCborValue &v : m.value(kItems).toArray()) {
        const QCborMap im = v.toMap();
        ConsentItem item;
        item.id = im.value(kId).toString();
        // An unknown activity (from a newer build) keeps its place but cannot
        // be validated here; publish() refuses such content.
        item.activity = activityFromKey(im.value(kActivity).toString()).value_or(Activity::DataSharing);
        item.required = im.value(kRequired).toBool();
        item.text = textsFromCbor(im.value(kText));
        c.items.append(item);
    }
    return c;
}

ConsentForms::ConsentForms(store::RecordStore &records) : m_records(records) {}

QString ConsentForms::contentHash(const ConsentFormContent &content)
{
    return QString::fromLatin1(crypto::hash(protocol::encodeCanonical(content.toCbor())).toHex());
}

Status ConsentForms::validate(const ConsentFormContent &content)
{
    auto invalid = [](const QString &what) { return makeError(ErrorCode::InvalidArgument, what); };
    if (content.items.isEmpty())
        return invalid(QStringLiteral("a consent form needs at least one item"));
    static const QRegularExpression itemId(QStringLiteral("^[a-z0-9_]{1,40}$"));
    QSet<QString> ids;
    for (const ConsentItem &item : content.items) {
        if (!itemId.match(item.id).hasMatch())
            return invalid(QStringLiteral("item id '%1' must be 1-40 of a-z, 0-9 and _").arg(item.id));
        if (ids.contains(item.id))
            return invalid(QStringLiteral("item id '%1' appears twice").arg(item.id));
        ids.insert(item.id);
    }
    for (auto texts : {content.title, content.information}) {
        for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
            if (!kKnownLanguages.contains(it.key()))
                return invalid(QStringLiteral("language '%1' is not sv or en").arg(it.key()));
        }
    }
    const QStringList langs = content.languages();
    if (langs.isEmpty())
        return invalid(QStringLiteral("no language has a title, information text and text for every item"));
    // A language that is started must be finished: half a translation would
    // let someone consent to text they could not read.
    for (const QString &lang : content.title.keys() + content.information.keys()) {
        if (!langs.contains(lang))
            return invalid(QStringLiteral("language '%1' is incomplete").arg(lang));
    }
    for (const ConsentItem &item : content.items) {
        for (auto it = item.text.cbegin(); it != item.text.cend(); ++it) {
            if (!langs.contains(it.key()))
                return invalid(QStringLiteral("item '%1' has text in '%2', which is incomplete").arg(item.id, it.key()));
        }
    }
    return {};
}

Result<ConsentFormContent> ConsentForms::parseJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("not a JSON object (offset %1: %2)").arg(error.offset).arg(error.errorString()));
    const QJsonObject o = doc.object();
    bool ok = true;
    ConsentFormContent c;
    c.title = textsFromJson(o.value(kTitle), &ok);
    c.information = textsFromJson(o.value(kInformation), &ok);
    if (!ok)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("title and information must map languages to text"));
    if (!o.value(kItems).isArray())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("items must be an array"));
    for (const QJsonValue &v : o.value(kItems).toArray()) {
        const QJsonObject io = v.toObject();
        ConsentItem item;
        item.id = io.value(kId).toString();
        const auto activity = activityFromKey(io.value(kActivity).toString());
        if (!activity)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("item '%1': unknown activity '%2'").arg(item.id, io.value(kActivity).toString()));
        item.activity = *activity;
        if (!io.value(kRequired).isBool())
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("item '%1': required must be true or false").arg(item.id));
        item.required = io.value(kRequired).toBool();
        item.text = textsFromJson(io.value(kText), &ok);
        if (!ok)
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("item '%1': text must map languages to text").arg(item.id));
        c.items.append(item);
    }
    SAMLA_TRY(validate(c));
    return c;
}

QByteArray ConsentForms::toJson(const ConsentFormContent &content)
{
    QJsonObject o;
    o.insert(kTitle, textsToJson(content.title));
    o.insert(kInformation, textsToJson(content.information));
    QJsonArray items;
    for (const ConsentItem &item : content.items) {
        QJsonObject io;
        io.insert(kId, item.id);
        io.insert(kActivity, activityKey(item.activity));
        io.insert(kRequired, item.required);
        io.insert(kText, textsToJson(item.text));
        items.append(io);
    }
    o.insert(kItems, items);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Result<ConsentFormVersion> ConsentForms::publish(const QString &projectId, const QString &formId,
                                                 const ConsentFormContent &content)
{
    SAMLA_TRY(validate(content));
    const QString hash = contentHash(content);
    int number = 1;
    QString form = formId;
    if (form.isEmpty()) {
        form = QUuid::createUuid().toString(QUuid::WithoutBraces);
    } else {
        auto existing = versions(projectId, formId);
        if (!existing.ok())
            return existing.error();
        if (existing->isEmpty())
            return makeError(ErrorCode::NotFound, QStringLiteral("no consent form %1 in this project").arg(formId));
        if (existing->constFirst().hash == hash)
            return makeError(ErrorCode::AlreadyExists, QStringLiteral("content is the same as the latest version"));
        number = existing->constFirst().number + 1;
    }
    store::RecordChange change;
    change.kind = kKind;
    change.projectId = projectId;
    change.body.insert(kForm, form);
    change.body.insert(kNumber, number);
    change.body.insert(kHash, hash);
    change.body.insert(kContent, content.toCbor());
    auto r = m_records.put(change);
    if (!r.ok())
        return r.error();
    return toVersion(r.value());
}

Result<ConsentFormVersion> ConsentForms::importJson(const QString &projectId, const QString &formId,
                                                    const QByteArray &json)
{
    auto content = parseJson(json);
    if (!content.ok())
        return content.error();
    return publish(projectId, formId, content.value());
}

Result<ConsentFormVersion> ConsentForms::version(const QString &versionId) const
{
    auto r = m_records.get(versionId);
    if (!r.ok())
        return r.error();
    if (r->kind != kKind || r->deleted)
        return makeError(ErrorCode::NotFound, QStringLiteral("not a consent form version"));
    ConsentFormVersion v = toVersion(r.value());
    // A version is immutable: one saved twice, or whose text no longer hashes
    // to its hash, is not the text anybody consented to.
    if (r->version != 1 || contentHash(v.content) != v.hash)
        return makeError(ErrorCode::Tampered, QStringLiteral("consent form version %1 was changed").arg(versionId));
    return v;
}

Result<QList<ConsentFormVersion>> ConsentForms::all(const QString &projectId) const
{
    auto rows = m_records.list(kKind, projectId, kMaxVersions);
    if (!rows.ok())
        return rows.error();
    QList<ConsentFormVersion> out;
    for (const store::Record &r : rows.value())
        out.append(toVersion(r));
    return out;
}

Result<QList<ConsentFormVersion>> ConsentForms::versions(const QString &projectId, const QString &formId) const
{
    auto every = all(projectId);
    if (!every.ok())
        return every.error();
    QList<ConsentFormVersion> out;
    for (const ConsentFormVersion &v : every.value()) {
        if (v.formId == formId)
            out.append(v);
    }
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.number > b.number; });
    return out;
}

Result<ConsentFormVersion> ConsentForms::latest(const QString &projectId, const QString &formId) const
{
    auto list = versions(projectId, formId);
    if (!list.ok())
        return list.error();
    if (list->isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("no consent form %1").arg(formId));
    return list->constFirst();
}

Result<QList<ConsentFormVersion>> ConsentForms::forms(const QString &projectId) const
{
    auto every = all(projectId);
    if (!every.ok())
        return every.error();
    QMap<QString, ConsentFormVersion> latestByForm;
    for (const ConsentFormVersion &v : every.value()) {
        auto it = latestByForm.find(v.formId);
        if (it == latestByForm.end() || it->number < v.number)
            latestByForm.insert(v.formId, v);
    }
    return latestByForm.values();
}

} // namespace samla::domain
