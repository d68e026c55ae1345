import Foundation
import NIOCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// Sends odd values to every parameter of every registered route: path
/// parameters, query parameters, and form or JSON bodies. First every
/// parameter odd at once (what is read leniently meets the odd value too),
/// then one odd value at a time from a plausible baseline, so that each
/// parameter is reached past the checks of the others. Which parameters a
/// route reads is found by group testing: a group of probes that changes
/// nothing in the answer holds none of them. Every 5xx is collected.
final class RouteFuzzer {
    struct Failure: CustomStringConvertible {
        var request: String
        var status: HTTPStatus
        var body: String
        var description: String { "\(status.code) \(request): \(body.prefix(300))" }
    }

    enum Credential { case none, bearer(String), session }
    enum BodyKind { case none, form, json }
    private struct Signature: Equatable { var status: UInt; var body: Data }

    /// Probe values that a parameter read by the route cannot ignore: text no
    /// check accepts, and a number other than the baseline's.
    static let probes = ["\u{1}probe", "2"]
    /// More than any route reads (the setup form, the largest, reads about fifteen): a search that finds
    /// more has been misled by an answer that changes by itself.
    static let mostNamesARouteReads = 40

    let app: Application
    private(set) var fuzz: FuzzWorld
    let names: [String]
    private(set) var failures: [Failure] = []
    private(set) var requests = 0
    /// The staff session's token, made straight in the database so that
    /// fuzzing the sign-in (and its throttle) never locks the fuzzer out.
    private var session = ""

    init(app: Application, fuzz: FuzzWorld, names: [String]) {
        self.app = app
        self.fuzz = fuzz
        self.names = names
    }

    func run(_ route: Route) async throws {
        // A route may sign the fuzzer out (sign-out, locking, ending sessions): every route starts afresh.
        session = TokenHash.newToken()
        try await UserToken(userID: fuzz.adminID, tokenHash: TokenHash.of(session), expiresAt: Date().addingTimeInterval(3_600))
            .create(on: app.db)
        try await fuzz.renew(app)
        let credential = credential(for: route)
        let kind = bodyKind(for: route)
        for (index, path) in try await livePaths(route, credential: credential, kind: kind).enumerated() {
            // Every odd value on the first path that leads somewhere, the pointed ones on the others.
            let values = index == 0 ? FuzzValues.all : FuzzValues.pointed
            try await fuzzQuery(route.method, path, credential: credential, kind: kind, values: values)
            switch kind {
            case .none: break
            case .form: try await fuzzForm(route.method, path, credential: credential)
            case .json: try await fuzzJSON(route.method, path, credential: credential)
            }
        }
    }

    // MARK: - Which credential and body a route takes

    private func credential(for route: Route) -> Credential {
        let parts = route.path.map(\.description)
        guard let first = parts.first else { return .none }
        if first == "staff" { return .session }
        guard first == "api", parts.count > 2 else { return .none }
        switch parts[2] {
        case "visits": return .bearer(fuzz.apiKey)
        case "sms": return .bearer(fuzz.webhookToken)
        case "kiosk": return .bearer(fuzz.kioskToken)
        case "public": return .none
        default: return .bearer(fuzz.token)
        }
    }

    private func bodyKind(for route: Route) -> BodyKind {
        guard [.POST, .PUT, .PATCH, .DELETE].contains(route.method) else { return .none }
        return route.path.first?.description == "api" ? .json : .form
    }

    private func baselineBody(_ kind: BodyKind, _ path: String) -> (HTTPMediaType, String)? {
        switch kind {
        case .none: nil
        case .form: (.urlEncodedForm, Self.formEncoded(baselineFields(path)))
        case .json: (.json, Self.jsonObject(baselineJSON(path)))
        }
    }

    private func baselineFields(_ path: String) -> [(String, String)] {
        names.map { ($0, FuzzValues.baseline(for: $0, path: path, world: fuzz)) }
    }

    private func baselineJSON(_ path: String) -> [(String, String)] {
        names.map { ($0, FuzzValues.jsonBaseline(for: $0, path: path, world: fuzz)) }
    }

    // MARK: - Paths

