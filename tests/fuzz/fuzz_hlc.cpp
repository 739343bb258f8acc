// Fuzzes hybrid logical clock stamps as they arrive in envelope headers and op maps
// (HlcStamp::fromBytes) and what a device's clock does with them (HlcClock::receive), mixed with local
// events and wall clock jumps (forwards and backwards).
// Contract: a stamp is read only from exactly 28 bytes and writes back to them; every stamp a clock
// issues is greater than the one before it, and a received stamp is greater than the remote one.
#include "fuzzsupport.h"

#include "sync/protocol/hlc.h"

#include <QtEndian>

namespace samla::fuzz {

using namespace samla::protocol;

namespace {

constexpr qsizetype kStamp = 28;
const QByteArray kDevice(16, '\x0d');
constexpr std::int64_t kTimeMask = (std::int64_t(1) << 62) - 1;

} // namespace

void setUp() {}

void writeSeeds(SeedWriter &out)
{
    // Op codes: 0 now, 1 receive <28 bytes>, 2 set wall clock <8 bytes>, 3 restore <28 bytes>.
    const QByteArray remote = HlcStamp{1'750'000'000'000, 5, QByteArray(16, '\x22')}.toBytes();
    out.add("receive", QByteArray(1, '\1') + remote + QByteArray(1, '\0'));
    QByteArray jump(1, '\2');
    jump += QByteArray(8, '\0');
    qToBigEndian<qint64>(1'600'000'000'000, jump.data() + 1);
    out.add("jump-back", QByteArray(1, '\0') + jump + QByteArray(1, '\0') + QByteArray(1, '\1') + remote);
    out.add("restore", QByteArray(1, '\3') + remote + QByteArray(1, '\0'));
}

void fuzzOne(QByteArrayView input)
{
    // The bytes as a stamp, whatever their length.
    bool ok = false;
    const HlcStamp parsed = HlcStamp::fromBytes(input, &ok);
    SAMLA_FUZZ_CHECK(ok == (input.size() == kStamp));
    if (ok) {
        SAMLA_FUZZ_CHECK(parsed.toBytes() == input);
        (void)parsed.toString();
    }

    // The bytes as a script for one device's clock.
    ManualClock wall(1'750'000'000'000);
    HlcClock clock(wall, kDevice);
    HlcStamp last = clock.last();
    qsizetype i = 0;
    while (i < input.size()) {
        const std::uint8_t op = std::uint8_t(input.at(i++)) % 4;
        if (op == 0) {
            const HlcStamp s = clock.now();
            SAMLA_FUZZ_CHECK(s > last);
            last = s;
        } else if (op == 1 || op == 3) {
            if (input.size() - i < kStamp)
                break;
            HlcStamp remote = HlcStamp::fromBytes(input.sliced(i, kStamp));
            // Stamps at the end of time cannot be stepped past; devices refuse
            // remote stamps more than a day ahead of their clock (remoteapply.cpp).
            remote.physicalMs &= kTimeMask;
            i += kStamp;
            if (op == 1) {
                const HlcStamp s = clock.receive(remote);
                SAMLA_FUZZ_CHECK(s > last);
                SAMLA_FUZZ_CHECK(s.physicalMs > remote.physicalMs
                                 || (s.physicalMs == remote.physicalMs && s.counter > remote.counter));
                last = s;
            } else {
                clock.restore(remote);
                // Restoring never moves a clock back.
                SAMLA_FUZZ_CHECK(!(clock.last() < last));
                last = clock.last();
            }
        } else {
            if (input.size() - i < 8)
                break;
            wall.set(qFromBigEndian<qint64>(input.data() + i) & kTimeMask);
            i += 8;
        }
    }
}

} // namespace samla::fuzz
