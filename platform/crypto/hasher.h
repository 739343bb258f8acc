// Hasher: BLAKE2b-256 over data that arrives in pieces (attachment files).
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace samla::crypto {

class Hasher {
public:
    Hasher();
    ~Hasher();
    Hasher(const Hasher &) = delete;
    Hasher &operator=(const Hasher &) = delete;

    void update(QByteArrayView data);
    QByteArray finish();   // 32 bytes; the hasher cannot be used afterwards

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace samla::crypto
