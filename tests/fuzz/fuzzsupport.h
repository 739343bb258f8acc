// Shared by the libFuzzer targets in tests/fuzz: the contract check, fixed keys and the seed writer.
#pragma once

#include "platform/crypto/crypto.h"
#include "platform/crypto/securebytes.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace samla::fuzz {

// A broken contract is a crash, so libFuzzer keeps the input that showed it.
[[noreturn]] void contractBroken(const char *what, const char *file, int line);
#define SAMLA_FUZZ_CHECK(cond)                                                                                         \
    do {                                                                                                               \
        if (!(cond))                                                                                                   \
            ::samla::fuzz::contractBroken(#cond, __FILE__, __LINE__);                                                  \
    } while (false)

// Keys made from fixed seeds, so the seeds a target writes (signed envelopes,
// sealed grants) still verify and open when the target runs them later.
crypto::SecureBytes fixedBytes(std::uint8_t fill, std::size_t size = 32);
crypto::SignKeyPair fixedSignKey(std::uint8_t n);
crypto::BoxKeyPair fixedBoxKey(std::uint8_t n);

// Writes the seed corpus (small valid inputs made by the real encoders).
class SeedWriter {
public:
    explicit SeedWriter(QString dir) : m_dir(std::move(dir)) {}
    void add(const char *name, QByteArrayView bytes);

private:
    QString m_dir;
};

// Each target defines these two.
// Called once before the first input (not when writing seeds).
void setUp();
void writeSeeds(SeedWriter &out);
// The input, as the target's LLVMFuzzerTestOneInput gets it.
void fuzzOne(QByteArrayView input);

} // namespace samla::fuzz
