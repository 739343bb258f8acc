// The server's TLS identity and the fingerprints devices pin: the one place that makes certificates.
#pragma once

#include "platform/core/result.h"
#include "platform/crypto/securebytes.h"

#include <QByteArray>
#include <QString>

namespace samla::tls {

// A self-signed certificate and its private key. The key is DER (for an EC
// key, OpenSSL's i2d_PrivateKey writes the SEC 1 form) in secure memory; the
// certificate is public (DER).
struct Identity {
    QByteArray certificateDer;
    crypto::SecureBytes privateKeyDer;
};

// A new ECDSA P-256 key and a certificate for it, valid from an hour ago
// (clock skew) for `validDays`. Devices do not check names or a CA chain:
// they pin the certificate's fingerprint, so the subject is informative only.
[[nodiscard]] Result<Identity> generateIdentity(const QString &commonName, int validDays);

// SHA-256 of the certificate's DER encoding, 32 bytes: what a device pins.
[[nodiscard]] QByteArray fingerprint(QByteArrayView certificateDer);

// "ab:cd:…" in upper-case hex pairs, as administrators compare it by eye
// (and as `openssl x509 -fingerprint -sha256` prints it).
QString formatFingerprint(QByteArrayView fingerprint);
// Reads 64 hex digits, with or without colons or spaces; empty on anything else.
QByteArray parseFingerprint(QStringView text);

// PEM armour for the certificate (for nginx, curl and the administrator).
QByteArray certificatePem(QByteArrayView certificateDer);
[[nodiscard]] Result<QByteArray> certificateDerFromPem(QByteArrayView pem);

} // namespace samla::tls
