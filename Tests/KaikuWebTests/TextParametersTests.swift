import XCTVapor
@testable import KaikuWeb

/// `Request.queryStrings` parses the query once and must give, for every
/// name, what `request.query[String.self, at:]` gives.
final class QueryStringsTests: XCTestCase {
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
}
