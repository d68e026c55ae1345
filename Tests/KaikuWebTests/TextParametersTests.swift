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

    /// The one-pass reader must read every text as Vapor's decoder does, odd ones included.
    func testTheOnePassReaderAgreesWithVaporsDecoderOnOddText() throws {
        let texts = [
            "", "&&&", "=", "=x", "a", "a=", "a==b", "a=b=c", "a=1&a=2&a", "a=1&a[]=2", "a[]=1&a=2", "a[b]=1", "a[b]c=1",
            "a[=1&b=2", "a]=1", "%5Ba%5D=1&b=2", "a%5B%5D=1&b=2", "a%ZZ=1&b=2", "a=%ZZ&b=2", "a=%E4&b=2", "a=%C3%A4&b=%F0%9F%98%80",
            "a=%00&%00=z", "a+b=c+d&e=%2B", "a=1;b=2", "[a]=1", "[[[=1&b=2", "a=" + String(repeating: "x", count: 5_000),
            String(repeating: "a=1&", count: 300) + "b=2", "a" + String(repeating: "[x]", count: 99) + "=1&b=2",
            "a" + String(repeating: "[x]", count: 100) + "=1&b=2", "lang=sv&lang=en&lang", "a=%&b=2", "a=%2&b=2", "a=%%41",
        ]
        let vapor = URLEncodedFormDecoder()
        for text in texts {
            let fast = try XCTUnwrap(TextParameters.fastURLEncoded(text), text)
            let expected = (try? vapor.decode(TextParameters.self, from: text)) ?? TextParameters()
            var names = Set(["a", "b", "c", "e", "lang", "a b", "\u{0}", "[a]", "a]", "a[", "missing", ""])
            for pair in text.split(separator: "&") {
                let name = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
                names.insert(name.removingPercentEncoding ?? name)
            }
            for name in names {
                XCTAssertEqual(fast[name], expected[name], "\(name) in \(text.prefix(80))")
            }
        }
        XCTAssertNil(TextParameters.fastURLEncoded("a=ä"), "text that is not ASCII is left to Vapor's decoder")
    }

    func testPercentDecodingAgreesWithFoundation() {
        let texts = ["", "abc", "%41%42", "%4", "%", "%zz", "a%20b", "%C3%A4", "%E4", "%F0%9F%98%80", "%00", "%2B+", "ä%C3%A4", "%%", "100%"]
        for text in texts {
            XCTAssertEqual(PercentDecoding.decode(text), text.removingPercentEncoding, text)
            XCTAssertEqual(PercentDecoding.decode(text, plusAsSpace: true),
                           text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding, text)
        }
    }
}