    /// Paths with each parameter replaced by real and odd values; those that
    /// lead somewhere (anything but 404) are fuzzed further, at most three.
    private func livePaths(_ route: Route, credential: Credential, kind: BodyKind) async throws -> [String] {
        var paths = [""]
        let values = fuzz.pathValues(open311: route.path.first?.description == "open311") + FuzzValues.pointed.filter { !$0.isEmpty }.map(Self.escaped) + ["%00", "%2e%2e", "x%2Fy"]
        for component in route.path {
            switch component {
            case .constant(let text): paths = paths.map { "\($0)/\(text)" }
            case .parameter, .anything: paths = Array(paths.flatMap { prefix in values.map { "\(prefix)/\($0)" } }.prefix(200))
            case .catchall: paths = paths.map { "\($0)/a/b" }
            }
        }
        if paths == [""] { paths = ["/"] }
        var live: [String] = []
        for path in paths {
            let response = try await send(route.method, path, query: [], credential: credential, body: baselineBody(kind, path))
            if response.status != .notFound, live.count < 3 {
                live.append(path)
                if ProcessInfo.processInfo.environment["KAIKU_FUZZ_VERBOSE"] != nil, response.status.code >= 400 {
                    FileHandle.standardError.write(Data("  baseline \(response.status.code) \(path): \(response.text.prefix(160))\n".utf8))
                }
            }
        }
        return live.isEmpty ? [paths[0]] : live
    }

    // MARK: - Query, form and JSON

    private func fuzzQuery(_ method: HTTPMethod, _ path: String, credential: Credential, kind: BodyKind, values: [String]) async throws {
        let body = baselineBody(kind, path)
        let base = baselineFields(path)
        for value in values {
            try await send(method, path, query: names.map { ($0, value) }, credential: credential, body: body)
        }
        try await send(method, path, query: base + names.map { ($0, "9999-12-31") }, credential: credential, body: body)
        let read = try await relevant(base) { fields in
            try await self.signature(method, path, query: fields, credential: credential, body: body)
        }
        for name in read {
            for value in FuzzValues.pointed {
                try await send(method, path, query: base.map { $0.0 == name ? (name, value) : $0 }, credential: credential, body: body)
            }
        }
    }

    private func fuzzForm(_ method: HTTPMethod, _ path: String, credential: Credential) async throws {
        let base = baselineFields(path)
        func form(_ fields: [(String, String)]) -> (HTTPMediaType, String) { (.urlEncodedForm, Self.formEncoded(fields)) }
        for value in FuzzValues.all {
            try await send(method, path, query: [], credential: credential, body: form(names.map { ($0, value) }))
        }
        try await send(method, path, query: [], credential: credential, body: form(base + names.map { ($0, "9999-12-31") }))
        try await send(method, path, query: [], credential: credential, body: (.json, "{\"a\": 1}"))
        let read = try await relevant(base) { fields in
            try await self.signature(method, path, query: [], credential: credential, body: form(fields))
        }
        for name in read {
            for value in FuzzValues.pointed {
                try await send(method, path, query: [], credential: credential, body: form(base.map { $0.0 == name ? (name, value) : $0 }))
            }
        }
    }

    private func fuzzJSON(_ method: HTTPMethod, _ path: String, credential: Credential) async throws {
        let base = baselineJSON(path)
        for raw in ["", "{", "[]", "null", "\"x\"", "{\"a\":" + String(repeating: "[", count: 600), String(repeating: " ", count: 70_000)] {
            try await send(method, path, query: [], credential: credential, body: (.json, raw))
        }
        try await send(method, path, query: [], credential: credential, body: (.plainText, Self.jsonObject(base)))
        for value in FuzzValues.json {
            try await send(method, path, query: [], credential: credential, body: (.json, Self.jsonObject(names.map { ($0, value) })))
        }
        let read = try await relevant(base.map { ($0.0, $0.1) }, probes: ["\"\\u0001probe\"", "2"]) { fields in
            try await self.signature(method, path, query: [], credential: credential, body: (.json, Self.jsonObject(fields)))
        }
        for name in read {
            for value in FuzzValues.json {
                let fields = base.map { $0.0 == name ? (name, value) : $0 }
                try await send(method, path, query: [], credential: credential, body: (.json, Self.jsonObject(fields)))
            }
        }
    }

