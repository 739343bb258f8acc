// Photos and audio with notes: encrypted before any byte reaches the disk, while recording and after.
#include "tst_consentfixture.h"

#include "app/domain/notes.h"
#include "app/store/attachmentstore.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QImage>
#include <QTest>

using namespace samla;
using namespace samla::domain;

namespace {

const QByteArray kCanary = "CANARY-pcm-4f7a1e-kanariefagel";

// Every file under `dir` changed since `since` that contains the canary.
QStringList filesContaining(const QString &dir, const QByteArray &needle, const QDateTime &since)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info(path);
        if (info.lastModified() < since || info.size() > 256 * 1024 * 1024)
            continue;
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << path;
    }
    return hits;
}

// Plausible 16-bit PCM with the canary written into it now and then.
QByteArray fakePcm(int bytes)
{
    QByteArray pcm(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; ++i)
        pcm[i] = char((i * 37) & 0xff);
    for (int at = 1000; at + kCanary.size() < bytes; at += 200'000)
        pcm.replace(at, kCanary.size(), kCanary);
    return pcm;
}

} // namespace

class TestNoteAttachments : public QObject {
    Q_OBJECT

    std::unique_ptr<test::ConsentFixture> f;
    QDateTime m_start;

private slots:
    void initTestCase() { QVERIFY(crypto::initialize().ok()); }

    void init()
    {
        m_start = QDateTime::currentDateTime().addSecs(-2);
        f = std::make_unique<test::ConsentFixture>();
        QVERIFY(f->setUp());
    }

    void cleanup() { f.reset(); }

