// Participants: pseudonymous codes and the research-side profile; identities live only in the vault.
#pragma once

#include "app/store/recordstore.h"

#include <optional>

namespace samla::store { class LocalStore; }

namespace samla::domain {

class IdentityVault;
struct IdentityDetails;

enum class ParticipantCategory { Patient, FamilyMember, Staff, Citizen, ChildOrAdolescent };

// Bands split where the consent rules split: 15 (Sweden), 16 (England) and 18.
enum class AgeBand { Unknown, Under15, Age15, Age16To17, Age18To64, Age65Plus };

QString participantCategoryKey(ParticipantCategory c);   // "patient", "family_member", …
std::optional<ParticipantCategory> participantCategoryFromKey(const QString &key);
QString ageBandKey(AgeBand a);                            // "0-14", "15", "16-17", "18-64", "65+", "unknown"
std::optional<AgeBand> ageBandFromKey(const QString &key);

// What research data may hold about a participant: nothing that names them.
struct ParticipantProfile {
    ParticipantCategory category = ParticipantCategory::Patient;
    AgeBand ageBand = AgeBand::Unknown;
    QString siteId;
    // For adults: has capacity to consent (England: Mental Capacity Act). For
    // minors: understands consent themselves (Sweden) / Gillick competent (England).
    bool understandsConsent = true;
    QString capacityNotes;
    bool operator==(const ParticipantProfile &) const = default;
};

struct Participant {
    QString id;          // record id; the participant reference of every record about them
    QString projectId;
    QString code;        // e.g. "LC-007", or "LC-K7Q-012" when issued on a device sharing the project
    int number = 0;      // the number in the code, counted across the project
    ParticipantProfile profile;
    std::int64_t enrolledMs = 0;
    int version = 0;
};

// The same code on two participants of one project: only possible when
// devices enrolled offline under codes that could meet (an older build, or two
// devices whose tags happen to be equal). Both are kept and shown, never merged.
struct DuplicateCode {
    QString code;
    QStringList participantIds;   // two or more, by record id (the same order on every device)
};

class Participants {
public:
    static inline const QString kKind = QStringLiteral("participant");
    // `codeTag`: this device's tag (deviceTag()) when the project is shared
    // with other devices (codeTagFor()), so codes issued offline on two
    // devices cannot be equal; empty for a project kept on one device.
    explicit Participants(store::RecordStore &records, QString codeTag = {});

    // Enrols with the next free code of the project ("LC-007": prefix and a
    // number, or "LC-K7Q-007" with a device tag; nothing personal). Numbers
    // are never reused within a project.
    [[nodiscard]] Result<Participant> enrol(const QString &projectId, const ParticipantProfile &profile);
    // The same, and the identity goes into the vault (and only there). If the
    // vault write fails nothing is enrolled; if enrolment fails the identity is removed again.
    [[nodiscard]] Result<Participant> enrol(const QString &projectId, const ParticipantProfile &profile,
                                            const IdentityDetails &identity, IdentityVault &vault);

    [[nodiscard]] Result<Participant> get(const QString &id) const;
    [[nodiscard]] Result<QList<Participant>> list(const QString &projectId) const;   // by code
    [[nodiscard]] Result<Participant> findByCode(const QString &projectId, const QString &code) const;
    // Age band, capacity and site change during a study; each change is a new version.
    [[nodiscard]] Result<Participant> updateProfile(const QString &id, const ParticipantProfile &profile);

    // Gives a participant whose code another participant also holds the next
    // free code of the project (with this device's tag where it has one). The
    // old code stays in the record as a previous code, so forms and notes
    // written under it can still be traced; a new version, like any change.
    [[nodiscard]] Result<Participant> recode(const QString &id);
    static QStringList previousCodes(const store::Record &participantRecord);

    // Codes held by more than one participant of the project (see DuplicateCode).
    [[nodiscard]] Result<QList<DuplicateCode>> duplicateCodes(const QString &projectId) const;

    [[nodiscard]] static Status validate(const ParticipantProfile &profile);
    // "LC", 7 -> "LC-007"; numbers above 999 simply grow.
    static QString formatCode(const QString &prefix, int number);
    // "LC", "K7Q", 7 -> "LC-K7Q-007"; an empty tag gives formatCode(prefix, number).
    static QString formatCode(const QString &prefix, const QString &tag, int number);
    // Three characters naming a device, from its public signing key ("K7Q").
    // The alphabet leaves out 0/O, 1/I/L and U so a tag read aloud or written
    // by hand is not mistaken; 30^3 = 27 000 tags.
    static QString deviceTag(QByteArrayView devicePublicKey);
    // The tag enrolment on this device uses for a project: the device's tag
    // when the project is shared through a sync server, else empty.
    static QString codeTagFor(store::LocalStore &store, const QString &projectId);

private:
    Result<Participant> enrolWithId(const QString &id, const QString &projectId, const ParticipantProfile &profile);
    store::RecordStore &m_records;
    QString m_codeTag;
};

} // namespace samla::domain