    /// The names whose probe changes the answer, by halving groups that do.
    private func relevant(_ base: [(String, String)], probes: [String] = RouteFuzzer.probes, statusOnly: Bool = false,
                          answer: ([(String, String)]) async throws -> Signature) async throws -> [String] {
        let baseline = try await answer(base)
        let again = try await answer(base)
        if again.status != baseline.status {
            // Not idempotent (a second registration conflicts): only a refusal of the input tells.
            let refusalOnly = answer
            return try await relevant(base, probes: probes) { fields in
                let signature = try await refusalOnly(fields)
                return Signature(status: [400, 413, 415, 422].contains(signature.status) ? 400 : 0, body: Data())
            }
        }
        if again != baseline {
            // The answer moves by itself (a time, a code issued): only the status can tell.
            let statusOnly = answer
            return try await relevant(base, probes: probes) { fields in
                var signature = try await statusOnly(fields)
                signature.body = Data()
                return signature
            }
        }
        var found = Set<String>()
        for probe in probes {
            func search(_ group: ArraySlice<String>) async throws {
                // Past this many the search has been misled (below): no need to finish it.
                guard !group.isEmpty, found.count <= Self.mostNamesARouteReads else { return }
                let probed = Set(group)
                let fields = base.map { probed.contains($0.0) ? ($0.0, probe) : $0 }
                let probedAnswer = try await answer(fields)
                // A route that creates things may drift (the tenth kiosk of a unit): the baseline is asked again before a group counts.
                guard probedAnswer != baseline, try await probedAnswer != answer(base) else { return }
                guard group.count > 1 else { found.insert(group[group.startIndex]); return }
                let middle = group.startIndex + group.count / 2
                try await search(group[group.startIndex..<middle])
                try await search(group[middle...])
            }
            try await search(ArraySlice(base.map(\.0)))
        }
        if found.count > Self.mostNamesARouteReads, statusOnly {
            // Even the status drifts (a limit that some requests reach): no search can tell which names
            // the route reads, and probing every name one by one would cost thousands of requests for
            // nothing — the all-at-once values above have reached it.
            if ProcessInfo.processInfo.environment["KAIKU_FUZZ_VERBOSE"] != nil {
                FileHandle.standardError.write(Data("  reads: (cannot tell: the status drifts)\n".utf8))
            }
            return []
        }
        if found.count > Self.mostNamesARouteReads {
            // The answer drifted during the search after all (a page listing what the other workers change,
            // such as the audit log): every group looked read. As above, only the status can tell.
            let drifting = answer
            return try await relevant(base, probes: probes, statusOnly: true) { fields in
                var signature = try await drifting(fields)
                signature.body = Data()
                return signature
            }
        }
        if ProcessInfo.processInfo.environment["KAIKU_FUZZ_VERBOSE"] != nil {
            FileHandle.standardError.write(Data("  reads: \(found.sorted().joined(separator: ", "))\n".utf8))
        }
        return found.sorted()
    }

    // MARK: - Sending

    private func signature(_ method: HTTPMethod, _ path: String, query: [(String, String)], credential: Credential,
                           body: (HTTPMediaType, String)?) async throws -> Signature {
        let response = try await send(method, path, query: query, credential: credential, body: body)
        var data = Data(buffer: response.body)
        // JSON objects come with their keys in any order: compare them sorted.
        if let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
           let sorted = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed]) {
            data = sorted
        }
        return Signature(status: response.status.code, body: data)
    }

    @discardableResult
    private func send(_ method: HTTPMethod, _ path: String, query: [(String, String)], credential: Credential,
                      body: (HTTPMediaType, String)?) async throws -> XCTHTTPResponse {
        var headers: HTTPHeaders = ["Host": "127.0.0.1:8080", "Accept": "text/html, application/json"]
        var bodyText = body?.1
        switch credential {
        case .none: break
        case .bearer(let token): headers.bearerAuthorization = .init(token: token)
        case .session:
            headers.add(name: .cookie, value: "\(StaffSession.cookie)=\(session)")
            if let text = bodyText, body?.0 == .urlEncodedForm {
                bodyText = text + (text.isEmpty ? "" : "&") + "csrf=" + Self.escaped(StaffSession.csrfToken(forSession: session))
            }
        }
        if let body { headers.contentType = body.0 }
        let url = path + (query.isEmpty ? "" : "?" + Self.formEncoded(query))
        requests += 1
        let response = try await app.sendRequest(method, url, headers: headers, body: bodyText.map { ByteBuffer(string: $0) })
        if response.status.code >= 500 {
            failures.append(Failure(request: "\(method) \(url.prefix(300)) body: \((bodyText ?? "").prefix(200))",
                                    status: response.status, body: String(buffer: response.body)))
        }
        return response
    }

    /// Every byte but ASCII letters and digits percent-encoded, as Foundation's
    /// `addingPercentEncoding(withAllowedCharacters: .alphanumerics)` does for
    /// ASCII text, without its cost (every request encodes all 269 names);
    /// other text (which that leaves partly unencoded) still goes through it.
    static func escaped(_ value: String) -> String {
        guard value.utf8.allSatisfy({ $0 < 0x80 }) else {
            return value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                out.append(byte)
            default:
                out.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func formEncoded(_ fields: [(String, String)]) -> String {
        fields.map { "\(escaped($0.0))=\(escaped($0.1))" }.joined(separator: "&")
    }

    /// A JSON object from names and JSON literals (not checked: odd literals are the point).
    static func jsonObject(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\"\(FuzzValues.jsonEscaped($0.0))\": \($0.1)" }.joined(separator: ", ") + "}"
    }
}