    void aRecordingIsEncryptedWhileItIsMade()
    {
        Notes notes(f->store->records());
        auto note = notes.create(f->project.id, QStringLiteral("Intervju"), QStringLiteral("Inspelning i dagrummet"));
        QVERIFY(note.ok());
        auto sink = f->store->attachments().begin(f->store->attachmentKeyFor(note->id));
        QVERIFY(sink.ok());

        // 3 MB in the small pieces an audio source delivers.
        const QByteArray pcm = fakePcm(3 * 1024 * 1024);
        for (qsizetype at = 0; at < pcm.size(); at += 4096) {
            QCOMPARE(sink.value()->write(pcm.constData() + at, std::min<qsizetype>(4096, pcm.size() - at)),
                     std::min<qsizetype>(4096, pcm.size() - at));
            if (at == 2 * 1024 * 1024) {
                // Mid-recording: nothing in clear in the data directory or the temp directory.
                QCOMPARE(filesContaining(f->dataDir(), kCanary, m_start), QStringList());
                QCOMPARE(filesContaining(QDir::tempPath(), kCanary, m_start), QStringList());
            }
        }
        auto ref = sink.value()->commit();
        QVERIFY2(ref.ok(), qPrintable(ref.ok() ? QString() : ref.error().detail));
        QCOMPARE(ref->plainSize, pcm.size());
        auto attached = notes.attach(note->id, NoteAttachment{*ref, QStringLiteral("audio"), QStringLiteral("audio/L16"),
                                                              f->clock.nowMs()});
        QVERIFY(attached.ok());
        QCOMPARE(attached->attachments.size(), 1);
        QCOMPARE(notes.get(note->id)->attachments.first().ref.hash, ref->hash);

        QCOMPARE(filesContaining(f->dataDir(), kCanary, m_start), QStringList());
        QCOMPARE(filesContaining(QDir::tempPath(), kCanary, m_start), QStringList());
        // Only the named, encrypted file is left in the attachments directory.
        QCOMPARE(QDir(f->store->attachments().directory()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{ref->hash});

        QBuffer back;
        QVERIFY(back.open(QIODevice::WriteOnly));
        QVERIFY(f->store->attachments().read(*ref, f->store->attachmentKeyFor(note->id), back).ok());
        QCOMPARE(back.data(), pcm);
        // Another note's key does not open it.
        QBuffer wrong;
        QVERIFY(wrong.open(QIODevice::WriteOnly));
        QVERIFY(!f->store->attachments().read(*ref, f->store->attachmentKeyFor(QStringLiteral("other")), wrong).ok());
    }

    void chunkBoundariesAndEmptyRecordingsRoundTrip_data()
    {
        QTest::addColumn<int>("size");
        QTest::newRow("empty") << 0;
        QTest::newRow("one byte") << 1;
        QTest::newRow("exactly one chunk") << int(crypto::kDefaultChunkBytes);
        QTest::newRow("exactly three chunks") << int(3 * crypto::kDefaultChunkBytes);
        QTest::newRow("three chunks and a byte") << int(3 * crypto::kDefaultChunkBytes + 1);
    }

    void chunkBoundariesAndEmptyRecordingsRoundTrip()
    {
        QFETCH(int, size);
        const crypto::SecureBytes key = f->store->attachmentKeyFor(QStringLiteral("n"));
        auto sink = f->store->attachments().begin(key);
        QVERIFY(sink.ok());
        const QByteArray data = fakePcm(size);
        QCOMPARE(sink.value()->write(data), qint64(size));
        auto ref = sink.value()->commit();
        QVERIFY(ref.ok());
        QBuffer back;
        QVERIFY(back.open(QIODevice::WriteOnly));
        QVERIFY(f->store->attachments().read(*ref, key, back).ok());
        QCOMPARE(back.data(), data);
    }

    void anAbandonedRecordingLeavesNothing()
    {
        {
            auto sink = f->store->attachments().begin(f->store->attachmentKeyFor(QStringLiteral("n")));
            QVERIFY(sink.ok());
            QVERIFY(sink.value()->write(fakePcm(300'000)) > 0);
        }
        QCOMPARE(QDir(f->store->attachments().directory()).entryList(QDir::Files | QDir::Hidden), QStringList());
    }

    void aPhotoIsEncodedInMemoryAndStoredEncrypted()
    {
        Notes notes(f->store->records());
        auto note = notes.create(f->project.id, QStringLiteral("Whiteboard"), QStringLiteral("Idéer från workshopen"));
        QImage photo(320, 240, QImage::Format_RGB32);
        photo.fill(Qt::darkCyan);
        QBuffer jpeg;
        QVERIFY(jpeg.open(QIODevice::WriteOnly));
        QVERIFY(photo.save(&jpeg, "JPEG"));
        QByteArray encoded = jpeg.data();
        encoded.append(kCanary); // trailing bytes a JPEG reader ignores: a marker to look for
        QBuffer source(&encoded);
        QVERIFY(source.open(QIODevice::ReadOnly));
        auto ref = f->store->attachments().write(source, f->store->attachmentKeyFor(note->id));
        QVERIFY(ref.ok());
        auto attached = notes.attach(note->id, NoteAttachment{*ref, QStringLiteral("photo"), QStringLiteral("image/jpeg"),
                                                              f->clock.nowMs()});
        QVERIFY(attached.ok());
        QCOMPARE(attached->attachments.first().kind, QStringLiteral("photo"));
        QCOMPARE(filesContaining(f->dataDir(), kCanary, m_start), QStringList());
        QVERIFY(!notes.attach(note->id, NoteAttachment{*ref, QStringLiteral("video"), {}, 0}).ok());
        // The scan itself finds a canary in clear (so an empty answer means something).
        QFile planted(f->dataDir() + QStringLiteral("/attachments/planted"));
        QVERIFY(planted.open(QIODevice::WriteOnly));
        planted.write(QByteArray("xx") + kCanary);
        planted.close();
        QCOMPARE(filesContaining(f->dataDir(), kCanary, m_start).size(), 1);
    }
};

QTEST_MAIN(TestNoteAttachments)
#include "tst_noteattachments.moc"
