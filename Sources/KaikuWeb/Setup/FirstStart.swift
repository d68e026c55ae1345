import Foundation
import KaikuStore
import Vapor

/// What `kaiku serve` does on a database without an organisation: makes a
/// one-time setup address and tells the operator, on standard error
/// whatever the log level, and in the log at notice.
enum FirstStart {
    /// Where the server listens, as the serve command was told.
    enum Listening: Sendable, Equatable {
        case address(host: String, port: Int)
        case socket(String)
    }

    /// Issues a setup address when there is no organisation and prints it.
    static func announce(_ app: Application, listening: Listening) async throws {
        guard let token = try await SetupTokens.issueIfNoOrganisation(at: app.kaiku.clock.now, on: app.db) else { return }
        let text = message(token: token, listening: listening, publicBaseURL: app.kaiku.settings.publicBaseURL)
        FileHandle.standardError.write(Data(text.utf8))
        app.logger.notice("First start: no organisation yet; the one-time setup address is \(address(token: token, listening: listening))")
    }

    /// The address as the operator's browser on this machine reaches it.
    static func address(token: String, listening: Listening) -> String {
        let path = SiteURL.setup(.value(token)).path
        switch listening {
        case .address(let host, let port):
            // An IPv6 literal needs brackets in a URL.
            let shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
            return "http://\(shown):\(port)\(path)"
        case .socket(let socket):
            return "\(path) on the socket \(socket)"
        }
    }

    static func message(token: String, listening: Listening, publicBaseURL: String?) -> String {
        var lines = [
            "",
            "Kaiku has no organisation yet. Set it up at this one-time address:",
            "",
            "    \(address(token: token, listening: listening))",
        ]
        if let base = publicBaseURL, !base.isEmpty {
            lines.append("    (or \(base.hasSuffix("/") ? String(base.dropLast()) : base)\(SiteURL.setup(.value(token)).path))")
        }
        lines += [
            "",
            "It works once, until an organisation exists; restart the server for a new one.",
            "Or create the organisation with `kaiku organisation create --code CODE --name-fi NAME`.",
            "",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The host and port the serve options name, with Vapor's defaults.
    static func listening(hostname: String?, port: Int?, bind: String?, socketPath: String?, defaults: HTTPServer.Configuration) -> Listening {
        if let socketPath { return .socket(socketPath) }
        if let bind, let colon = bind.lastIndex(of: ":"), let bound = Int(bind[bind.index(after: colon)...]) {
            return .address(host: String(bind[..<colon]), port: bound)
        }
        return .address(host: hostname ?? defaults.hostname, port: port ?? defaults.port)
    }
}
