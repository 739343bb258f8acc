#include "securebytes.h"

#include <cstring>
#include <sodium.h>
#include <utility>

namespace samla::crypto {

namespace {

// sodium_malloc() needs the page size that sodium_init() records, and a
// SecureBytes may be built before crypto::initialize() runs (static test
// data, early start-up). sodium_init() is thread-safe and idempotent; the
// function-local static makes later calls free.
bool ensureSodium()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

std::uint8_t *allocate(std::size_t size)
{
    if (size == 0)
        return nullptr;
    void *p = ensureSodium() ? sodium_malloc(size) : nullptr;
    if (!p) {
        // Running on without the buffer would hand callers a null pointer with
        // a non-zero size; like operator new, an allocation failure here is
        // not something the caller can recover from.
        qFatal("samla.crypto: secure memory allocation failed");
    }
    return static_cast<std::uint8_t *>(p);
}

} // namespace

SecureBytes::SecureBytes(std::size_t size)
    : m_data(allocate(size))
    , m_size(size)
{
    // sodium_malloc() fills with a garbage pattern to surface reads of
    // uninitialised memory; callers are promised zeros.
    if (m_data)
        sodium_memzero(m_data, m_size);
}

SecureBytes::SecureBytes(const std::uint8_t *data, std::size_t size)
    : m_data(allocate(size))
    , m_size(size)
{
    if (m_data)
        std::memcpy(m_data, data, size);
}

SecureBytes::~SecureBytes()
{
    // sodium_free() zeroes the region, unlocks it and releases the guard pages.
    if (m_data)
        sodium_free(m_data);
}

SecureBytes::SecureBytes(SecureBytes &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
{
}

SecureBytes &SecureBytes::operator=(SecureBytes &&other) noexcept
{
    if (this != &other) {
        if (m_data)
            sodium_free(m_data);
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecureBytes SecureBytes::random(std::size_t size)
{
    SecureBytes out(size);
    if (size > 0)
        randombytes_buf(out.m_data, size);
    return out;
}

SecureBytes SecureBytes::fromUtf8AndWipe(QByteArray &text)
{
    // data() detaches first, so the wipe below hits the buffer this QByteArray
    // owns rather than one shared with (and still needed by) another copy.
    char *raw = text.data();
    const auto size = std::size_t(text.size());
    SecureBytes out(reinterpret_cast<const std::uint8_t *>(raw), size);
    if (size > 0)
        sodium_memzero(raw, size);
    return out;
}

SecureBytes SecureBytes::clone() const
{
    return SecureBytes(m_data, m_size);
}

bool SecureBytes::equals(const SecureBytes &other) const
{
    // Sizes are not secret (they are fixed per key type); the contents are.
    if (m_size != other.m_size)
        return false;
    if (m_size == 0)
        return true;
    return sodium_memcmp(m_data, other.m_data, m_size) == 0;
}

} // namespace samla::crypto
