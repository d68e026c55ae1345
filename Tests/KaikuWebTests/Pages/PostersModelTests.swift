@testable import KaikuWeb
import XCTest

/// Where the posters' links lead, as values.
final class PostersModelTests: XCTestCase {
    func testTheConfiguredPublicAddressWinsOverTheHostAsked() {
        XCTAssertEqual(PostersModel.base(publicBaseURL: "https://palaute.example.fi/", host: "10.0.0.5:8080"), "https://palaute.example.fi")
        XCTAssertEqual(PostersModel.base(publicBaseURL: nil, host: "10.0.0.5:8080"), "http://10.0.0.5:8080")
        XCTAssertEqual(PostersModel.base(publicBaseURL: nil, host: nil), "http://127.0.0.1:8080")
    }

    func testACardPrintsTheShortLinkAndTheRemoteOne() {
        let links = PostersModel.links(target: "ER-1", base: "https://palaute.example.fi")
        XCTAssertEqual(links.link, "https://palaute.example.fi/t/ER-1")
        XCTAssertEqual(links.remote, "https://palaute.example.fi/t/ER-1/remote")
    }
}
