// Attachments through sync: the real samla-server on loopback (both stores), a 5 MB photo from
// one device to another, uploads and downloads cut off mid-way and resumed from where they
// stopped, a blob that does not match its name refused, and who may fetch what.
#include "synctestsupport.h"
#include "appdevice.h"

#include "app/domain/notes.h"
#include "app/domain/projects.h"
#include "app/store/attachmentstore.h"
#include "app/store/localstore.h"
#include "app/sync/devicesync.h"
#include "platform/crypto/hasher.h"
#include "sync/client/attachmentsync.h"
#include "sync/protocol/attachmentmessages.h"

#include <QBuffer>
#include <QDir>
#include <QFile>

using namespace samla;
using namespace samla::sync;
using samla::test::FaultProxy;
using samla::test::MemoryJournal;
using samla::test::ServerProcess;
using samla::test::filesContaining;
using samla::test::TestDevice;

namespace {

using Fault = FaultProxy::Fault;
constexpr qsizetype kPhotoBytes = 5 * 1000 * 1000;

QByteArray randomBytes(qsizetype n)
{
    QByteArray out;
    out.reserve(n);
    while (out.size() < n)
        out += crypto::randomBytes(int(std::min<qsizetype>(64 * 1024, n - out.size())));
    return out;
}

QString nameOf(const QByteArray &bytes)
{
    crypto::Hasher h;
    h.update(bytes);
    return QString::fromLatin1(h.finish().toHex());
}

// Counts attachment bytes as they leave for (and arrive from) the server,
// whether or not the request gets through.
class CountingTransport final : public Transport {
public:
    explicit CountingTransport(Transport &inner) : m_inner(inner) {}
    qint64 sent = 0;
    qint64 received = 0;
    Result<HttpResponse> send(const QByteArray &method, const QByteArray &target, const HeaderList &headers,
                              const QByteArray &body) override
    {
        const bool blob = target.startsWith(protocol::kAttachmentsPath) && !target.contains("/status");
        if (blob && method == "PUT")
            sent += body.size();
        auto r = m_inner.send(method, target, headers, body);
        if (blob && method == "GET" && r.ok() && r->status == 200)
            received += r->body.size();
        return r;
    }

private:
    Transport &m_inner;
};

// One device on the plain-HTTP server, optionally through a fault proxy.
struct Device {
    TestDevice keys;
    QTemporaryDir dir;
    std::unique_ptr<FaultProxy> proxy;
    std::unique_ptr<BeastTransport> transport;
    std::unique_ptr<CountingTransport> counting;
    std::unique_ptr<SyncClient> client;
    MemoryJournal journal;
    SyncProgress progress;
};

} // namespace

class TestSyncAttachments : public QObject {
    Q_OBJECT
    SystemClock m_clock;
    const crypto::SecureBytes m_projectKey = crypto::SecureBytes::random(32);

    std::unique_ptr<Device> device(ServerProcess &server, const QString &project, const char *role, bool viaProxy)
    {
        auto d = std::make_unique<Device>();
        {
            BeastTransport direct(QStringLiteral("127.0.0.1"), server.port());
            SyncClient enrolClient(direct, m_clock, d->keys.sign, server.fingerprint());
            if (!enrolClient.enrol(server.enrolToken(project, role), d->keys.box.publicKey).ok())
                return nullptr;
        }
        std::uint16_t port = server.port();
        if (viaProxy) {
            d->proxy = std::make_unique<FaultProxy>(server.port());
            if (!d->proxy->start([](int) { return Fault::Pass; }))
                return nullptr;
            port = d->proxy->port();
        }
        BeastTransportOptions t;
        t.timeout = std::chrono::milliseconds(3000);
        d->transport = std::make_unique<BeastTransport>(QStringLiteral("127.0.0.1"), port, t);
        d->counting = std::make_unique<CountingTransport>(*d->transport);
        SyncClientOptions o;
        o.attempts = 3;
        o.backoff = std::chrono::milliseconds(5);
        o.maxBackoff = std::chrono::milliseconds(20);
        o.attachmentDirectory = d->dir.path();
        o.attachmentChunk = 256 * 1024;
        d->client = std::make_unique<SyncClient>(*d->counting, m_clock, d->keys.sign, server.fingerprint(), o);
        d->client->setProjectKey(project, 1, m_projectKey.clone());
        return d;
    }

