// samla-server: the composition root and the administrator's command line.
#include "embeddedstore.h"
#include "httpserver.h"
#include "pgstore.h"
#include "serverconfig.h"
#include "serverlog.h"
#include "syncservice.h"

#include "platform/core/clock.h"
#include "platform/core/files.h"
#include "platform/crypto/crypto.h"
#include "qrcode.h"
#include "sync/protocol/enrolcode.h"
#include "sync/protocol/messages.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>
#include <QUuid>

#include <cstdio>

using namespace samla;
using namespace samla::server;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

// In the data directory of a server whose store is on PostgreSQL: the store's
// URL without its password, so a command run without --store says where the
// store is instead of looking for an embedded one.
QString postgresMarkerPath(const ServerPaths &paths)
{
    return QDir(paths.dataDir).filePath(QStringLiteral("postgresql-store"));
}

int fail(const QString &what, const Error &error)
{
    err() << "samla-server: " << what << ": " << error.detail << " (" << errorCodeName(error.code) << ")\n";
    err().flush();
    return 1;
}

struct Command {
    QCommandLineParser parser;
    QCommandLineOption data{QStringLiteral("data"), QStringLiteral("Server data directory."), QStringLiteral("dir")};
    QCommandLineOption keyFile{QStringLiteral("key-file"),
                               QStringLiteral("Store key file (default <dir>/server.key). Or set SAMLA_SERVER_KEY "
                                              "to 64 hex digits."),
                               QStringLiteral("file")};
    QCommandLineOption store{QStringLiteral("store"),
                             QStringLiteral("Keep the store on PostgreSQL: postgresql://user@host:port/database "
                                            "(default: the embedded store in the data directory, which keeps the "
                                            "key and TLS certificate either way). Give the password in ~/.pgpass "
                                            "or PGPASSFILE rather than in the URL."),
                             QStringLiteral("url")};

    Command(const QString &description)
    {
        parser.setApplicationDescription(description);
        parser.addHelpOption();
        parser.addOption(data);
        parser.addOption(keyFile);
        parser.addOption(store);
    }

    // Parses the arguments after the command word; exits for --help.
    bool parse(const QStringList &args)
    {
        if (!parser.parse(args)) {
            err() << parser.errorText() << '\n';
            return false;
        }
        if (parser.isSet(QStringLiteral("help")))
            parser.showHelp(0);
        if (!parser.isSet(data)) {
            err() << "samla-server: --data is required\n";
            return false;
        }
        return true;
    }

    ServerPaths paths() const { return ServerPaths{parser.value(data), parser.value(keyFile)}; }

    // The embedded store in the data directory, or with --store the one on
    // PostgreSQL; the data directory keeps the key and the TLS identity either way.
    Result<std::unique_ptr<ServerStore>> openStore(bool create = false)
    {
        const bool postgres = parser.isSet(store);
        const QString url = parser.value(store);
        if (postgres && !isPostgresUrl(url))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("--store takes a postgresql://user@host:port/database URL"));
        if (!create) {
            const QString marker = postgresMarkerPath(paths());
            if (postgres && QFileInfo::exists(paths().storePath()))
                return makeError(ErrorCode::InvalidArgument,
                                 QStringLiteral("this data directory holds an embedded store (server.db); "
                                                "leave out --store"));
            if (!postgres && QFileInfo::exists(marker)) {
                QFile f(marker);
                const QString where = f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readLine(4096)).trimmed()
                                                                  : QStringLiteral("PostgreSQL");
                return makeError(ErrorCode::InvalidArgument,
                                 QStringLiteral("this server's store is on PostgreSQL (%1): add --store").arg(where));
            }
        }
        // Before any file is written: init fails with nothing to clean up
        // when PostgreSQL is unreachable or already holds a store.
        if (postgres && create)
            SAMLA_TRY(PgStore::checkEmpty(url));
        // The key is read once (the environment variable is cleared on reading)
        // and kept for the TLS key, which it also unwraps.
        auto key = create ? initServerKey(paths()) : loadServerKey(paths());
        if (!key.ok())
            return key.error();
        storeKey = std::move(key.value());
        if (!postgres) {
            auto embedded = EmbeddedStore::open(paths().storePath(), storeKey, create);
            if (!embedded.ok())
                return embedded.error();
            return std::unique_ptr<ServerStore>(std::move(embedded.value()));
        }
        auto pg = PgStore::open(url, create ? PgStore::Mode::Create : PgStore::Mode::Existing);
        if (!pg.ok())
            return pg.error();
        if (create) {
            auto written = files::writeAtomically(postgresMarkerPath(paths()), redactStoreUrl(url).toUtf8() + '\n');
            if (!written.ok())
                return written.error();
        }
        return std::unique_ptr<ServerStore>(std::move(pg.value()));
    }

    crypto::SecureBytes storeKey;
};

