#include "httpserver.h"

#include "serverlog.h"

#include "sync/protocol/messages.h"

#include <QElapsedTimer>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <atomic>
#include <condition_variable>
#include <csignal>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

Q_LOGGING_CATEGORY(lcServer, "samla.server", QtInfoMsg)

namespace samla::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

QByteArray toBytes(beast::string_view s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

// The access log names only endpoints it knows: a hostile path is not echoed.
const char *loggablePath(const QByteArray &target)
{
    const qsizetype q = target.indexOf('?');
    const QByteArray path = q < 0 ? target : target.left(q);
    for (const Endpoint &known : kEndpoints)
        if (path == known.path)
            return known.path;
    // Attachment paths carry a hash: logged without it.
    if (path.startsWith("/v1/attachments/"))
        return "/v1/attachments";
    return "-";
}

} // namespace

// Threads: the I/O thread (the caller of run()) accepts, does TLS and reads
// and writes HTTP; the service thread runs SyncService, taking every request
// that waits at once (handleMany: the pushes among them share one commit, so
// while it fsyncs the I/O thread reads the next ones); a worker thread takes
// the work the service offloads (hashing a whole attachment blob), so
// neither a large blob nor a commit holds up reading and writing. The service
// and its store are only ever entered from the service thread.
struct HttpServer::Impl {
    Impl(SyncService &s, HttpServerOptions o) : service(s), options(std::move(o))
    {
        service.setOffload([this](std::function<void()> work, std::function<void()> then) {
            std::lock_guard lock(mutex);
            offloaded.push_back([this, work = std::move(work), then = std::move(then)]() mutable {
                // `then` runs whatever happened: it answers whoever waits.
                try {
                    work();
                } catch (const std::exception &e) {
                    qCWarning(lcServer) << "offloaded work failed:" << e.what();
                }
                std::lock_guard relock(mutex);
                finished.push_back(std::move(then));
                ready.notify_all();
            });
            ready.notify_all();
        });
        serviceThread = std::thread([this] { serveRequests(); });
        worker = std::thread([this] { runOffloaded(); });
    }
    ~Impl()
    {
        {
            std::lock_guard lock(mutex);
            stopping = true;
            ready.notify_all();
        }
        serviceThread.join();
        worker.join();
        service.setOffload({});
        // Requests never handled and answers never delivered hold their
        // connections: let them go while the io_context is still here.
        queued.clear();
        finished.clear();
        offloaded.clear();
        parked.clear();
    }

    using Reply = std::function<void(ServiceResponse)>;
    // From the I/O thread: the service thread handles the request and calls
    // reply with the answer (on the service thread).
    void submit(ServiceRequest request, Reply reply)
    {
        std::lock_guard lock(mutex);
        queued.push_back({std::move(request), std::move(reply)});
        ready.notify_all();
    }
    void serveRequests();
    void runOffloaded();

    // TLS 1.3 only: every client is Samla's own, so nothing older is needed.
    Status setUpTls()
    {
        if (!options.tls)
            return {};
        beast::error_code ec;
        tlsContext.emplace(asio::ssl::context::tls_server);
        SSL_CTX *ctx = tlsContext->native_handle();
        SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION);
        tlsContext->set_options(asio::ssl::context::no_compression | asio::ssl::context::single_dh_use);
        const QByteArray &cert = options.tls->certificateDer;
        tlsContext->use_certificate(asio::buffer(cert.constData(), std::size_t(cert.size())),
                                    asio::ssl::context::asn1, ec);
        const crypto::SecureBytes &key = options.tls->privateKeyDer;
        if (!ec)
            tlsContext->use_private_key(asio::buffer(key.data(), key.size()), asio::ssl::context::asn1, ec);
        if (ec)
            return makeError(ErrorCode::Corrupt, QStringLiteral("the TLS certificate or key is not usable"));
        return {};
    }

    void accept();
    void shutdown();

    SyncService &service;
    HttpServerOptions options;
    asio::io_context ioc{1};
    tcp::acceptor acceptor{ioc};
    asio::signal_set signalSet{ioc};
    asio::steady_timer acceptRetry{ioc};
    std::optional<asio::ssl::context> tlsContext;
    std::atomic<int> connections = 0;

    struct Queued {
        ServiceRequest request;
        Reply reply;
    };
    std::mutex mutex;                 // guards everything below
    std::condition_variable ready;
    bool stopping = false;
    std::deque<Queued> queued;                       // for the service thread
    std::deque<std::function<void()>> finished;      // offloaded work done: the rest on the service thread
    std::deque<std::function<void()>> offloaded;     // for the worker
    // Connections whose answer comes later (ServiceResponse::later), kept
    // alive here until it is delivered.
    std::map<const void *, std::shared_ptr<void>> parked;
    std::thread serviceThread;
    std::thread worker;
};

