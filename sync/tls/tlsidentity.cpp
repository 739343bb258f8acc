#include "tlsidentity.h"

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

#include <memory>

namespace samla::tls {

namespace {

struct FreePkey { void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); } };
struct FreeX509 { void operator()(X509 *p) const { X509_free(p); } };
struct FreeBio { void operator()(BIO *p) const { BIO_free(p); } };
using Pkey = std::unique_ptr<EVP_PKEY, FreePkey>;
using Cert = std::unique_ptr<X509, FreeX509>;
using Bio = std::unique_ptr<BIO, FreeBio>;

Error opensslError(const char *step)
{
    return makeError(ErrorCode::Internal, QStringLiteral("TLS identity: %1 failed").arg(QLatin1String(step)));
}

QByteArray derOf(X509 *cert)
{
    const int size = i2d_X509(cert, nullptr);
    if (size <= 0)
        return {};
    QByteArray out(size, Qt::Uninitialized);
    auto *p = reinterpret_cast<unsigned char *>(out.data());
    i2d_X509(cert, &p);
    return out;
}

} // namespace

Result<Identity> generateIdentity(const QString &commonName, int validDays)
{
    Pkey key(EVP_EC_gen("P-256"));
    if (!key)
        return opensslError("key generation");
    Cert cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1)
        return opensslError("certificate");
    // A random 128-bit serial (positive), so two inits never share one.
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return opensslError("serial");
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    const bool serialSet = bn && BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    if (!serialSet)
        return opensslError("serial");
    if (!X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600)
        || !X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(validDays) * 24 * 3600))
        return opensslError("validity");
    X509_NAME *name = X509_get_subject_name(cert.get());
    const QByteArray cn = commonName.toUtf8();
    if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()),
                                   int(cn.size()), -1, 0) != 1
        || X509_set_issuer_name(cert.get(), name) != 1 || X509_set_pubkey(cert.get(), key.get()) != 1)
        return opensslError("names");
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0)
        return opensslError("signing");

    Identity out;
    out.certificateDer = derOf(cert.get());
    // DER straight into secure memory; OpenSSL's own copy is cleansed.
    unsigned char *der = nullptr;
    const int size = i2d_PrivateKey(key.get(), &der);
    if (size <= 0 || out.certificateDer.isEmpty())
        return opensslError("encoding");
    out.privateKeyDer = crypto::SecureBytes(der, std::size_t(size));
    OPENSSL_clear_free(der, std::size_t(size));
    return out;
}

QByteArray fingerprint(QByteArrayView certificateDer)
{
    unsigned char digest[32];
    unsigned int size = 0;
    if (EVP_Digest(certificateDer.data(), std::size_t(certificateDer.size()), digest, &size, EVP_sha256(), nullptr) != 1
        || size != sizeof digest)
        return {};
    return QByteArray(reinterpret_cast<const char *>(digest), sizeof digest);
}

QString formatFingerprint(QByteArrayView fp)
{
    return QString::fromLatin1(fp.toByteArray().toHex(':').toUpper());
}

QByteArray parseFingerprint(QStringView text)
{
    QByteArray hex;
    for (const QChar c : text) {
        if (c == QLatin1Char(':') || c.isSpace())
            continue;
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F')))
            return {};
        hex.append(char(c.unicode()));
    }
    if (hex.size() != 64)
        return {};
    return QByteArray::fromHex(hex);
}

QByteArray certificatePem(QByteArrayView certificateDer)
{
    QByteArray out = "-----BEGIN CERTIFICATE-----\n";
    const QByteArray b64 = certificateDer.toByteArray().toBase64();
    for (qsizetype i = 0; i < b64.size(); i += 64)
        out += b64.mid(i, 64) + '\n';
    out += "-----END CERTIFICATE-----\n";
    return out;
}

Result<QByteArray> certificateDerFromPem(QByteArrayView pem)
{
    Bio bio(BIO_new_mem_buf(pem.data(), int(pem.size())));
    if (!bio)
        return opensslError("reading");
    Cert cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!cert)
        return makeError(ErrorCode::Corrupt, QStringLiteral("not a PEM certificate"));
    return derOf(cert.get());
}

} // namespace samla::tls