int cmdInit(const QStringList &args)
{
    Command c(QStringLiteral("Creates a server data directory: its key file, its TLS certificate and an encrypted "
                             "store; with --store, the store's tables in that PostgreSQL database instead (the "
                             "role and the database must exist)."));
    if (!c.parse(args))
        return 2;
    auto store = c.openStore(true);
    if (!store.ok())
        return fail(QStringLiteral("init"), store.error());
    if (auto made = createTlsIdentity(c.paths(), c.storeKey); !made.ok())
        return fail(QStringLiteral("init: TLS certificate"), made.error());
    auto identity = loadTlsIdentity(c.paths(), c.storeKey);
    if (!identity.ok())
        return fail(QStringLiteral("init: TLS certificate"), identity.error());
    out() << "samla-server: initialised " << c.paths().dataDir << '\n'
          << "certificate sha256 " << tls::formatFingerprint(tls::fingerprint(identity->certificateDer)) << '\n';
    return 0;
}

int cmdServe(const QStringList &args)
{
    Command c(QStringLiteral("Serves sync on HTTPS (TLS 1.3 with the certificate made at init). With --plain-http, "
                             "serves HTTP on loopback only, for a TLS proxy (nginx) on the same machine."));
    QCommandLineOption plain(QStringLiteral("plain-http"),
                             QStringLiteral("Serve plain HTTP on a loopback address (behind a TLS proxy)."));
    QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("Address to listen on (default 127.0.0.1)."),
                              QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port (default 0: any free port)."),
                            QStringLiteral("port"), QStringLiteral("0"));
    QCommandLineOption portFile(QStringLiteral("port-file"), QStringLiteral("Write the port to this file once listening."),
                                QStringLiteral("file"));
    QCommandLineOption timeout(QStringLiteral("request-timeout-ms"),
                               QStringLiteral("Deadline for reading one request (default 30000)."),
                               QStringLiteral("ms"), QStringLiteral("30000"));
    QCommandLineOption maxBody(QStringLiteral("max-body-bytes"),
                               QStringLiteral("Largest request body accepted (default 8 MiB)."),
                               QStringLiteral("bytes"), QString::number(protocol::kMaxMessageBytes));
    c.parser.addOptions({listen, port, portFile, timeout, maxBody, plain});
    if (!c.parse(args))
        return 2;
    bool okPort = false, okTimeout = false, okBody = false;
    const uint portValue = c.parser.value(port).toUInt(&okPort);
    const int timeoutMs = c.parser.value(timeout).toInt(&okTimeout);
    const qint64 bodyBytes = c.parser.value(maxBody).toLongLong(&okBody);
    if (!okPort || portValue > 65535 || !okTimeout || timeoutMs < 1 || !okBody || bodyBytes < 1
        || bodyBytes > protocol::kMaxMessageBytes) {
        err() << "samla-server: bad --port, --request-timeout-ms or --max-body-bytes\n";
        return 2;
    }

    auto store = c.openStore();
    if (!store.ok())
        return fail(QStringLiteral("serve"), store.error());
    SystemClock clock;
    ServiceLimits limits;
    limits.maxBodyBytes = bodyBytes;
    // The certificate is this server's identity even on plain HTTP (behind a
    // proxy): devices pin its fingerprint and sign it into their session proofs.
    auto identity = loadTlsIdentity(c.paths(), c.storeKey);
    if (!identity.ok())
        return fail(QStringLiteral("serve"), identity.error());
    const QByteArray serverId = tls::fingerprint(identity->certificateDer);
    SyncService service(*store.value(), clock, serverId, limits);
    HttpServerOptions options;
    if (!c.parser.isSet(plain))
        options.tls = std::make_shared<const tls::Identity>(std::move(identity.value()));
    options.address = c.parser.value(listen);
    options.port = std::uint16_t(portValue);
    options.requestTimeout = std::chrono::milliseconds(timeoutMs);
    options.maxBodyBytes = std::uint64_t(bodyBytes);
    HttpServer http(service, options);
    auto bound = http.listen();
    if (!bound.ok())
        return fail(QStringLiteral("serve"), bound.error());
    if (c.parser.isSet(portFile)) {
        auto written = files::writeAtomically(c.parser.value(portFile), QByteArray::number(bound.value()) + '\n');
        if (!written.ok())
            return fail(QStringLiteral("port file"), written.error());
    }
    if (c.parser.isSet(c.store))
        qCInfo(lcServer).noquote() << "store" << redactStoreUrl(c.parser.value(c.store));
    out() << "samla-server listening on " << options.address << ':' << bound.value() << '\n';
    out() << "certificate sha256 " << tls::formatFingerprint(serverId) << '\n';
    if (!options.tls)
        out() << "plain HTTP (loopback only)\n";
    out().flush();
    http.run(true);
    qCInfo(lcServer) << "stopped";
    return 0;
}