void HttpServer::Impl::serveRequests()
{
    for (;;) {
        std::deque<Queued> batch;
        std::deque<std::function<void()>> done;
        {
            std::unique_lock lock(mutex);
            ready.wait(lock, [this] { return stopping || !queued.empty() || !finished.empty(); });
            if (stopping)
                return;
            batch.swap(queued);
            done.swap(finished);
        }
        for (std::function<void()> &then : done) {
            try {
                then();
            } catch (const std::exception &e) {
                qCWarning(lcServer) << "offloaded work failed:" << e.what();
            }
        }
        if (batch.empty())
            continue;
        QList<ServiceRequest> requests;
        requests.reserve(qsizetype(batch.size()));
        for (Queued &q : batch)
            requests.append(std::move(q.request));
        QList<ServiceResponse> answers = service.handleMany(requests);
        for (std::size_t i = 0; i < batch.size(); ++i) {
            Reply reply = std::move(batch[i].reply);
            reply(std::move(answers[qsizetype(i)]));
        }
    }
}

void HttpServer::Impl::runOffloaded()
{
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex);
            ready.wait(lock, [this] { return stopping || !offloaded.empty(); });
            if (stopping)
                return;
            job = std::move(offloaded.front());
            offloaded.pop_front();
        }
        job();
    }
}

namespace {

using TlsStream = beast::ssl_stream<beast::tcp_stream>;

// One connection: reads requests one at a time (HTTP/1.1 keep-alive, no
// pipelining beyond what Beast buffers), hands each to the service thread,
// writes its answer, and closes on any error. Runs on the I/O thread; only
// the reply callback runs on the service thread, and it posts back here.
// Stream is a plain TCP stream (loopback behind a proxy) or a TLS stream.
template <class Stream>
class Session : public std::enable_shared_from_this<Session<Stream>> {
public:
    Session(tcp::socket socket, HttpServer::Impl &server) requires std::is_same_v<Stream, beast::tcp_stream>
        : m_stream(std::move(socket)), m_server(server)
    {
        ++m_server.connections;
    }
    Session(tcp::socket socket, HttpServer::Impl &server) requires std::is_same_v<Stream, TlsStream>
        : m_stream(std::move(socket), *server.tlsContext), m_server(server)
    {
        ++m_server.connections;
    }
    ~Session() { --m_server.connections; }

    void start()
    {
        // Requests and answers are whole messages, often written in two
        // pieces (head and body, or TLS records): Nagle's algorithm would
        // hold the second until the peer's delayed ACK, some 40 ms each.
        beast::error_code ignored;
        beast::get_lowest_layer(m_stream).socket().set_option(tcp::no_delay(true), ignored);
        if constexpr (std::is_same_v<Stream, TlsStream>) {
            // The handshake counts against the request deadline: a client
            // that connects and says nothing holds no slot for long.
            beast::get_lowest_layer(m_stream).expires_after(m_server.options.requestTimeout);
            m_stream.async_handshake(asio::ssl::stream_base::server,
                                     [self = this->shared_from_this()](beast::error_code ec) {
                                         if (ec) {
                                             qCInfo(lcServer).noquote() << "- - tls-handshake-failed";
                                             self->close();
                                             return;
                                         }
                                         self->readRequest();
                                     });
        } else {
            readRequest();
        }
    }

private:
    void readRequest()
    {
        m_parser.emplace();
        m_parser->body_limit(m_server.options.maxBodyBytes);
        m_parser->header_limit(m_server.options.maxHeaderBytes);
        beast::get_lowest_layer(m_stream).expires_after(m_server.options.requestTimeout);
        m_timer.start();
        http::async_read(m_stream, m_buffer, *m_parser,
                         [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->onRead(ec); });
    }