    static bool writeFile(const QString &path, const QByteArray &bytes)
    {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    }
    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static Result<protocol::AttachmentStatus> serverStatus(SyncClient &client, const QString &project,
                                                           const QString &hash)
    {
        auto r = client.signedRequest("GET", protocol::kAttachmentsPath + hash.toLatin1() + "/status?project="
                                                 + project.toLatin1(), {});
        if (!r.ok())
            return r.error();
        if (r->status != 200)
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("status %1").arg(r->status));
        return protocol::AttachmentStatus::decode(r->body);
    }

private slots:
    void initTestCase() { QVERIFY(crypto::initialize().ok()); }

    // The app: a note with a 5 MB photo made on one device is on the other,
    // byte for byte, after both sync; the note waits in the outbox (pending)
    // while its photo cannot go up.
    void photoTravelsWithItsNote()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString serverProject = server.createProject();
        QVERIFY(server.start(0, {}, ServerProcess::Tls::On));
        auto codeFor = [&](const char *role) { return server.enrolCode(serverProject, role); };

        struct App : test::AppDevice {
            SyncProgress last;
        };
        auto open = [this](App &a) {
            SyncClientOptions o;
            o.progress = [&a](const SyncProgress &p) { a.last = p; };
            return a.open(m_clock, o);
        };
        App admin, field;
        QVERIFY(open(admin));
        QVERIFY(open(field));

        auto project = admin.projects->create(QStringLiteral("Ward study"), false);
        QVERIFY(project.ok());
        auto note = admin.notes->create(project->id, QStringLiteral("Corridor"), QStringLiteral("Photo of the board"));
        QVERIFY(note.ok());
        const QByteArray photo = randomBytes(kPhotoBytes);
        QBuffer source;
        source.setData(photo);
        source.open(QIODevice::ReadOnly);
        auto ref = admin.store->attachments().write(source, admin.store->attachmentKeyFor(note->id));
        QVERIFY(ref.ok());
        QVERIFY(admin.notes->attach(note->id, domain::NoteAttachment{ref.value(), QStringLiteral("photo"),
                                                                      QStringLiteral("image/jpeg"), 1, 0}).ok());
        auto joined = admin.sync->join(codeFor("admin"), project->id);
        QVERIFY2(joined.ok(), qPrintable(joined.ok() ? QString() : joined.error().detail));

        // A second note whose photo is damaged on this device: the server
        // refuses the file by its hash; the note goes without it (one file
        // that can never go must not hold back everything after it), and
        // the sync says so.
        auto damagedNote = admin.notes->create(project->id, QStringLiteral("Door"), QStringLiteral("Photo of the door"));
        QVERIFY(damagedNote.ok());
        QBuffer damagedSource;
        damagedSource.setData(randomBytes(64 * 1024));
        damagedSource.open(QIODevice::ReadOnly);
        auto damagedRef = admin.store->attachments().write(damagedSource, admin.store->attachmentKeyFor(damagedNote->id));
        QVERIFY(damagedRef.ok());
        QVERIFY(admin.notes->attach(damagedNote->id, domain::NoteAttachment{damagedRef.value(), QStringLiteral("photo"),
                                                                             QStringLiteral("image/jpeg"), 1, 0}).ok());
        const QString damagedPath = admin.store->attachments().pathFor(damagedRef->hash);
        QByteArray bad = readFile(damagedPath);
        bad[bad.size() / 2] = char(bad.at(bad.size() / 2) ^ 0x01);
        QVERIFY(writeFile(damagedPath, bad));

        QVERIFY(admin.sync->pendingCount().value() >= 5);   // the project, two notes and their versions with photos
        auto sent = admin.sync->syncNow();
        QVERIFY2(sent.ok(), qPrintable(sent.ok() ? QString() : sent.error().detail));
        QCOMPARE(admin.sync->pendingCount().value(), 0);
        QCOMPARE(admin.last.attachmentsSkipped, 1);
        // The good photo's bytes all went; the damaged one's last chunk was refused.
        QVERIFY(admin.last.attachmentBytesDone >= kPhotoBytes);
        QVERIFY(admin.last.attachmentBytesDone < admin.last.attachmentBytesTotal);

        QVERIFY(field.sync->join(codeFor("member")).ok());
        QVERIFY(field.sync->syncNow().ok());
        auto members = admin.sync->members(serverProject);
        QVERIFY(members.ok());
        QList<protocol::Member> toApprove;
        for (const protocol::Member &m : members.value())
            if (m.signKey.toHex() == field.sync->deviceId())
                toApprove.append(m);
        QVERIFY(admin.sync->approve(serverProject, toApprove).ok());
        auto pulled = field.sync->syncNow();
        QVERIFY2(pulled.ok(), qPrintable(pulled.ok() ? QString() : pulled.error().detail));
        QVERIFY(field.last.attachmentBytesTotal >= kPhotoBytes);

        auto arrived = field.notes->get(note->id);
        QVERIFY(arrived.ok());
        QCOMPARE(arrived->attachments.size(), 1);
        const store::AttachmentRef &fieldRef = arrived->attachments.first().ref;
        QCOMPARE(fieldRef.hash, ref->hash);
        QVERIFY(field.store->attachments().contains(fieldRef.hash));
        // The note whose photo could not go arrived without it; its sync did not stop for it.
        auto withoutPhoto = field.notes->get(damagedNote->id);
        QVERIFY(withoutPhoto.ok());
        QVERIFY(!field.store->attachments().contains(damagedRef->hash));
        QByteArray opened;
        QBuffer out(&opened);
        out.open(QIODevice::WriteOnly);
        const Status read = field.store->attachments().read(fieldRef, field.store->attachmentKeyFor(note->id), out);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().detail));
        QCOMPARE(opened.size(), photo.size());
        QVERIFY(opened == photo);
        // No partial download left behind.
        QVERIFY(QDir(field.store->attachments().directory())
                    .entryList({QStringLiteral(".download-*")}, QDir::Files | QDir::Hidden)
                    .isEmpty());

        // The note is erased on the first device: after a sync its photo is
        // gone from the second device's disk too, not only the note, and
        // the server deleted the photo's ciphertext and the note's envelopes
        // (ARCHITECTURE §6): a device that joins later gets neither.
        const QByteArray photoCiphertext = readFile(admin.store->attachments().pathFor(ref->hash));
        QVERIFY(photoCiphertext.size() > kPhotoBytes);
        // Its first bytes (the first chunk on PostgreSQL starts there too).
        const QByteArray slice = photoCiphertext.left(48);
        if (server.onPostgres())
            QVERIFY(server.database().dump().contains(slice.toHex()));
        else
            QVERIFY(!filesContaining(server.dataDir(), slice).isEmpty());
        auto erased = admin.store->records().erase({note->id});
        QVERIFY(erased.ok());
        for (const QString &hash : erased->attachmentHashes)
            QVERIFY(admin.store->attachments().remove(hash).ok());
        QVERIFY(admin.sync->syncNow().ok());
        QVERIFY(field.sync->syncNow().ok());
        QVERIFY(!field.store->attachments().contains(fieldRef.hash));
        QCOMPARE(field.notes->get(note->id).code(), ErrorCode::NotFound);
        // The note had two versions on the server (made, then the photo attached).
        QVERIFY2(server.log().contains("erased-envelopes 2 erased-blobs 1"), server.log().right(2000).constData());

        App later;
        QVERIFY(open(later));
        QVERIFY(later.sync->join(codeFor("member")).ok());
        QVERIFY(later.sync->syncNow().ok());
        members = admin.sync->members(serverProject);
        QVERIFY(members.ok());
        toApprove.clear();
        for (const protocol::Member &m : members.value())
            if (m.signKey.toHex() == later.sync->deviceId())
                toApprove.append(m);
        QVERIFY(admin.sync->approve(serverProject, toApprove).ok());
        QVERIFY(later.sync->syncNow().ok());
        QVERIFY(later.notes->get(damagedNote->id).ok());
        QVERIFY(!later.notes->get(note->id).ok());
        QCOMPARE(later.last.attachmentBytesTotal, 0);
        QVERIFY(!later.store->attachments().contains(ref->hash));
        QVERIFY(server.terminate() == 0);
        QCOMPARE(filesContaining(server.dataDir(), slice), QStringList());
        if (server.onPostgres())
            QVERIFY(!server.database().dump().contains(slice.toHex()));
    }

    // An upload cut off mid-way goes on from the server's offset: the op
    // stays in the outbox until the whole file is there, and far fewer than
    // twice the file's bytes are sent in all.
    void uploadResumesFromTheServersOffset()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString project = server.createProject();
        QVERIFY(server.start());
        auto a = device(server, project, "member", true);
        QVERIFY(a);
        const QByteArray blob = randomBytes(kPhotoBytes);
        const QString hash = nameOf(blob);
        QVERIFY(writeFile(a->dir.filePath(hash), blob));
        OutgoingOp op = a->keys.op(project, "note with a photo");
        op.attachments = {hash};
        a->journal.outbox.append(op);

        // A lost answer early on (the chunk arrived), then the network goes
        // away for good a few chunks later.
        a->proxy->setPlan([](int i) { return i == 4 ? Fault::DropResponse : i >= 9 ? Fault::ResetBeforeServer : Fault::Pass; });
        QVERIFY(!a->client->sync(a->journal).ok());
        QCOMPARE(a->journal.outbox.size(), 1);   // pending: the op waits for its file

        auto direct = device(server, project, "member", false);
        QVERIFY(direct);
        auto held = serverStatus(*direct->client, project, hash);
        QVERIFY(held.ok());
        QVERIFY(held->held > 0);
        QVERIFY(held->held < blob.size());
        QVERIFY(!held->complete);

        a->proxy->setPlan([](int) { return Fault::Pass; });
        const Status healed = a->client->sync(a->journal);
        QVERIFY2(healed.ok(), qPrintable(healed.ok() ? QString() : healed.error().detail));
        QVERIFY(a->journal.outbox.isEmpty());
        QVERIFY2(a->counting->sent < 2 * blob.size(), qPrintable(QString::number(a->counting->sent)));
        held = serverStatus(*direct->client, project, hash);
        QVERIFY(held.ok());
        QVERIFY(held->complete);
        QCOMPARE(held->size, qint64(blob.size()));

        // The reader gets exactly these bytes, under their name.
        AttachmentSync fetch(*direct->client, direct->dir.path(), 1024 * 1024, direct->progress);
        auto got = fetch.download(project, hash);
        QVERIFY(got.ok() && got.value());
        QVERIFY(readFile(direct->dir.filePath(hash)) == blob);
    }

    // A download cut off mid-way leaves only a partial file (never one under
    // the attachment's name) and goes on from its end.
    void downloadResumes()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString project = server.createProject();
        QVERIFY(server.start());
        auto a = device(server, project, "member", false);
        auto b = device(server, project, "member", true);
        QVERIFY(a && b);
        const QByteArray blob = randomBytes(kPhotoBytes);
        const QString hash = nameOf(blob);
        QVERIFY(writeFile(a->dir.filePath(hash), blob));
        AttachmentSync up(*a->client, a->dir.path(), 1024 * 1024, a->progress);
        QVERIFY(up.upload(project, hash).ok());

        b->proxy->setPlan([](int i) { return i >= 8 ? Fault::ResetMidResponse : Fault::Pass; });
        AttachmentSync down(*b->client, b->dir.path(), 256 * 1024, b->progress);
        QVERIFY(!down.download(project, hash).ok());
        QVERIFY(!QFile::exists(b->dir.filePath(hash)));
        const QString partial = b->dir.filePath(AttachmentSync::partialName(hash));
        QVERIFY(QFile::exists(partial));
        QVERIFY(QFileInfo(partial).size() > 0);
        QVERIFY(QFileInfo(partial).size() < blob.size());

        b->proxy->setPlan([](int) { return Fault::Pass; });
        auto done = down.download(project, hash);
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().detail));
        QVERIFY(done.value());
        QVERIFY(readFile(b->dir.filePath(hash)) == blob);
        QVERIFY(!QFile::exists(partial));
        QVERIFY2(b->counting->received < 2 * blob.size(), qPrintable(QString::number(b->counting->received)));
    }

    // Bytes that do not match the name they are sent under are refused when
    // the last chunk arrives, and the server keeps nothing of them.
    void wrongBytesAreRefusedByHash()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString project = server.createProject();
        QVERIFY(server.start());
        auto a = device(server, project, "member", false);
        QVERIFY(a);
        const QByteArray blob = randomBytes(600 * 1024);
        const QString hash = nameOf(blob);
        QByteArray flipped = blob;
        flipped[300 * 1024] = char(flipped.at(300 * 1024) ^ 0x40);
        QVERIFY(writeFile(a->dir.filePath(hash), flipped));
        AttachmentSync up(*a->client, a->dir.path(), 256 * 1024, a->progress);
        const Status refused = up.upload(project, hash);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().detail.contains(QLatin1String("hash-mismatch")), qPrintable(refused.error().detail));
        auto held = serverStatus(*a->client, project, hash);
        QVERIFY(held.ok());
        QVERIFY(!held->complete);
        QCOMPARE(held->held, qint64(0));
        auto get = a->client->signedRequest("GET", protocol::kAttachmentsPath + hash.toLatin1() + "?project="
                                                       + project.toLatin1() + "&offset=0", {});
        QVERIFY(get.ok());
        QCOMPARE(get->status, 404);

        // The right bytes then go up from the start.
        QVERIFY(writeFile(a->dir.filePath(hash), blob));
        AttachmentSync again(*a->client, a->dir.path(), 256 * 1024, a->progress);
        QVERIFY(again.upload(project, hash).ok());
        QVERIFY(serverStatus(*a->client, project, hash)->complete);
    }

    // Only devices that read the project fetch its attachments: not a device
    // of another project, not a write-only (diary) device, which may send.
    void onlyTheProjectsReadersDownload()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString project = server.createProject();
        const QString other = server.createProject();
        QVERIFY(server.start());
        auto diary = device(server, project, "writeonly", false);
        auto reader = device(server, project, "member", false);
        auto stranger = device(server, other, "member", false);
        QVERIFY(diary && reader && stranger);
        const QByteArray blob = randomBytes(300 * 1024);
        const QString hash = nameOf(blob);
        QVERIFY(writeFile(diary->dir.filePath(hash), blob));
        AttachmentSync up(*diary->client, diary->dir.path(), 128 * 1024, diary->progress);
        QVERIFY(up.upload(project, hash).ok());

        const QByteArray path = protocol::kAttachmentsPath + hash.toLatin1() + "?offset=0&project=";
        auto asStranger = stranger->client->signedRequest("GET", path + project.toLatin1(), {});
        QVERIFY(asStranger.ok());
        QCOMPARE(asStranger->status, 403);
        auto inOwnProject = stranger->client->signedRequest("GET", path + other.toLatin1(), {});
        QVERIFY(inOwnProject.ok());
        QCOMPARE(inOwnProject->status, 404);
        AttachmentSync strangerFetch(*stranger->client, stranger->dir.path(), 128 * 1024, stranger->progress);
        QVERIFY(!strangerFetch.download(project, hash).ok());
        QVERIFY(!QFile::exists(stranger->dir.filePath(hash)));

        auto asDiary = diary->client->signedRequest("GET", path + project.toLatin1(), {});
        QVERIFY(asDiary.ok());
        QCOMPARE(asDiary->status, 403);

        AttachmentSync fetch(*reader->client, reader->dir.path(), 128 * 1024, reader->progress);
        auto got = fetch.download(project, hash);
        QVERIFY(got.ok() && got.value());
        QVERIFY(readFile(reader->dir.filePath(hash)) == blob);

        // Larger than any attachment may be: refused before a byte is kept.
        auto huge = reader->client->signedRequest(
            "PUT", protocol::kAttachmentsPath + QByteArray(64, 'a') + "?project=" + project.toLatin1()
                       + "&size=" + QByteArray::number(protocol::kMaxAttachmentBytes + 1) + "&offset=0",
            QByteArray(16, 'x'));
        QVERIFY(huge.ok());
        QCOMPARE(huge->status, 413);
    }
};

QTEST_GUILESS_MAIN(TestSyncAttachments)
#include "tst_sync_attachments.moc"
