// Fuzzes session authentication as the server and a device read it: the Authorization header
// (parseBearer) and the challenge and session messages. The first input byte chooses the decoder.
// Contract: a bearer token is exactly 32 bytes written as the header carried it; accepted messages
// re-encode to exactly the bytes received, with sizes and lifetimes in their documented bounds.
#include "fuzzsupport.h"

#include "sync/protocol/requestauth.h"

#include <optional>

namespace samla::fuzz {

using namespace samla::protocol;

namespace {

enum Decoder : std::uint8_t { Bearer, Challenge, Challenged, Session, Opened, DecoderCount };

QByteArray with(Decoder d, const QByteArray &bytes)
{
    return QByteArray(1, char(d)) + bytes;
}

template <class T>
const T *roundTrip(QByteArrayView bytes, std::optional<Result<T>> &holder)
{
    holder.emplace(T::decode(bytes));
    if (!holder->ok())
        return nullptr;
    SAMLA_FUZZ_CHECK(holder->value().encode() == bytes);
    SAMLA_FUZZ_CHECK(bytes.size() <= 1024);
    return &holder->value();
}

constexpr std::int64_t kDay = 24LL * 3600 * 1000;

} // namespace

void setUp() {}

void writeSeeds(SeedWriter &out)
{
    const crypto::SignKeyPair device = fixedSignKey(1);
    const QByteArray challenge(32, '\x33');
    out.add("bearer", with(Bearer, QByteArray(kBearerPrefix) + QByteArray(32, '\xab').toHex()));
    out.add("challenge", with(Challenge, ChallengeRequest{device.publicKey}.encode()));
    out.add("challenged", with(Challenged, ChallengeResponse{challenge, 60'000}.encode()));
    SessionRequest session{device.publicKey, challenge, {}};
    session.signature = crypto::sign(device.secretKey, sessionProofBytes(QByteArray(32, 's'), device.publicKey, challenge));
    out.add("session", with(Session, session.encode()));
    out.add("opened", with(Opened, SessionResponse{QByteArray(32, '\x44'), 900'000}.encode()));
}

void fuzzOne(QByteArrayView input)
{
    if (input.isEmpty())
        return;
    const QByteArrayView bytes = input.sliced(1);
    switch (Decoder(std::uint8_t(input.front()) % DecoderCount)) {
    case Bearer: {
        const QByteArray token = parseBearer(bytes.toByteArray());
        if (!token.isEmpty()) {
            SAMLA_FUZZ_CHECK(token.size() == kSessionTokenBytes);
            SAMLA_FUZZ_CHECK(QByteArray(kBearerPrefix) + token.toHex() == bytes);
        }
        break;
    }
    case Challenge: {
        std::optional<Result<ChallengeRequest>> h;
        if (const auto *m = roundTrip(bytes, h))
            SAMLA_FUZZ_CHECK(m->device.size() == 32);
        break;
    }
    case Challenged: {
        std::optional<Result<ChallengeResponse>> h;
        if (const auto *m = roundTrip(bytes, h))
            SAMLA_FUZZ_CHECK(m->challenge.size() == kChallengeBytes && m->ttlMs >= 1 && m->ttlMs <= kDay);
        break;
    }
    case Session: {
        std::optional<Result<SessionRequest>> h;
        if (const auto *m = roundTrip(bytes, h))
            SAMLA_FUZZ_CHECK(m->device.size() == 32 && m->challenge.size() == kChallengeBytes
                             && m->signature.size() == 64);
        break;
    }
    case Opened: {
        std::optional<Result<SessionResponse>> h;
        if (const auto *m = roundTrip(bytes, h))
            SAMLA_FUZZ_CHECK(m->token.size() == kSessionTokenBytes && m->ttlMs >= 1 && m->ttlMs <= kDay);
        break;
    }
    case DecoderCount:
        break;
    }
}

} // namespace samla::fuzz
