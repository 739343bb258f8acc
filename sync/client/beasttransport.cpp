#include "transport.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <optional>

namespace samla::sync {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

// Beast's timeouts (tcp_stream::expires_after) apply to asynchronous
// operations only, so each step is started asynchronously and the private
// io_context is run until it completes: blocking to the caller, bounded in
// time.
struct BeastTransport::Impl {
    QString host;
    std::uint16_t port;
    BeastTransportOptions options;
    asio::io_context ioc{1};
    std::optional<beast::tcp_stream> stream;
    beast::flat_buffer buffer;

    Result<HttpResponse> exchange(const http::request<http::string_body> &request);
    beast::error_code connect();
    void drop()
    {
        if (stream) {
            beast::error_code ignored;
            stream->socket().shutdown(tcp::socket::shutdown_both, ignored);
            stream->socket().close(ignored);
        }
        stream.reset();
        buffer.clear();
    }
    // Runs the io_context until the started operation has called back.
    void runOne()
    {
        ioc.restart();
        ioc.run();
    }
};

beast::error_code BeastTransport::Impl::connect()
{
    beast::error_code ec;
    tcp::resolver resolver(ioc);
    const auto endpoints = resolver.resolve(host.toStdString(), std::to_string(port), ec);
    if (ec)
        return ec;
    stream.emplace(ioc);
    stream->expires_after(options.timeout);
    stream->async_connect(endpoints, [&ec](beast::error_code e, const tcp::endpoint &) { ec = e; });
    runOne();
    return ec;
}

Result<HttpResponse> BeastTransport::Impl::exchange(const http::request<http::string_body> &request)
{
    const bool reused = stream.has_value();
    if (!reused) {
        if (auto ec = connect()) {
            drop();
            return makeError(ErrorCode::Io, QStringLiteral("cannot connect: %1").arg(QString::fromStdString(ec.message())));
        }
    }
    beast::error_code ec;
    stream->expires_after(options.timeout);
    http::async_write(*stream, request, [&ec](beast::error_code e, std::size_t) { ec = e; });
    runOne();
    http::response_parser<http::string_body> parser;
    parser.body_limit(options.maxResponseBytes);
    if (!ec) {
        http::async_read(*stream, buffer, parser, [&ec](beast::error_code e, std::size_t) { ec = e; });
        runOne();
    }
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
        // (allocation) must not cross into Qt code.
        m_impl->drop();
        return makeError(ErrorCode::Io, QStringLiteral("request failed"));
    }
}

} // namespace samla::sync