int cmdProject(const QStringList &args)
{
    Command c(QStringLiteral("Project administration. `project create [--id UUID]` creates a project; "
                             "`project list` lists them."));
    QCommandLineOption id(QStringLiteral("id"), QStringLiteral("Project id (default: a new UUID)."),
                          QStringLiteral("uuid"));
    c.parser.addOption(id);
    c.parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("create | list"));
    if (!c.parse(args))
        return 2;
    const QStringList pos = c.parser.positionalArguments();
    auto store = c.openStore();
    if (!store.ok())
        return fail(QStringLiteral("project"), store.error());
    if (pos == QStringList{QStringLiteral("create")}) {
        const QString projectId = c.parser.isSet(id) ? c.parser.value(id)
                                                     : QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (QUuid::fromString(projectId).isNull())
            return fail(QStringLiteral("project create"), makeError(ErrorCode::InvalidArgument,
                                                                    QStringLiteral("the id must be a UUID")));
        auto created = store.value()->createProject(projectId, SystemClock().nowMs());
        if (!created.ok())
            return fail(QStringLiteral("project create"), created.error());
        out() << projectId << '\n';
        return 0;
    }
    if (pos == QStringList{QStringLiteral("list")}) {
        auto projects = store.value()->projects();
        if (!projects.ok())
            return fail(QStringLiteral("project list"), projects.error());
        for (const QString &p : projects.value())
            out() << p << '\n';
        return 0;
    }
    c.parser.showHelp(2);
}

