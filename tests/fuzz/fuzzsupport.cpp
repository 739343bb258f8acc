// The entry points libFuzzer calls, shared by every target. With SAMLA_FUZZ_WRITE_SEEDS=DIR a target
// writes its seed corpus there and exits (tests/fuzz/corpus/<target> is made this way).
#include "fuzzsupport.h"

#include <QDir>
#include <QFile>
#include <QtGlobal>

#include <cstdio>
#include <cstdlib>

namespace samla::fuzz {

void contractBroken(const char *what, const char *file, int line)
{
    std::fprintf(stderr, "samla fuzz: contract broken: %s (%s:%d)\n", what, file, line);
    std::abort();
}

crypto::SecureBytes fixedBytes(std::uint8_t fill, std::size_t size)
{
    crypto::SecureBytes out(size);
    for (std::size_t i = 0; i < size; ++i)
        out.data()[i] = std::uint8_t(fill + i);
    return out;
}

crypto::SignKeyPair fixedSignKey(std::uint8_t n)
{
    return crypto::signKeyPairFromSeed(fixedBytes(std::uint8_t(0x10 * n + 1)));
}

crypto::BoxKeyPair fixedBoxKey(std::uint8_t n)
{
    return crypto::boxKeyPairFromSeed(fixedBytes(std::uint8_t(0x10 * n + 7)));
}

void SeedWriter::add(const char *name, QByteArrayView bytes)
{
    QFile f(m_dir + QLatin1Char('/') + QLatin1String(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes.data(), bytes.size()) != bytes.size()) {
        std::fprintf(stderr, "samla fuzz: cannot write seed %s\n", name);
        std::exit(1);
    }
}

} // namespace samla::fuzz

namespace {

// Decoders log what they refuse; a fuzzer runs them millions of times.
void quiet(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "%s\n", qPrintable(message));
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    if (qEnvironmentVariableIsEmpty("SAMLA_FUZZ_VERBOSE"))
        qInstallMessageHandler(quiet);
    if (!samla::crypto::initialize().ok()) {
        std::fprintf(stderr, "samla fuzz: libsodium did not initialise\n");
        std::exit(1);
    }
    const QString seeds = qEnvironmentVariable("SAMLA_FUZZ_WRITE_SEEDS");
    if (!seeds.isEmpty()) {
        QDir().mkpath(seeds);
        samla::fuzz::SeedWriter out(seeds);
        samla::fuzz::writeSeeds(out);
        std::exit(0);
    }
    samla::fuzz::setUp();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    samla::fuzz::fuzzOne(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
