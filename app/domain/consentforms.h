// ConsentForms: bilingual consent forms, published as immutable, hashed versions.
#pragma once

#include "consenttypes.h"

#include "app/store/recordstore.h"

#include <QMap>

namespace samla::domain {

struct ConsentItem {
    QString id;                       // stable key within the form, e.g. "audio"
    Activity activity = Activity::Observation;
    bool required = false;
    QMap<QString, QString> text;      // language ("sv", "en") -> the sentence the participant agrees to
    bool operator==(const ConsentItem &) const = default;
};

struct ConsentFormContent {
    QMap<QString, QString> title;         // language -> title
    QMap<QString, QString> information;   // language -> information sheet text
    QList<ConsentItem> items;
    bool operator==(const ConsentFormContent &) const = default;

    QStringList languages() const;        // languages with a title, information and every item's text
    QCborMap toCbor() const;
    static ConsentFormContent fromCbor(const QCborMap &map);
};

struct ConsentFormVersion {
    QString id;             // record id of this version; consent events point here
    QString formId;         // the same for every version of one form
    QString projectId;
    int number = 0;         // 1, 2, …
    QString hash;           // hex BLAKE2b-256 of the canonical CBOR of the content
    ConsentFormContent content;
    std::int64_t publishedMs = 0;
};

class ConsentForms {
public:
    static inline const QString kKind = QStringLiteral("consent_form_version");
    explicit ConsentForms(store::RecordStore &records);

    // Publishes content as the next version of formId (a new form when formId
    // is empty). Versions are never modified; publishing the same content as
    // the latest version is refused (AlreadyExists).
    [[nodiscard]] Result<ConsentFormVersion> publish(const QString &projectId, const QString &formId,
                                                     const ConsentFormContent &content);
    // The same from the JSON a researcher writes (see parseJson).
    [[nodiscard]] Result<ConsentFormVersion> importJson(const QString &projectId, const QString &formId,
                                                        const QByteArray &json);

    // Reads a version and checks its hash: a changed version is Tampered, never shown.
    [[nodiscard]] Result<ConsentFormVersion> version(const QString &versionId) const;
    [[nodiscard]] Result<QList<ConsentFormVersion>> versions(const QString &projectId, const QString &formId) const;
    [[nodiscard]] Result<ConsentFormVersion> latest(const QString &projectId, const QString &formId) const;
    // The latest version of every form in the project.
    [[nodiscard]] Result<QList<ConsentFormVersion>> forms(const QString &projectId) const;

    // {"title": {"en": …, "sv": …}, "information": {…},
    //  "items": [{"id": "audio", "activity": "audio_recording", "required": false, "text": {"en": …, "sv": …}}]}
    [[nodiscard]] static Result<ConsentFormContent> parseJson(const QByteArray &json);
    static QByteArray toJson(const ConsentFormContent &content);
    [[nodiscard]] static Status validate(const ConsentFormContent &content);
    static QString contentHash(const ConsentFormContent &content);

private:
    Result<QList<ConsentFormVersion>> all(const QString &projectId) const;
    store::RecordStore &m_records;
};

} // namespace samla::domain