    void onRead(beast::error_code ec)
    {
        if (ec == http::error::body_limit || ec == http::error::header_limit) {
            // The rest of the body is never read: answer and close.
            respondError(413, "too-large");
            return;
        }
        if (ec == beast::error::timeout) {
            qCInfo(lcServer).noquote() << "- - timeout";
            close();
            return;
        }
        if (ec && ec.category() == http::make_error_code(http::error::bad_target).category()
            && ec != http::error::end_of_stream && ec != http::error::partial_message) {
            respondError(400, "malformed");
            return;
        }
        if (ec) {
            close();   // the peer went away; nothing was handled
            return;
        }

        const auto &req = m_parser->get();
        ServiceRequest r;
        r.method = toBytes(req.method_string());
        r.target = toBytes(req.target());
        r.authorization = toBytes(req[http::field::authorization]);
        r.body = QByteArray(req.body().data(), qsizetype(req.body().size()));
        beast::error_code peerEc;
        const auto remote = beast::get_lowest_layer(m_stream).socket().remote_endpoint(peerEc);
        // Loopback peers are a TLS proxy on this machine (which limits its own
        // clients) or the tests; they are not limited here.
        if (!peerEc && !remote.address().is_loopback())
            r.peer = QByteArray::fromStdString(remote.address().to_string());
        const bool keepAlive = req.keep_alive();
        QByteArray method = r.method.left(8);
        const char *path = loggablePath(r.target);
        HttpServer::Impl *server = &m_server;
        // Called on the service thread: the answer goes back to the I/O thread.
        m_server.submit(std::move(r), [self = this->shared_from_this(), server, method, path,
                                       keepAlive](ServiceResponse out) mutable {
            if (!out.later) {
                asio::post(server->ioc, [self = std::move(self), out = std::move(out), method, path, keepAlive] {
                    self->answered(out, method, path, keepAlive);
                });
                return;
            }
            // Answered when the offloaded work is done; until then the
            // connection is parked (nothing else holds it while no read or
            // write is under way).
            const void *key = self.get();
            {
                std::lock_guard lock(server->mutex);
                server->parked.emplace(key, std::move(self));
            }
            out.later->deliver = [server, key, tag = out.deviceTag, method, path, keepAlive](ServiceResponse late) {
                std::shared_ptr<void> held;
                {
                    std::lock_guard lock(server->mutex);
                    auto it = server->parked.find(key);
                    if (it == server->parked.end())
                        return;
                    held = std::move(it->second);
                    server->parked.erase(it);
                }
                late.deviceTag = tag;
                asio::post(server->ioc, [self = std::static_pointer_cast<Session>(std::move(held)),
                                         late = std::move(late), method, path, keepAlive] {
                    self->answered(late, method, path, keepAlive);
                });
            };
        });
    }

    void answered(const ServiceResponse &out, const QByteArray &method, const char *path, bool keepAlive)
    {
        qCInfo(lcServer).noquote() << method << path << out.status
                                   << (out.reason.isEmpty() ? QByteArray("-") : out.reason)
                                   << (out.deviceTag.isEmpty() ? QByteArray("-") : out.deviceTag)
                                   << m_timer.elapsed() << "ms";
        respond(out, keepAlive);
    }

    void respondError(int status, const char *reason)
    {
        ServiceResponse out;
        out.status = status;
        out.reason = reason;
        out.body = protocol::ErrorResponse{QString::fromLatin1(reason)}.encode();
        qCInfo(lcServer).noquote() << "- -" << status << reason;
        respond(out, false);
    }

    void respond(const ServiceResponse &out, bool keepAlive)
    {
        m_response.emplace();
        m_response->version(11);
        m_response->result(static_cast<unsigned>(out.status));
        m_response->set(http::field::server, "samla-server");
        m_response->set(http::field::content_type,
                        beast::string_view(out.contentType.constData(), std::size_t(out.contentType.size())));
        m_response->body().assign(out.body.constData(), std::size_t(out.body.size()));
        m_response->keep_alive(keepAlive);
        m_response->prepare_payload();
        beast::get_lowest_layer(m_stream).expires_after(m_server.options.requestTimeout);
        http::async_write(m_stream, *m_response,
                          [self = this->shared_from_this(), keepAlive](beast::error_code ec, std::size_t) {
                              if (ec || !keepAlive) {
                                  self->close();
                                  return;
                              }
                              self->readRequest();
                          });
    }

