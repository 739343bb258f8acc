#include "hasher.h"

#include "crypto.h"

#include <sodium.h>

namespace samla::crypto {

struct Hasher::State {
    crypto_generichash_state state;
};

Hasher::Hasher() : m_state(std::make_unique<State>())
{
    crypto_generichash_init(&m_state->state, nullptr, 0, kHashBytes);
}

Hasher::~Hasher() = default;

void Hasher::update(QByteArrayView data)
{
    crypto_generichash_update(&m_state->state, reinterpret_cast<const unsigned char *>(data.data()),
                              size_t(data.size()));
}

QByteArray Hasher::finish()
{
    QByteArray out(kHashBytes, '\0');
    crypto_generichash_final(&m_state->state, reinterpret_cast<unsigned char *>(out.data()), kHashBytes);
    return out;
}

} // namespace samla::crypto
