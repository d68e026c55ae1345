import Foundation
import KaikuCore
import XCTest

final class Open311DocumentTests: XCTestCase {
    private func request(_ description: String) -> Open311Object {
        var object = Open311Object()
        object.add("service_request_id", "r1")
        object.add("description", description)
        object.add("status_notes", nil)
        object["media_urls"] = .list([.string("https://x.example/a.jpg")], item: "media_url")
        object["metadata"] = .bool(false)
        return object
    }

    func testJSONIsAnArrayOfObjectsInFieldOrderWithoutNilFields() throws {
        let document = Open311Document(.list([request("Hyvä \"palvelu\"")], root: "service_requests", item: "request"))

        let json = document.json()

        XCTAssertEqual(json, #"[{"service_request_id":"r1","description":"Hyvä \"palvelu\"","media_urls":["https://x.example/a.jpg"],"metadata":false}]"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        XCTAssertEqual(parsed?.first?["description"] as? String, "Hyvä \"palvelu\"")
    }

    func testXMLWrapsItemsInTheRootAndEscapesText() {
        let document = Open311Document(.list([request("<script>alert('x')</script> & co")], root: "service_requests", item: "request"))

        let xml = document.xml()

        XCTAssertEqual(xml, #"<?xml version="1.0" encoding="utf-8"?><service_requests><request><service_request_id>r1</service_request_id>"#
            + "<description>&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; co</description>"
            + "<media_urls><media_url>https://x.example/a.jpg</media_url></media_urls><metadata>false</metadata></request></service_requests>")
    }

    func testASingleObjectIsAJSONObjectAndItsOwnXMLRoot() {
        var definition = Open311Object()
        definition.add("service_code", "t-a1")
        definition["attributes"] = .list([], item: "attribute")
        let document = Open311Document(.single(definition, root: "service_definition"))

        XCTAssertEqual(document.json(), #"{"service_code":"t-a1","attributes":[]}"#)
        XCTAssertTrue(document.xml().hasSuffix("<service_definition><service_code>t-a1</service_code><attributes></attributes></service_definition>"))
    }

    func testSettingAFieldAgainReplacesItAndNilRemovesIt() {
        var object = Open311Object()
        object.add("a", "1")
        object.add("b", "2")
        object.add("a", "3")
        object["b"] = nil

        XCTAssertEqual(object.fields.map(\.name), ["a"])
        XCTAssertEqual(object["a"], .string("3"))
    }

    func testFormatComesFromThePathExtension() {
        XCTAssertEqual(Open311Format.split("requests.json")?.name, "requests")
        XCTAssertEqual(Open311Format.split("services.XML")?.format, .xml)
        XCTAssertEqual(Open311Format.split("0190f3a2-7b1c.json")?.name, "0190f3a2-7b1c")
        XCTAssertNil(Open311Format.split("services.csv"))
        XCTAssertNil(Open311Format.split("services"))
    }
}
