import ConsoleKit
import Vapor

/// `kaiku serve`: Vapor's serve command, after the database is opened and
/// migrated. Its options are Vapor's own, with `--data-dir` beside them.
struct KaikuServeCommand: KaikuCommand {
    struct Signature: CommandSignature {
        @Option(name: "hostname", short: "H", help: "The address to listen on (127.0.0.1 by default).")
        var hostname: String?
        @Option(name: "port", short: "p", help: "The port to listen on (8080 by default).")
        var port: Int?
        @Option(name: "bind", short: "b", help: "HOST:PORT, instead of --hostname and --port.")
        var bind: String?
        @Option(name: "unix-socket", help: "A Unix domain socket to listen on instead.")
        var socketPath: String?
        @Option(name: "data-dir", help: "Keep the SQLite database in this directory (made when missing) instead of DATABASE_URL.")
        var dataDirectory: String?

        init() {}
    }

    var help: String { "Migrate and serve the database named by DATABASE_URL or --data-dir." }

    func run(using context: CommandContext, signature: Signature) async throws {
        // Vapor's own check, made before the database is opened.
        let alone = [try signature.$bind.given(), try signature.$socketPath.given()].compactMap { $0 }.count
        let paired = [try signature.$hostname.given(), try signature.$port.given().map(String.init)].compactMap { $0 }.count
        guard alone == 0 || (alone == 1 && paired == 0) else { throw ServeCommand.Error.incompatibleFlags }
        let app = try await context.openDatabase(dataDirectory: signature.$dataDirectory.given(), serving: true)
        try await FirstStart.announce(app, listening: FirstStart.listening(
            hostname: signature.$hostname.given(), port: signature.$port.given(), bind: signature.$bind.given(),
            socketPath: signature.$socketPath.given(), defaults: app.http.server.configuration))
        try await Self.serve(context, hostname: signature.$hostname.given(), port: signature.$port.given(),
                             bind: signature.$bind.given(), socketPath: signature.$socketPath.given())
    }

    /// Hands the listening options to Vapor's serve command, which starts the
    /// server and stops it on SIGINT or SIGTERM.
    static func serve(_ context: CommandContext, hostname: String?, port: Int?, bind: String? = nil, socketPath: String? = nil) async throws {
        var arguments = [context.input.executable]
        if let hostname { arguments += ["--hostname", hostname] }
        if let port { arguments += ["--port", String(port)] }
        if let bind { arguments += ["--bind", bind] }
        if let socketPath { arguments += ["--unix-socket", socketPath] }
        var serving = context
        serving.input = CommandInput(arguments: arguments)
        try await context.application.servers.asyncCommand.run(using: &serving)
    }
}
