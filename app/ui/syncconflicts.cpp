// SyncController: the list of conflicts, each with what its kind's policy did, and resolving one.
#include "synccontroller.h"

#include "appsettings.h"
#include "consenttext.h"
#include "session.h"

#include "app/domain/notes.h"
#include "app/domain/participants.h"
#include "app/domain/projects.h"
#include "app/observation/session.h"
#include "app/store/conflictpolicy.h"
#include "app/store/localstore.h"

#include <QCborArray>
#include <QDateTime>
#include <QLocale>

namespace samla::ui {

namespace {

// A field of a participant or a project, as the sentence "Both changed the
// participant's …" names it.
QString fieldName(const QString &kind, const QString &path)
{
    if (kind == domain::Participants::kKind) {
        if (path == QLatin1String("site"))
            return SyncController::tr("site");
        if (path == QLatin1String("category"))
            return SyncController::tr("category");
        if (path == QLatin1String("age_band"))
            return SyncController::tr("age band");
        if (path == QLatin1String("understands_consent"))
            return SyncController::tr("capacity to consent");
        if (path == QLatin1String("capacity_notes"))
            return SyncController::tr("notes on capacity");
        if (path == QLatin1String("code") || path == QLatin1String("number"))
            return SyncController::tr("code");
        if (path == QLatin1String("previous_codes"))
            return SyncController::tr("previous codes");
    }
    if (kind == domain::Projects::kKind) {
        if (path == QLatin1String("name"))
            return SyncController::tr("name");
        if (path == QLatin1String("settings.code_prefix"))
            return SyncController::tr("code prefix");
        if (path == QLatin1String("settings.description"))
            return SyncController::tr("description");
        if (path == QLatin1String("settings.sites"))
            return SyncController::tr("sites");
        if (path == QLatin1String("settings.languages"))
            return SyncController::tr("languages");
        if (path == QLatin1String("settings.lawful_basis"))
            return SyncController::tr("lawful basis");
        if (path == QLatin1String("settings.withdrawal_policy"))
            return SyncController::tr("withdrawal policy");
        if (path == QLatin1String("settings.retention_months"))
            return SyncController::tr("retention period");
        if (path == QLatin1String("settings.reconsent_interval_days"))
            return SyncController::tr("re-consent interval");
        if (path == QLatin1String("settings.recheck_every_session"))
            return SyncController::tr("consent check at every session");
        if (path == QLatin1String("settings.child_assent_required"))
            return SyncController::tr("child assent");
    }
    return path.section(QLatin1Char('.'), -1).replace(QLatin1Char('_'), QLatin1Char(' '));
}

QCborValue fieldAt(const QCborMap &body, const QString &path)
{
    QCborValue v(body);
    for (const QString &key : path.split(QLatin1Char('.')))
        v = v.toMap().value(key);
    return v;
}

// A field's value as a person reads it.
QString valueText(const QString &kind, const QString &path, const QCborValue &v, const QCborMap &projectBody,
                  const QLocale &locale)
{
    if (v.isUndefined() || v.isNull())
        return SyncController::tr("(empty)");
    if (kind == domain::Participants::kKind) {
        if (path == QLatin1String("site")) {
            for (const QCborValue &site : projectBody.value(QStringLiteral("settings")).toMap()
                                              .value(QStringLiteral("sites")).toArray())
                if (site.toMap().value(QStringLiteral("id")).toString() == v.toString())
                    return site.toMap().value(QStringLiteral("name")).toString();
        }
        if (path == QLatin1String("category"))
            if (auto c = domain::participantCategoryFromKey(v.toString()))
                return ConsentText::category(*c);
        if (path == QLatin1String("age_band"))
            if (auto a = domain::ageBandFromKey(v.toString()))
                return ConsentText::ageBand(*a);
    }
    if (v.isBool())
        return v.toBool() ? SyncController::tr("Yes") : SyncController::tr("No");
    if (v.isInteger())
        return locale.toString(v.toInteger());
    if (v.isString())
        return v.toString().isEmpty() ? SyncController::tr("(empty)") : v.toString();
    if (v.isArray()) {
        QStringList items;
        for (const QCborValue &item : v.toArray())
            items << (item.isMap() ? item.toMap().value(QStringLiteral("name")).toString() : item.toVariant().toString());
        return items.join(QStringLiteral(", "));
    }
    return SyncController::tr("(changed)");
}

QString joinNames(const QStringList &names, const QLocale &locale)
{
    return locale.createSeparatedList(names);
}

} // namespace

QVariantList SyncController::conflicts() const
{
    QVariantList out;
    store::LocalStore *store = m_session.store();
    if (!store)
        return out;
    auto open = store->records().openConflicts();
    if (!open.ok())
        return out;
    const QLocale locale = m_settings.locale();
    const QByteArray mine = store->records().hlcDeviceId();
    for (const store::SyncConflict &c : open.value()) {
        auto versions = store->records().versions(c.recordId);
        if (!versions.ok())
            continue;
        const store::RecordVersion *kept = nullptr;
        const store::RecordVersion *other = nullptr;
        for (const store::RecordVersion &v : versions.value()) {
            if (v.hlc == c.kept && !kept)
                kept = &v;
            if (v.hlc == c.other && !other)
                other = &v;
        }
        const store::RecordVersion &current = versions->first();
        auto record = store->records().get(c.recordId);
        const bool note = c.kind == domain::Notes::kKind;
        const bool participant = c.kind == domain::Participants::kKind;
        const bool project = c.kind == domain::Projects::kKind;
        const bool fields = c.policy == store::conflictPolicyKey(store::ConflictPolicy::MergeFields);
        const bool review = c.policy == store::conflictPolicyKey(store::ConflictPolicy::Finalisable);
        QCborMap projectBody;
        if (record.ok())
            if (auto p = store->records().get(record->projectId); p.ok())
                projectBody = p->body;

        auto timeOf = [&locale](const store::RecordVersion *v) {
            return v ? locale.toString(QDateTime::fromMSecsSinceEpoch(v->hlc.physicalMs).toLocalTime(),
                                       QLocale::ShortFormat)
                     : QString();
        };
        auto deviceOf = [&mine](const store::RecordVersion *v) {
            if (!v)
                return QString();
            return v->hlc.deviceId == mine ? tr("this device") : tr("another device");
        };
        auto stateOf = [](const store::RecordVersion *v) {
            if (!v)
                return QString();
            const QString state = v->body.value(QStringLiteral("state")).toString();
            if (state == observation::sessionStateKey(observation::SessionState::Finalised))
                return tr("Finalised");
            if (state == observation::sessionStateKey(observation::SessionState::Stopped))
                return tr("Stopped, not finalised");
            return tr("Being coded, not finalised");
        };

        QVariantMap m;
        m.insert(QStringLiteral("id"), qint64(c.id));
        m.insert(QStringLiteral("kind"), c.kind);
        m.insert(QStringLiteral("policy"), c.policy);
        m.insert(QStringLiteral("note"), note);
        m.insert(QStringLiteral("fieldConflict"), fields);
        m.insert(QStringLiteral("review"), review);
        m.insert(QStringLiteral("canUseOther"), !review && other != nullptr);

        QString title;
        if (note)
            title = current.body.value(QStringLiteral("title")).toString();
        else if (participant)
            title = tr("Participant %1").arg(current.body.value(QStringLiteral("code")).toString());
        else if (project)
            title = tr("Project %1").arg(current.body.value(QStringLiteral("name")).toString());
        else if (c.kind == observation::Sessions::kSessionKind)
            title = tr("Observation session");
        if (title.isEmpty())
            title = note ? tr("Untitled note") : c.kind;
        m.insert(QStringLiteral("title"), title);

        QVariantList rows;
        QStringList names;
        if (fields && kept && other) {
            for (const QString &path : c.fields) {
                const QString name = fieldName(c.kind, path);
                names << name;
                QVariantMap row;
                QString label = name;
                if (!label.isEmpty())
                    label[0] = label[0].toUpper();
                row.insert(QStringLiteral("label"), label);
                row.insert(QStringLiteral("current"), valueText(c.kind, path, fieldAt(kept->body, path), projectBody, locale));
                row.insert(QStringLiteral("other"), valueText(c.kind, path, fieldAt(other->body, path), projectBody, locale));
                rows.append(row);
            }
        }
        m.insert(QStringLiteral("fields"), rows);

        // What the policy did, in a sentence.
        QString summary;
        if (fields && participant)
            summary = tr("Both changed the participant's %1; the later change is in force. Other changes were "
                         "merged.").arg(joinNames(names, locale));
        else if (fields && project)
            summary = tr("Both changed the project's %1; the later change is in force. Other changes were "
                         "merged.").arg(joinNames(names, locale));
        else if (fields)
            summary = tr("Both changed %1; the later change is in force. Other changes were merged.")
                          .arg(joinNames(names, locale));
        else if (review)
            summary = tr("This observation session was finalised on one device and changed on another. Both "
                         "versions are kept and the finalised one is in force. Check them; a correction is made "
                         "as a new session.");
        else if (note)
            summary = tr("Both versions of this note are kept. The later one is shown; you can use the other "
                         "instead.");
        else
            summary = tr("Both versions are kept; the later one is in force.");
        m.insert(QStringLiteral("summary"), summary);

        auto textOf = [&](const store::RecordVersion *v) {
            if (!v)
                return QString();
            if (note)
                return v->body.value(QStringLiteral("text")).toString();
            if (review)
                return stateOf(v);
            return QString();
        };
        m.insert(QStringLiteral("currentText"), textOf(kept));
        m.insert(QStringLiteral("otherText"), textOf(other));
        m.insert(QStringLiteral("currentTime"), timeOf(kept));
        m.insert(QStringLiteral("otherTime"), timeOf(other));
        m.insert(QStringLiteral("currentDevice"), deviceOf(kept));
        m.insert(QStringLiteral("otherDevice"), deviceOf(other));
        out.append(m);
    }
    return out;
}

bool SyncController::keepCurrent(qint64 conflictId)
{
    store::LocalStore *store = m_session.store();
    // Not while a sync runs: it may bring a newer version of the same record.
    if (!store || busy())
        return false;
    auto resolved = store->records().resolveConflict(conflictId, store::ConflictChoice::KeepCurrent);
    if (!resolved.ok()) {
        showError(resolved.error());
        emit stateChanged();
        return false;
    }
    reloadState();
    return true;
}

bool SyncController::useOther(qint64 conflictId)
{
    store::LocalStore *store = m_session.store();
    if (!store || busy())
        return false;
    // The other side becomes current as a new version, sent like any edit;
    // the resolution closes the conflict on the other devices too.
    auto resolved = store->records().resolveConflict(conflictId, store::ConflictChoice::UseOther);
    if (!resolved.ok()) {
        showError(resolved.error());
        emit stateChanged();
        return false;
    }
    emit synced();
    reloadState();
    return true;
}

} // namespace samla::ui
