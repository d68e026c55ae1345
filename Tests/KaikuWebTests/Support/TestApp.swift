import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import SQLKit
import XCTVapor
@testable import KaikuWeb

/// Runs `body` against a freshly migrated application: SQLite in a temporary
/// file by default, or the PostgreSQL database named by
/// `KAIKU_TEST_DATABASE_URL` (emptied first), so the same suite runs on both.
/// Migrating costs more than most tests in a debug build, so it happens once per
/// process where it can: SQLite tests start from a copy of the first one's
/// migrated file (`MigratedTemplate`), PostgreSQL tests from the previous test's
/// schema with its rows deleted (`PostgresTestReset`).
func withApp(
    clock: WallClock = .system, mail: RecordingMailSender? = nil, sms: (any SMSSender)? = nil,
    oidcClient: (any OIDCProviderClient)? = nil,
    adjust: (inout KaikuSettings) -> Void = { _ in },
    _ body: (Application) async throws -> Void
) async throws {
    let app = try await Application.make(.testing)
    let environment = ProcessInfo.processInfo.environment
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kaiku-test-\(UUID().uuidString)")
    let location: DatabaseLocation
    if let url = environment["KAIKU_TEST_DATABASE_URL"], !url.isEmpty {
        location = try DatabaseLocation(url: url)
    } else {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("kaiku.sqlite").path
        try MigratedTemplate.copy(to: path)
        location = .sqlite(path: path)
    }
    var settings = KaikuSettings(database: location, autoMigrate: false)
    settings.passwordCost = 4
    settings.encryptionKey = ContactCipher.generateKey()
    adjust(&settings)
    do {
        try await configure(app, settings: settings, clock: clock, mail: mail, sms: sms, oidcClient: oidcClient)
        if location.isPostgres { try await PostgresTestReset.empty(app.db) }
        try await app.autoMigrate()
        if location.isPostgres { try await PostgresTestReset.migrated(app.db) } else { try await MigratedTemplate.keep(app.db) }
        try await Bootstrap.run(app)
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        try? FileManager.default.removeItem(at: directory)
        throw error
    }
    try await app.asyncShutdown()
    try? FileManager.default.removeItem(at: directory)
}

extension Application {
    /// Sends JSON and returns the response.
    func send<Body: Encodable>(
        _ method: HTTPMethod, _ path: String, json: Body, token: String? = nil, headers extra: HTTPHeaders = [:]
    ) async throws -> XCTHTTPResponse {
        var headers = extra
        headers.contentType = .json
        if let token { headers.bearerAuthorization = .init(token: token) }
        let data = try JSONEncoder().encode(json)
        return try await sendRequest(method, path, headers: headers, body: ByteBuffer(data: data))
    }

    func send(_ method: HTTPMethod, _ path: String, token: String? = nil, headers extra: HTTPHeaders = [:], body: String? = nil) async throws -> XCTHTTPResponse {
        var headers = extra
        if let token { headers.bearerAuthorization = .init(token: token) }
        return try await sendRequest(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }
}

extension XCTHTTPResponse {
    func json<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: Data(buffer: body))
    }

    /// The body as loosely typed JSON, for checking that keys are present with null.
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
    }

    var text: String { String(buffer: body) }
}

/// A JSON body with arbitrary content, for requests the DTOs cannot express.
struct RawJSON: Encodable {
    let value: Any

    init(_ value: Any) { self.value = value }

    func encode(to encoder: any Encoder) throws {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])
        let decoded = try JSONDecoder().decode(AnyJSON.self, from: data)
        try decoded.encode(to: encoder)
    }
}

private enum AnyJSON: Codable {
    case null, bool(Bool), number(Double), int(Int), string(String), array([AnyJSON]), object([String: AnyJSON])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([AnyJSON].self) { self = .array(a) }
        else { self = .object(try c.decode([String: AnyJSON].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .number(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}
