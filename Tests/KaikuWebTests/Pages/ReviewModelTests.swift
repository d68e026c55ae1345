import Foundation
import KaikuCore
@testable import KaikuWeb
import XCTest

/// The review list's model and where its decisions return, as values.
final class ReviewModelTests: XCTestCase {
    func model(page: Int, total: Int) -> ReviewModel {
        ReviewModel(items: [], total: total, page: page, pageSize: 20)
    }

    func testOnlyTheTwoDecisionsAreAnnounced() {
        XCTAssertEqual(ReviewModel.notice(done: "published"), "staff.review.done.published")
        XCTAssertEqual(ReviewModel.notice(done: "withdrawn"), "staff.review.done.withdrawn")
        XCTAssertNil(ReviewModel.notice(done: "take"))
    }

    func testPageNumberIsBoundedSoNoOffsetCanOverflow() {
        XCTAssertEqual(ReviewModel.page(nil), 1)
        XCTAssertEqual(ReviewModel.page(-3), 1)
        XCTAssertEqual(ReviewModel.page(50_000), 10_000)
    }

    func testADecisionReturnsToThePageItWasMadeOn() {
        XCTAssertEqual(model(page: 1, total: 50).back, "/staff/review")
        XCTAssertEqual(model(page: 3, total: 50).back, "/staff/review?page=3")
        XCTAssertFalse(model(page: 1, total: 20).isPaged)
        XCTAssertTrue(model(page: 1, total: 21).isPaged)
    }

    func testOnlyTheListOrACasePageIsAPlaceToReturnTo() {
        let id = UUID()
        XCTAssertEqual(ReviewReturn.localBack(nil), "/staff/review")
        XCTAssertEqual(ReviewReturn.localBack("/staff/review?page=12"), "/staff/review?page=12")
        XCTAssertEqual(ReviewReturn.localBack("/staff/cases/\(id.uuidString)"), "/staff/cases/\(id.uuidString)")
        XCTAssertEqual(ReviewReturn.localBack("/staff/cases/\(id.uuidString.lowercased())"), "/staff/cases/\(id.uuidString.lowercased())")
        for outside in ["https://example.org/staff/review", "//example.org", "/staff/review?page=0", "/staff/review?page=123456",
                        "/staff/review?page=1&x=2", "/staff/cases/\(id.uuidString)/take", "/x/cases/\(id.uuidString)", "/staff/review?page=١"] {
            XCTAssertEqual(ReviewReturn.localBack(outside), "/staff/review", outside)
        }
        XCTAssertEqual(ReviewReturn.caseID(in: "/staff/cases/\(id.uuidString)"), id)
        XCTAssertNil(ReviewReturn.caseID(in: "/staff/review"))
    }
}
