// Projects (case studies): sites, languages, lawful basis, withdrawal policy, retention and re-consent rules.
#pragma once

#include "app/store/recordstore.h"

#include <QStringList>

#include <optional>

namespace samla::domain {

class Notes;

// Whose law decides the consent route for a site (DOMAIN.md, "Consent is a process").
enum class Jurisdiction { Sweden, England };

// What a withdrawal may do to data already collected (GDPR Art 17(3)(d) lets
// public research keep it; the project decides and records which).
enum class WithdrawalPolicy { StopAndRetain, StopAndErase };

// The study arm a site belongs to in a controlled study (QuIS on an
// intervention ward against a control ward); most sites have none.
enum class StudyArm { None, Intervention, Control };

QString jurisdictionKey(Jurisdiction j);               // "se", "gb-eng"
std::optional<Jurisdiction> jurisdictionFromKey(const QString &key);
QString withdrawalPolicyKey(WithdrawalPolicy p);       // "stop_and_retain", "stop_and_erase"
std::optional<WithdrawalPolicy> withdrawalPolicyFromKey(const QString &key);
QString studyArmKey(StudyArm a);                       // "none", "intervention", "control"
std::optional<StudyArm> studyArmFromKey(const QString &key);

struct Site {
    QString id;             // stable within the project; generated when empty
    QString name;
    Jurisdiction jurisdiction = Jurisdiction::Sweden;
    StudyArm arm = StudyArm::None; // absent in records made before arms: none
    bool operator==(const Site &) const = default;
};

struct ProjectSettings {
    QString codePrefix;                  // participant codes: prefix + "-" + number, e.g. "LC-007"
    QString description;
    QList<Site> sites;
    QStringList languages;               // working languages, "sv" and/or "en"
    QString lawfulBasis;                 // e.g. "GDPR Art 6(1)(e) + 9(2)(j)"
    WithdrawalPolicy withdrawalPolicy = WithdrawalPolicy::StopAndRetain;
    Jurisdiction jurisdiction = Jurisdiction::Sweden; // for participants without a site
    int retentionMonths = 0;             // 0: not set
    int reconsentIntervalDays = 0;       // 0: consent does not lapse
    bool recheckEverySession = false;    // re-consent check at the start of every session
    bool childAssentRequired = true;     // a child's own assent is needed besides the guardian's consent
    bool operator==(const ProjectSettings &) const = default;

    // The jurisdiction of a site, or the project's own for an unknown or empty site.
    Jurisdiction jurisdictionFor(const QString &siteId) const;
    const Site *site(const QString &siteId) const;
};

struct Project {
    QString id;
    QString name;
    bool demo = false;
    ProjectSettings settings;
    int version = 0;
};

class Projects {
public:
    static inline const QString kKind = QStringLiteral("project");
    explicit Projects(store::RecordStore &records);

    [[nodiscard]] Result<Project> create(const QString &name, bool demo);
    [[nodiscard]] Result<Project> create(const QString &name, const ProjectSettings &settings, bool demo);
    [[nodiscard]] Result<QList<Project>> list() const;
    [[nodiscard]] Result<Project> get(const QString &id) const;
    // Saves name and settings as a new version; fields this build does not know are kept.
    [[nodiscard]] Result<Project> update(const Project &project);

    // Seeds the demo project, the learning café, with its settings, a bilingual
    // consent form and a handful of field notes (first run, screenshots).
    [[nodiscard]] Result<Project> seedDemo(Notes &notes);
    // Seeds whichever of the three demo case studies (learning café, acute
    // psychiatric ward with intervention and control wards, care network) is
    // missing; the café first in the result. On an empty store the café is
    // created last, so it lists first.
    [[nodiscard]] Result<QList<Project>> seedDemoCaseStudies(Notes &notes);

    // The project this device showed last (kept in the store's meta, never
    // synced); empty when none was chosen or it no longer exists.
    [[nodiscard]] Result<QString> rememberedOpen() const;
    [[nodiscard]] Status rememberOpen(const QString &projectId);

    // Checks settings a person typed: InvalidArgument with a detail naming the field.
    [[nodiscard]] static Status validate(const QString &name, const ProjectSettings &settings);

private:
    store::RecordStore &m_records;
};

} // namespace samla::domain
