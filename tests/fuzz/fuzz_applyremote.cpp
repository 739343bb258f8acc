// Fuzzes the app's decoding of pulled ops: StoreJournal::apply (the op's project, attachment
// references, write-only submissions) and RecordStore::applyRemote (the op map, versions, erasure),
// on a device store that syncs one project. The ops' plaintexts come from the input: the envelope
// around them verified and opened, so they are what another device of the project (or a broken one)
// wrote.
// Input: ops separated by "\n~~\n"; each op's first byte marks it a write-only device's submission
// (bit 0) and picks its author (bit 1), the rest is the op's plaintext.
// Contract: no op, however malformed, makes apply fail (a page that cannot be applied would stop
// every device's sync at it for good): it is applied or skipped and counted, and the cursor moves.
#include "fuzzsupport.h"

#include "app/store/localstore.h"
#include "app/store/recordstore.h"
#include "app/sync/storejournal.h"
#include "platform/db/database.h"
#include "sync/protocol/canonicalcbor.h"

#include <QCborArray>
#include <QCborMap>
#include <QCoreApplication>
#include <QDir>

namespace samla::fuzz {

using namespace samla::protocol;

namespace {

const QString kLocalProject = QStringLiteral("0190f0c2-1111-7000-8000-000000000001");
const QString kServerProject = QStringLiteral("0190f0c2-aaaa-7000-8000-000000000001");
const QByteArray kSeparator("\n~~\n");
constexpr int kRunsPerStore = 5'000;

struct Device {
    ManualClock clock{1'750'000'000'000};
    std::unique_ptr<store::LocalStore> store;
    std::unique_ptr<appsync::StoreJournal> journal;
    std::int64_t cursor = 0;
    int runs = 0;
};

QString dataDir()
{
    return QStringLiteral("/dev/shm/samla-fuzz-apply-%1").arg(QCoreApplication::applicationPid());
}

std::unique_ptr<Device> makeDevice()
{
    auto d = std::make_unique<Device>();
    QDir(dataDir()).removeRecursively();
    QByteArray pass("fuzz passphrase");
    auto created = store::LocalStore::create(dataDir(), crypto::SecureBytes::fromUtf8AndWipe(pass), {1, 8 * 1024},
                                             d->clock);
    SAMLA_FUZZ_CHECK(created.ok());
    d->store = std::move(created->store);
    auto link = d->store->database().prepare(
        "INSERT INTO sync_projects(project_id, server_project, role, joined_ms) VALUES(?1, ?2, 'member', 1)");
    SAMLA_FUZZ_CHECK(link.ok());
    link->bind(1, kLocalProject).bind(2, kServerProject);
    SAMLA_FUZZ_CHECK(link->run().ok());
    d->journal = std::make_unique<appsync::StoreJournal>(*d->store);
    return d;
}

std::unique_ptr<Device> g_device;

QByteArray opMap(int version, const QByteArray &hlc, const QCborValue &body, bool deleted = false, bool erased = false,
                 const QByteArray &base = {})
{
    QCborMap m;
    m.insert(QStringLiteral("id"), QStringLiteral("0190f0c2-0000-7000-8000-000000000042"));
    m.insert(QStringLiteral("kind"), QStringLiteral("note"));
    m.insert(QStringLiteral("project"), kLocalProject);
    m.insert(QStringLiteral("version"), version);
    m.insert(QStringLiteral("hlc"), hlc);
    if (!base.isEmpty())
        m.insert(QStringLiteral("base"), base);
    if (deleted)
        m.insert(QStringLiteral("deleted"), true);
    if (erased)
        m.insert(QStringLiteral("erased"), true);
    if (!body.isUndefined())
        m.insert(QStringLiteral("body"), body);
    return encodeCanonical(m);
}

} // namespace

void setUp()
{
    g_device = makeDevice();
    std::atexit([] {
        g_device.reset();
        QDir(dataDir()).removeRecursively();
    });
}

void writeSeeds(SeedWriter &out)
{
    const QByteArray stamp1 = HlcStamp{1'750'000'000'000, 0, QByteArray(16, '\x01')}.toBytes();
    const QByteArray stamp2 = HlcStamp{1'750'000'000'500, 0, QByteArray(16, '\x02')}.toBytes();
    QCborMap body;
    body.insert(QStringLiteral("text"), QStringLiteral("Observation at the day centre"));
    QCborMap photo;
    photo.insert(QStringLiteral("hash"), QString(64, QLatin1Char('c')));
    photo.insert(QStringLiteral("size"), 1234);
    photo.insert(QStringLiteral("key"), QByteArray(32, '\x09'));
    body.insert(QStringLiteral("media"), QCborArray{photo});
    const QByteArray normal(1, '\0');
    out.add("note", normal + opMap(1, stamp1, body));
    out.add("two-versions",
            normal + opMap(1, stamp1, body) + kSeparator + normal + opMap(2, stamp2, body, false, false, stamp1));
    out.add("deleted", normal + opMap(1, stamp1, body) + kSeparator + normal + opMap(2, stamp2, QCborValue(), true));
    out.add("erased", normal + opMap(1, stamp1, body) + kSeparator + normal + opMap(2, stamp2, QCborValue(), true, true));
    out.add("submission", QByteArray(1, '\1') + opMap(1, stamp1, body));
}

void fuzzOne(QByteArrayView input)
{
    if (++g_device->runs > kRunsPerStore)
        g_device = makeDevice();
    QList<sync::IncomingOp> ops;
    const QByteArray bytes = input.toByteArray();
    std::int64_t seq = g_device->cursor;
    for (qsizetype at = 0; at < bytes.size();) {
        qsizetype end = bytes.indexOf(kSeparator, at);
        if (end < 0)
            end = bytes.size();
        const QByteArray part = bytes.mid(at, end - at);
        at = end + kSeparator.size();
        if (part.isEmpty())
            continue;
        sync::IncomingOp op;
        op.serverSeq = ++seq;
        op.header.projectId = kServerProject;
        op.header.recordId = QStringLiteral("0190f0c2-0000-7000-8000-000000000042");
        op.header.kind = QStringLiteral("note");
        op.header.keyEpoch = 1;
        op.header.authorDevice = fixedSignKey(part.front() & 2 ? 3 : 1).publicKey;
        op.header.deviceSeq = op.serverSeq;
        op.header.opId = crypto::randomBytes(16);
        op.header.hlc = HlcStamp{1'750'000'000'000, 0, QByteArray(16, '\x01')};
        op.header.submission = part.front() & 1;
        op.plaintext = part.mid(1);
        ops.append(op);
    }
    const std::int64_t next = seq + 1;
    const Status applied = g_device->journal->apply(ops, next);
    SAMLA_FUZZ_CHECK(applied.ok());
    auto cursor = g_device->journal->cursor();
    SAMLA_FUZZ_CHECK(cursor.ok() && cursor.value() == next);
    g_device->cursor = next;
}

} // namespace samla::fuzz
