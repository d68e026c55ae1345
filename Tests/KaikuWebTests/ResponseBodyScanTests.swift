import Foundation
import KaikuStore
import XCTest
@testable import KaikuWeb

/// The submission body's fast reader must agree with `JSONDecoder` on every
/// body it accepts, and leave everything else to it.
final class ResponseBodyScanTests: XCTestCase {
    private func scan(_ text: String) -> ResponseRequestDTO? {
        scan(Array(text.utf8))
    }

    private func scan(_ bytes: [UInt8]) -> ResponseRequestDTO? {
        bytes.withUnsafeBytes { ResponseRequestDTO.scan($0) }
    }

    func testPlainFullAnswerIsReadAsJSONDecoderReadsIt() throws {
        let body = #"{"target":"t-a1","channel":"web","language":"fi","answers":{"nps":9,"felt_safe":4,"smooth_access":null},"#
            + #""openText":"Hyvää palvelua","respondent":"self","wantsAnswer":true,"contact":{"name":"Anna","email":"a@example.org","phone":null}}"#
        let scanned = try XCTUnwrap(scan(body), "a plain body is read without JSONDecoder")
        let decoded = try JSONDecoder().decode(ResponseRequestDTO.self, from: Data(body.utf8))
        XCTAssertEqual(try scanned.fingerprint(), try decoded.fingerprint())
        XCTAssertEqual(scanned.answers?["smooth_access"], .null)
        XCTAssertEqual(scanned.contact?.email, "a@example.org")
    }

    func testBodiesOutsideThePlainSubsetAreLeftToJSONDecoder() {
        let bodies = [
            #"{"target":"t-\u0061"}"#,                      // escape
            #"{"answers":{"nps":9.0}}"#,                      // fraction
            #"{"answers":{"nps":1e1}}"#,                      // exponent
            #"{"answers":{"nps":05}}"#,                       // leading zero (invalid JSON)
            #"{"answers":{"nps":1234567890123456789012}}"#,   // beyond Int
            #"{"target":"a","target":"b"}"#,                  // a key twice
            #"{"target":"a","extra":1}"#,                     // a key the DTO does not know
            #"{"answers":{"nps":[9]}}"#,                      // array
            #"{"answers":{"nps":{"a":{"b":1}}}}"#,            // deeper than one level
            #"{"target":"a",}"#,                              // trailing comma
            #"{"target":"a"} x"#,                             // bytes after the object
            #"["target"]"#,                                   // not an object
            "{\"target\":\"a\tb\"}",                          // raw control character
            "\u{FEFF}{\"target\":\"a\"}",                     // byte order mark
            #"{"target":1}"#,                                 // wrong type
            #"{"wantsAnswer":"yes"}"#,
            #"{"contact":{"name":"A","fax":"1"}}"#,
        ]
        for body in bodies {
            XCTAssertNil(scan(body), body)
        }
        XCTAssertNil(scan([0x7B, 0x22, 0x74, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D]), "invalid UTF-8")
    }

    /// Random bodies built from plain and awkward pieces alike: whatever the
    /// reader accepts, JSONDecoder must decode to the same request.
    func testEveryAcceptedRandomBodyDecodesTheSameWithJSONDecoder() throws {
        var random = SplitMix64(seed: 20)
        var accepted = 0, refused = 0
        for _ in 0..<4_000 {
            var bytes = Array(Self.randomBody(using: &random).utf8)
            if Int.random(in: 0..<8, using: &random) == 0, !bytes.isEmpty {
                // A damaged byte somewhere: JSONDecoder must agree with anything still accepted.
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = [0x22, 0x2C, 0x7D, 0x5C, 0xFF, 0x20, 0x30].randomElement(using: &random)!
            }
            let decoded = try? JSONDecoder().decode(ResponseRequestDTO.self, from: Data(bytes))
            guard let scanned = scan(bytes) else {
                refused += 1
                continue
            }
            accepted += 1
            let text = String(decoding: bytes, as: UTF8.self)
            let expected = try XCTUnwrap(decoded, "accepted a body JSONDecoder refuses: \(text)")
            XCTAssertEqual(try scanned.fingerprint(), try expected.fingerprint(), text)
        }
        XCTAssertGreaterThan(accepted, 300, "the generator makes enough plain bodies")
        XCTAssertGreaterThan(refused, 500, "and enough awkward ones")
    }

    func testReceiptBodyReadsBackAsTheReceipt() throws {
        for receipt in ["K7QH-3MXA", "odd/\"code\\ ä"] {
            let dto = ReceiptDTO(id: UUID(), receipt: receipt)
            let read = try JSONDecoder().decode(ReceiptDTO.self, from: Data(try dto.json().utf8))
            XCTAssertEqual(read.id, dto.id)
            XCTAssertEqual(read.receipt, receipt)
        }
    }

    private static func randomBody(using random: inout SplitMix64) -> String {
        func pick(_ options: [String]) -> String { options.randomElement(using: &random)! }
        func space() -> String { pick(["", "", "", " ", "\n  ", "\t"]) }
        func scalar() -> String {
            pick([#""fi""#, #""web""#, #""t-a1""#, #""Hyvää palvelua ✓""#, #""a/b""#, #""q\"uote""#, #""\u00e4""#, #""""#,
                  "0", "5", "10", "-3", "-0", "05", "9.5", "1e2", "99999999999999999999", "true", "false", "null", "[1]"])
        }
        func object(_ keys: [String], nested: Bool) -> String {
            let count = Int.random(in: 0...4, using: &random)
            let fields = (0..<count).map { _ in
                let value = nested && Bool.random(using: &random)
                    ? object(["nps", "felt_safe", "name", "email", "x"], nested: false) : scalar()
                return space() + "\"" + pick(keys) + "\"" + space() + ":" + space() + value
            }
            return "{" + fields.joined(separator: ",") + space() + "}"
        }
        let top = ["target", "channel", "language", "openText", "respondent", "answeredAt", "wantsAnswer"]
        var fields = [#""target":"t-a1""#, #""channel":"web""#, #""language":"fi""#]
        fields.append(#""answers":"# + space() + object(["nps", "felt_safe", "smooth_access", "decided_together", "x-own"], nested: Bool.random(using: &random)))
        for _ in 0..<Int.random(in: 0...2, using: &random) {
            let key = Bool.random(using: &random) ? pick(top) : pick(["contact", "extra", "answers"])
            let value = key == "contact" ? object(["name", "email", "phone", "fax"], nested: false) : scalar()
            fields.append(space() + "\"" + key + "\":" + space() + value)
        }
        return space() + "{" + fields.shuffled(using: &random).joined(separator: ",") + "}" + space()
    }
}