int cmdEnrol(const QStringList &args)
{
    Command c(QStringLiteral("Issues a one-time enrolment code for a device to join a project: prints it as text "
                             "and as a QR code, and with --png writes the QR code as an image. Anyone holding the "
                             "code can enrol one device until it is used or expires: give it to the fieldworker, "
                             "and to nobody else."));
    QCommandLineOption project(QStringLiteral("project"), QStringLiteral("Project id."), QStringLiteral("uuid"));
    QCommandLineOption server(QStringLiteral("server"),
                              QStringLiteral("The address devices reach this server at, host:port (e.g. "
                                             "sync.example.org:8443)."),
                              QStringLiteral("host:port"));
    QCommandLineOption role(QStringLiteral("role"), QStringLiteral("member (default); admin (a member who approves devices); or "
                                           "writeonly (a participant's diary device)."),
                            QStringLiteral("role"), QString::fromLatin1(protocol::kRoleMember));
    QCommandLineOption hours(QStringLiteral("valid-hours"), QStringLiteral("Hours until the code expires (default 72)."),
                             QStringLiteral("hours"), QStringLiteral("72"));
    QCommandLineOption png(QStringLiteral("png"), QStringLiteral("Also write the QR code to this PNG file."),
                           QStringLiteral("file"));
    c.parser.addOptions({project, server, role, hours, png});
    if (!c.parse(args))
        return 2;
    const QString roleValue = c.parser.value(role);
    bool okHours = false;
    const int validHours = c.parser.value(hours).toInt(&okHours);
    const QString address = c.parser.value(server);
    const qsizetype colon = address.lastIndexOf(QLatin1Char(':'));
    if (!c.parser.isSet(project) || !okHours || validHours < 1 || colon < 1
        || (!protocol::roleReads(roleValue) && roleValue != QLatin1String(protocol::kRoleWriteOnly))) {
        err() << "samla-server: enrol needs --project, --server host:port, a valid --role and --valid-hours\n";
        return 2;
    }
    auto store = c.openStore();
    if (!store.ok())
        return fail(QStringLiteral("enrol"), store.error());
    auto identity = loadTlsIdentity(c.paths(), c.storeKey);
    if (!identity.ok())
        return fail(QStringLiteral("enrol"), identity.error());

    protocol::EnrolCode code;
    code.token = crypto::randomBytes(32);
    code.fingerprint = tls::fingerprint(identity->certificateDer);
    // The parse checks the host and port as a device will.
    auto checked = protocol::EnrolCode::decode(
        QStringLiteral("samla-enrol:v1;host=%1;port=%2;fp=%3;token=%4")
            .arg(address.left(colon), address.mid(colon + 1), QString::fromLatin1(code.fingerprint.toHex()),
                 QString::fromLatin1(code.token.toHex())));
    if (!checked.ok())
        return fail(QStringLiteral("enrol"), makeError(ErrorCode::InvalidArgument, QStringLiteral("bad --server")));
    code = checked.value();
    auto qr = encodeQr(code.encode().toLatin1());
    if (!qr.ok())
        return fail(QStringLiteral("enrol"), qr.error());
    if (c.parser.isSet(png)) {
        if (auto written = writeQrPng(qr.value(), c.parser.value(png)); !written.ok())
            return fail(QStringLiteral("enrol: PNG"), written.error());
    }

    const std::int64_t expires = SystemClock().nowMs() + std::int64_t(validHours) * 3600 * 1000;
    auto added = store.value()->addEnrolToken(crypto::hash(code.token), c.parser.value(project), roleValue, expires);
    if (!added.ok())
        return fail(QStringLiteral("enrol"), added.error());
    out() << code.encode() << "\n\n" << qrForTerminal(qr.value()) << '\n';
    out().flush();
    err() << "samla-server: one device can enrol with this code within " << validHours
          << " hours: scan the QR code, open the PNG or paste the text on the device.\n";
    return 0;
}

