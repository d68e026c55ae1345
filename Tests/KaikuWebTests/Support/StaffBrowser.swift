import Foundation
import NIOCore
import XCTVapor
@testable import KaikuWeb

/// Drives the staff pages as a browser would: keeps cookies, posts forms,
/// and sends back the CSRF token of the last page it saw.
final class StaffBrowser {
    let app: Application
    var host: String
    private(set) var cookies: [String: String] = [:]
    private(set) var lastPage = ""

    init(_ app: Application, host: String = "127.0.0.1:8080") {
        self.app = app
        self.host = host
    }

    /// The session's CSRF token as written in the last page's forms.
    var csrf: String? {
        guard let range = lastPage.range(of: #"name="csrf" value="([^"]+)""#, options: .regularExpression) else { return nil }
        return String(lastPage[range].split(separator: "\"")[3])
    }

    @discardableResult
    func get(_ path: String) async throws -> XCTHTTPResponse {
        let response = try await app.sendRequest(.GET, path, headers: headers())
        remember(response)
        return response
    }

    /// Posts a form with the last page's CSRF token unless `csrf` says otherwise.
    @discardableResult
    func post(_ path: String, form: [String: String], csrf override: String?? = .none) async throws -> XCTHTTPResponse {
        var fields = form
        let token: String? = switch override {
        case .none: csrf
        case .some(let value): value
        }
        if let token { fields["csrf"] = token }
        var headers = headers()
        headers.contentType = .urlEncodedForm
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        let response = try await app.sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
        remember(response)
        return response
    }

    /// Posts a form whose names may repeat (checkbox lists such as `units[]`).
    @discardableResult
    func post(_ path: String, fields: [(String, String)]) async throws -> XCTHTTPResponse {
        var headers = headers()
        headers.contentType = .urlEncodedForm
        let body = (fields + [("csrf", csrf ?? "")]).map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        let response = try await app.sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
        remember(response)
        return response
    }

    /// Signs in through the sign-in page and returns the response of the form post.
    @discardableResult
    func signIn(email: String, password: String = TestWorld.password) async throws -> XCTHTTPResponse {
        try await get("/staff/login")
        return try await post("/staff/login", form: ["email": email, "password": password, "next": "/staff"])
    }

    private func headers() -> HTTPHeaders {
        var headers: HTTPHeaders = ["Host": host, "Accept": "text/html"]
        if !cookies.isEmpty {
            headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        return headers
    }

    private func remember(_ response: XCTHTTPResponse) {
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || header.lowercased().contains("max-age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        if response.headers.contentType?.subType == "html" { lastPage = response.text }
    }

    private static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value
    }
}
