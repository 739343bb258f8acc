// SecureBytes: a fixed-size buffer in sodium_malloc memory, wiped and freed on destruction.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstddef>
#include <cstdint>

namespace samla::crypto {

// Holds key material and other secrets. Guard-paged, mlock'ed where the OS
// allows, zeroed on destruction. Move-only; copy explicitly with clone().
class SecureBytes {
public:
    SecureBytes() = default;
    explicit SecureBytes(std::size_t size);        // zero-filled
    SecureBytes(const std::uint8_t *data, std::size_t size);
    ~SecureBytes();

    SecureBytes(SecureBytes &&other) noexcept;
    SecureBytes &operator=(SecureBytes &&other) noexcept;
    SecureBytes(const SecureBytes &) = delete;
    SecureBytes &operator=(const SecureBytes &) = delete;

    static SecureBytes random(std::size_t size);
    // Copies `text` as UTF-8 and then overwrites the caller's buffer in place.
    // Used for passphrases that reach C++ as text from the UI.
    static SecureBytes fromUtf8AndWipe(QByteArray &text);

    SecureBytes clone() const;

    std::uint8_t *data() { return m_data; }
    const std::uint8_t *data() const { return m_data; }
    std::size_t size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    QByteArrayView view() const { return QByteArrayView(reinterpret_cast<const char *>(m_data), qsizetype(m_size)); }

    // Constant-time comparison.
    bool equals(const SecureBytes &other) const;

private:
    std::uint8_t *m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace samla::crypto
