import XCTVapor
@testable import KaikuWeb

/// `Request.queryStrings` and `contentStrings` parse the query or body once
/// and must give, for every name, what `query[String.self, at:]` and
/// `content.get(String.self, at:)` give.
final class TextParametersTests: XCTestCase {
    func testEveryNameGivesWhatTheQuerySubscriptGives() async throws {
        let app = try await Application.make(.testing)
        let query = "from=2026-01-01&to=&unit=PSHV%2D1&text=kiitos+paljon&theme=a&theme=b&list[]=x&nested[key]=y&%00=z&bare"
        let request = Request(application: app, method: .GET, url: URI(string: "/x?" + query), on: app.eventLoopGroup.next())
        let strings = request.queryStrings
        for name in ["from", "to", "unit", "text", "theme", "list", "nested", "\u{0}", "bare", "missing"] {
            XCTAssertEqual(strings[name], request.query[String.self, at: name], name)
        }
        XCTAssertEqual(strings["text"], "kiitos paljon")
        XCTAssertEqual(strings["theme"], "b")
        XCTAssertNil(strings["missing"])
        try await app.asyncShutdown()
    }

    func testABadlyEncodedQueryGivesWhatTheQuerySubscriptGives() async throws {
        let app = try await Application.make(.testing)
        let request = Request(application: app, method: .GET, url: URI(string: "/x?a=%ZZ&b=1"), on: app.eventLoopGroup.next())
        XCTAssertEqual(request.queryStrings["b"], request.query[String.self, at: "b"])
        try await app.asyncShutdown()
    }

    func testEveryFormFieldGivesWhatTheContentLookupGives() async throws {
        let app = try await Application.make(.testing)
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        let request = Request(application: app, method: .POST, url: URI(string: "/x"), headers: headers,
                              collectedBody: ByteBuffer(string: "csrf=abc&lang=sv&note=hei+vaan&note=moi&list[]=x"), on: app.eventLoopGroup.next())
        let strings = request.contentStrings
        for name in ["csrf", "lang", "note", "list", "missing"] {
            XCTAssertEqual(strings[name], try? request.content.get(String.self, at: name), name)
        }
        XCTAssertEqual(strings["note"], "moi")
        try await app.asyncShutdown()
    }

    func testMultipartFieldsAreReadBesideAFile() async throws {
        let app = try await Application.make(.testing)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": "XyZ"])
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\ncode;name\r\n--XyZ--\r\n"
        let request = Request(application: app, method: .POST, url: URI(string: "/x"), headers: headers,
                              collectedBody: ByteBuffer(string: body), on: app.eventLoopGroup.next())
        XCTAssertEqual(request.contentStrings["csrf"], "abc")
        XCTAssertEqual(request.contentStrings["csrf"], try? request.content.get(String.self, at: "csrf"))
        try await app.asyncShutdown()
    }
}