    void close()
    {
        beast::error_code ignored;
        tcp::socket &socket = beast::get_lowest_layer(m_stream).socket();
        socket.shutdown(tcp::socket::shutdown_both, ignored);
        socket.close(ignored);
    }

    Stream m_stream;
    HttpServer::Impl &m_server;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    std::optional<http::response<http::string_body>> m_response;
    QElapsedTimer m_timer;
};

} // namespace

void HttpServer::Impl::accept()
{
    acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
        if (ec == asio::error::operation_aborted || !acceptor.is_open())
            return;
        if (ec) {
            // Out of file descriptors and the like: wait a little rather than spin.
            qCWarning(lcServer) << "accept failed:" << ec.value();
            acceptRetry.expires_after(std::chrono::milliseconds(100));
            acceptRetry.async_wait([this](beast::error_code waitEc) {
                if (!waitEc)
                    accept();
            });
            return;
        }
        if (connections >= options.maxConnections) {
            beast::error_code ignored;
            socket.close(ignored);
        } else {
            if (tlsContext)
                std::make_shared<Session<TlsStream>>(std::move(socket), *this)->start();
            else
                std::make_shared<Session<beast::tcp_stream>>(std::move(socket), *this)->start();
        }
        accept();
    });
}

void HttpServer::Impl::shutdown()
{
    // Every request (every group of pushes) is handled in one store
    // transaction on the service thread, which finishes the group it has
    // before it stops (~Impl), so stopping never leaves half an op: a request
    // not yet handled is retried by its device, an answer not yet written is
    // answered again from the stored receipt.
    beast::error_code ignored;
    acceptor.close(ignored);
    signalSet.cancel(ignored);
    acceptRetry.cancel();
    ioc.stop();
}

HttpServer::HttpServer(SyncService &service, HttpServerOptions options)
    : m_impl(std::make_unique<Impl>(service, std::move(options)))
{
}

HttpServer::~HttpServer() = default;

Result<std::uint16_t> HttpServer::listen()
{
    beast::error_code ec;
    const auto address = asio::ip::make_address(m_impl->options.address.toStdString(), ec);
    if (ec)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("not an IP address"));
    if (!address.is_loopback() && !m_impl->options.tls && !m_impl->options.allowNonLoopback)
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("plain HTTP is served on loopback only: serve with TLS, or put a TLS proxy "
                                        "in front on this machine"));
    SAMLA_TRY(m_impl->setUpTls());
    const tcp::endpoint endpoint(address, m_impl->options.port);
    tcp::acceptor &a = m_impl->acceptor;
    a.open(endpoint.protocol(), ec);
    if (!ec)
        a.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        a.bind(endpoint, ec);
    if (!ec)
        a.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        return makeError(ErrorCode::Io, QStringLiteral("cannot listen: %1").arg(QString::fromStdString(ec.message())));
    const auto port = a.local_endpoint(ec).port();
    if (ec)
        return makeError(ErrorCode::Io, QStringLiteral("cannot read the listening port"));
    return port;
}

void HttpServer::run(bool handleSignals)
{
    if (handleSignals) {
        m_impl->signalSet.add(SIGINT);
        m_impl->signalSet.add(SIGTERM);
        m_impl->signalSet.async_wait([this](beast::error_code ec, int) {
            if (!ec) {
                qCInfo(lcServer) << "stopping";
                m_impl->shutdown();
            }
        });
    }
    m_impl->accept();
    for (;;) {
        try {
            m_impl->ioc.run();
            return;
        } catch (const std::exception &e) {
            // One connection's failure must not end the server; its session is gone.
            qCWarning(lcServer) << "handler failed:" << e.what();
        }
    }
}

void HttpServer::stop()
{
    asio::post(m_impl->ioc, [this] { m_impl->shutdown(); });
}

} // namespace samla::server