int cmdDevices(const QStringList &args)
{
    Command c(QStringLiteral("Devices: `devices list`, or `devices revoke <device id>` (a revoked device can no "
                             "longer push, pull or enrol again)."));
    c.parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("list | revoke <device id>"));
    if (!c.parse(args))
        return 2;
    const QStringList pos = c.parser.positionalArguments();
    auto store = c.openStore();
    if (!store.ok())
        return fail(QStringLiteral("devices"), store.error());
    if (pos == QStringList{QStringLiteral("list")}) {
        auto devices = store.value()->devices();
        if (!devices.ok())
            return fail(QStringLiteral("devices"), devices.error());
        for (const DeviceInfo &d : devices.value()) {
            out() << d.signKey.toHex() << (d.revokedMs ? " revoked" : " active");
            auto memberships = store.value()->memberships(d.id);
            if (memberships.ok())
                for (const Membership &m : memberships.value())
                    out() << ' ' << m.projectId << ':' << m.role;
            out() << '\n';
        }
        return 0;
    }
    if (pos.size() == 2 && pos.at(0) == QLatin1String("revoke")) {
        const QByteArray key = QByteArray::fromHex(pos.at(1).toLatin1());
        if (key.size() != 32)
            return fail(QStringLiteral("revoke"), makeError(ErrorCode::InvalidArgument,
                                                            QStringLiteral("a device id is 64 hex digits")));
        auto revoked = store.value()->revokeDevice(key, SystemClock().nowMs());
        if (!revoked.ok())
            return fail(QStringLiteral("revoke"), revoked.error());
        out() << "revoked\n";
        return 0;
    }
    c.parser.showHelp(2);
}

int cmdStatus(const QStringList &args)
{
    Command c(QStringLiteral("Prints counts of projects, devices and stored ops."));
    if (!c.parse(args))
        return 2;
    auto store = c.openStore();
    if (!store.ok())
        return fail(QStringLiteral("status"), store.error());
    auto counts = store.value()->counts();
    if (!counts.ok())
        return fail(QStringLiteral("status"), counts.error());
    out() << "projects " << counts->projects << "\ndevices " << counts->devices << " (revoked "
          << counts->revokedDevices << ")\nops " << counts->ops << "\nlast server_seq " << counts->lastServerSeq
          << "\nerased envelopes " << counts->erasedOps << "\ndevice sequences with gaps " << counts->devicesWithGaps
          << '\n';
    if (auto identity = loadTlsIdentity(c.paths(), c.storeKey); identity.ok())
        out() << "certificate sha256 " << tls::formatFingerprint(tls::fingerprint(identity->certificateDer)) << '\n';
    return 0;
}

void usage(QTextStream &s)
{
    s << "usage: samla-server <command> --data <dir> [--store postgresql://…] [options]\n"
         "commands:\n"
         "  init       create the data directory (key, TLS certificate) and the store\n"
         "  serve      serve sync (HTTPS; --plain-http on loopback behind a proxy)\n"
         "  project    create | list\n"
         "  enrol      issue a one-time enrolment token for a project\n"
         "  devices    list | revoke <device id>\n"
         "  status     counts\n"
         "Each command takes --help.\n";
    s.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("samla-server"));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{category} %{type} %{message}"));
    if (auto ready = crypto::initialize(); !ready.ok())
        return fail(QStringLiteral("crypto self-test"), ready.error());

    QStringList args = QCoreApplication::arguments();
    if (args.size() < 2 || args.at(1) == QLatin1String("--help") || args.at(1) == QLatin1String("-h")) {
        usage(args.size() < 2 ? err() : out());
        return args.size() < 2 ? 2 : 0;
    }
    const QString command = args.takeAt(1);
    // QCommandLineParser wants the program name first.
    if (command == QLatin1String("init"))
        return cmdInit(args);
    if (command == QLatin1String("serve"))
        return cmdServe(args);
    if (command == QLatin1String("project"))
        return cmdProject(args);
    if (command == QLatin1String("enrol"))
        return cmdEnrol(args);
    if (command == QLatin1String("devices"))
        return cmdDevices(args);
    if (command == QLatin1String("status"))
        return cmdStatus(args);
    err() << "samla-server: unknown command\n";
    usage(err());
    return 2;
}
