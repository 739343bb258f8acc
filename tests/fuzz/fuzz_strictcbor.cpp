// Fuzzes decodeStrict, the one reader of every CBOR message that arrives from the network.
// Contract: what it accepts is canonical (re-encoding gives the same bytes), decodes again to the same
// value, holds only the allowed types, and nothing larger than the limit is accepted.
#include "fuzzsupport.h"

#include "sync/protocol/canonicalcbor.h"
#include "sync/protocol/strictcbor.h"

#include <QCborArray>
#include <QCborMap>

#include <limits>

namespace samla::fuzz {

using namespace samla::protocol;

void setUp() {}

void writeSeeds(SeedWriter &out)
{
    QCborMap m;
    m.insert(QStringLiteral("v"), 1);
    m.insert(QStringLiteral("text"), QStringLiteral("fältanteckning"));
    m.insert(QStringLiteral("bytes"), QByteArray(16, '\x5a'));
    m.insert(QStringLiteral("yes"), true);
    m.insert(QStringLiteral("no"), false);
    m.insert(QStringLiteral("none"), QCborValue(nullptr));
    QCborArray ints;
    for (qint64 n : {qint64(0), qint64(23), qint64(24), qint64(255), qint64(256), qint64(65535), qint64(65536),
                     qint64(0xffffffffLL), qint64(0x100000000LL), std::numeric_limits<qint64>::max(), qint64(-1),
                     qint64(-24), qint64(-25), qint64(-257), std::numeric_limits<qint64>::min()})
        ints.append(n);
    m.insert(QStringLiteral("ints"), ints);
    QCborMap inner;
    inner.insert(QStringLiteral("a"), QCborArray{1, QCborArray{2, QCborArray{3}}});
    m.insert(QStringLiteral("nested"), inner);
    out.add("map", encodeCanonical(m));
    out.add("array", encodeCanonical(QCborValue(QCborArray{1, QStringLiteral("x"), QByteArray("y")})));
    out.add("int", encodeCanonical(QCborValue(qint64(1'700'000'000'000))));
    out.add("text", encodeCanonical(QCborValue(QStringLiteral("samla"))));
}

void fuzzOne(QByteArrayView input)
{
    auto value = decodeStrict(input);
    if (!value.ok())
        return;
    const QByteArray reencoded = encodeCanonical(value.value());
    SAMLA_FUZZ_CHECK(reencoded == input);
    auto again = decodeStrict(reencoded);
    SAMLA_FUZZ_CHECK(again.ok() && again.value() == value.value());
    // One byte under its size, the same input is refused.
    SAMLA_FUZZ_CHECK(!decodeStrict(input, {input.size() - 1}).ok());
    // The field readers keep to the bounds they are given.
    if (value->isMap()) {
        const QCborMap m = value->toMap();
        MapReader r(m, "fuzz");
        for (auto it = m.cbegin(); it != m.cend(); ++it) {
            const QString key = it.key().toString();
            if (auto n = r.integer(key, -5, 1000); n.ok())
                SAMLA_FUZZ_CHECK(*n >= -5 && *n <= 1000);
            if (auto t = r.text(key, 8); t.ok())
                SAMLA_FUZZ_CHECK(t->size() <= 8);
            if (auto b = r.bytes(key, 2, 16); b.ok())
                SAMLA_FUZZ_CHECK(b->size() >= 2 && b->size() <= 16);
        }
        (void)r.onlyKeys({"v", "a", "b"});
    }
}

} // namespace samla::fuzz
