#include "transport.h"

#include "sync/tls/tlsidentity.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <openssl/x509.h>

#include <optional>

namespace samla::sync {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

// Beast's timeouts (tcp_stream::expires_after) apply to asynchronous
// operations only, so each step is started asynchronously and the private
// io_context is run until it completes: blocking to the caller, bounded in
// time.
struct BeastTransport::Impl {
    QString host;
    std::uint16_t port;
    BeastTransportOptions options;
    asio::io_context ioc{1};
    std::optional<asio::ssl::context> tlsContext;
    std::optional<beast::tcp_stream> plain;
    std::optional<TlsStream> secure;
    beast::flat_buffer buffer;
    bool pinMismatch = false;   // set by the verify callback of the last handshake

    bool connected() const { return plain.has_value() || secure.has_value(); }
    beast::tcp_stream &lowest() { return secure ? beast::get_lowest_layer(*secure) : *plain; }

    void setUpTls()
    {
        if (options.pinnedCertificateSha256.isEmpty())
            return;
        tlsContext.emplace(asio::ssl::context::tls_client);
        SSL_CTX_set_min_proto_version(tlsContext->native_handle(), TLS1_3_VERSION);
        // Trust is the pin, not a CA: every certificate in the chain is let
        // through to the callback, which accepts the connection only when
        // the server's own (depth 0) certificate hashes to the pin.
        tlsContext->set_verify_mode(asio::ssl::verify_peer);
        tlsContext->set_verify_callback([this](bool, asio::ssl::verify_context &ctx) {
            X509_STORE_CTX *store = ctx.native_handle();
            if (X509_STORE_CTX_get_error_depth(store) > 0)
                return true;
            X509 *cert = X509_STORE_CTX_get_current_cert(store);
            const int size = cert ? i2d_X509(cert, nullptr) : 0;
            if (size <= 0)
                return false;
            QByteArray der(size, Qt::Uninitialized);
            auto *p = reinterpret_cast<unsigned char *>(der.data());
            i2d_X509(cert, &p);
            const bool match = tls::fingerprint(der) == options.pinnedCertificateSha256;
            pinMismatch = !match;
            return match;
        });
    }

    Result<HttpResponse> exchange(const http::request<http::string_body> &request);
    template <class Stream>
    beast::error_code roundTrip(Stream &stream, const http::request<http::string_body> &request,
                                http::response_parser<http::string_body> &parser);
    Result<bool> connect();
    void drop()
    {
        if (connected()) {
            beast::error_code ignored;
            lowest().socket().shutdown(tcp::socket::shutdown_both, ignored);
            lowest().socket().close(ignored);
        }
        plain.reset();
        secure.reset();
        buffer.clear();
    }
    // Runs the io_context until the started operation has called back.
    void runOne()
    {
        ioc.restart();
        ioc.run();
    }
};

Result<bool> BeastTransport::Impl::connect()
{
    beast::error_code ec;
    tcp::resolver resolver(ioc);
    const auto endpoints = resolver.resolve(host.toStdString(), std::to_string(port), ec);
    if (ec)
        return makeError(ErrorCode::Io, QStringLiteral("cannot resolve the server address"));
    if (tlsContext)
        secure.emplace(ioc, *tlsContext);
    else
        plain.emplace(ioc);
    lowest().expires_after(options.timeout);
    lowest().async_connect(endpoints, [&ec](beast::error_code e, const tcp::endpoint &) { ec = e; });
    runOne();
    // A request goes out in more than one write (head and body, TLS
    // records): without this, Nagle's algorithm holds the later ones until
    // the server's delayed ACK, some 40 ms a request.
    if (!ec) {
        beast::error_code ignored;
        lowest().socket().set_option(tcp::no_delay(true), ignored);
    }
    if (!ec && secure) {
        pinMismatch = false;
        secure->async_handshake(asio::ssl::stream_base::client, [&ec](beast::error_code e) { ec = e; });
        runOne();
        if (ec && pinMismatch)
            return makeError(ErrorCode::Tampered, QString::fromLatin1(kCertificateMismatch));
    }
    if (ec)
        return makeError(ErrorCode::Io, QStringLiteral("cannot connect: %1").arg(QString::fromStdString(ec.message())));
    return true;
}

template <class Stream>
beast::error_code BeastTransport::Impl::roundTrip(Stream &stream, const http::request<http::string_body> &request,
                                                  http::response_parser<http::string_body> &parser)
{
    beast::error_code ec;
    lowest().expires_after(options.timeout);
    http::async_write(stream, request, [&ec](beast::error_code e, std::size_t) { ec = e; });
    runOne();
    if (!ec) {
        http::async_read(stream, buffer, parser, [&ec](beast::error_code e, std::size_t) { ec = e; });
        runOne();
    }
    return ec;
}

Result<HttpResponse> BeastTransport::Impl::exchange(const http::request<http::string_body> &request)
{
    if (!connected()) {
        auto ok = connect();
        if (!ok.ok()) {
            drop();
            return ok.error();
        }
    }
    http::response_parser<http::string_body> parser;
    parser.body_limit(options.maxResponseBytes);
    const beast::error_code ec = secure ? roundTrip(*secure, request, parser) : roundTrip(*plain, request, parser);
    if (ec) {
        drop();
        return makeError(ErrorCode::Io, QStringLiteral("request failed: %1").arg(QString::fromStdString(ec.message())));
    }
    const auto &res = parser.get();
    HttpResponse out;
    out.status = int(res.result_int());
    out.body = QByteArray(res.body().data(), qsizetype(res.body().size()));
    if (!res.keep_alive())
        drop();
    return out;
}

BeastTransport::BeastTransport(QString host, std::uint16_t port, BeastTransportOptions options)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->host = std::move(host);
    m_impl->port = port;
    m_impl->options = options;
    m_impl->setUpTls();
}

BeastTransport::~BeastTransport()
{
    m_impl->drop();
}

void BeastTransport::disconnect()
{
    m_impl->drop();
}

void BeastTransport::setPort(std::uint16_t port)
{
    m_impl->drop();
    m_impl->port = port;
}

Result<HttpResponse> BeastTransport::send(const QByteArray &method, const QByteArray &target,
                                          const HeaderList &headers, const QByteArray &body)
{
    try {
        http::request<http::string_body> req;
        req.method_string(std::string_view(method.constData(), std::size_t(method.size())));
        req.target(std::string_view(target.constData(), std::size_t(target.size())));
        req.version(11);
        req.set(http::field::host, m_impl->host.toStdString());
        req.set(http::field::user_agent, "samla-sync");
        if (!body.isEmpty())
            req.set(http::field::content_type, "application/cbor");
        for (const auto &[name, value] : headers)
            req.set(std::string_view(name.constData(), std::size_t(name.size())),
                    std::string_view(value.constData(), std::size_t(value.size())));
        req.body().assign(body.constData(), std::size_t(body.size()));
        req.keep_alive(true);
        req.prepare_payload();
        return m_impl->exchange(req);
    } catch (const std::exception &) {
        // Asio reports most failures by error code; the few that throw
        // (allocation, TLS set-up) must not cross into Qt code.
        m_impl->drop();
        return makeError(ErrorCode::Io, QStringLiteral("request failed"));
    }
}

} // namespace samla::sync
