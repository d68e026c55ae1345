import XCTest
@testable import KaikuCore

final class SummaryReportTests: XCTestCase {

    /// county ─┬─ south ─── s1        elsewhere ─── e1   (another organisation)
    ///         ├─ north ─┬─ n1
    ///         │         └─ n2
    ///         └─ west   (no answers)
    private let tree = OrgTree<String>([
        ("county", nil),
        ("south", "county"),
        ("north", "county"),
        ("west", "county"),
        ("n1", "north"),
        ("n2", "north"),
        ("s1", "south"),
        ("elsewhere", nil),
        ("e1", "elsewhere"),
    ])

    /// Public codes, so that group keys can be told apart from internal ids.
    private func code(_ id: String) -> String { "U-\(id)" }

    /// Own answers of each unit by group key (here: channel).
    private let tallies: [String: [String: Tally]] = [
        "county": ["web": makeTally(recommendations: [0, 0])],
        "north": ["web": makeTally(recommendations: [10])],
        "n1": ["web": makeTally(recommendations: [10, 9, 9]), "sms": makeTally(recommendations: [7, 3])],
        "n2": ["kiosk": makeTally(recommendations: [10, 10, 6, 8, 9])],
        "s1": ["sms": makeTally(recommendations: [2, 9, 10]), "web": makeTally(recommendations: [8])],
        "e1": ["web": makeTally(recommendations: [1, 1, 1]), "paper": makeTally(recommendations: [0, 0, 0, 0, 0])],
    ]

    private func report(
        root: String = "county", grouping: SummaryReport.Grouping,
        policy: SuppressionPolicy = SuppressionPolicy(minimumN: 1),
        tallies: [String: [String: Tally]]? = nil
    ) -> SummaryReport {
        SummaryReport.build(
            tree: tree, root: root, tallies: tallies ?? self.tallies, grouping: grouping,
            statementOrder: ["s1"], policy: policy, key: code
        )
    }

    private func group(_ key: String, in report: SummaryReport, file: StaticString = #filePath, line: UInt = #line) throws -> Figures {
        try XCTUnwrap(report.groups.first { $0.key == key }?.figures, "no group \(key)", file: file, line: line)
    }

    // MARK: Whole

    func testWholeCountsTheRootsSubtreeOnly() {
        // Arrange: the county's subtree, counted by hand:
        // county 0,0 | north 10 | n1 10,9,9,7,3 | n2 10,10,6,8,9 | s1 2,9,10,8
        let expectedAnswers = 2 + 1 + 5 + 5 + 4
        let expectedPromoters = 0 + 1 + 3 + 3 + 2
        let expectedDetractors = 2 + 0 + 1 + 1 + 1

        // Act
        let whole = report(grouping: .none).whole

        // Assert
        XCTAssertEqual(whole.n, expectedAnswers)
        XCTAssertEqual(whole.promoters, expectedPromoters)
        XCTAssertEqual(whole.detractors, expectedDetractors)
        XCTAssertEqual(whole.nps, 24) // (9 − 5) / 17 = 23.5 %
    }

    func testGroupingNoneHasNoGroups() {
        // Act
        let result = report(grouping: .none)

        // Assert
        XCTAssertEqual(result.groups, [])
    }

    // MARK: Children

    func testGroupingChildrenGivesOneGroupPerChildSortedByCode() {
        // Act
        let result = report(grouping: .children)

        // Assert
        XCTAssertEqual(result.groups.map(\.key), ["U-north", "U-south", "U-west"])
    }

    func testChildGroupCoversTheChildsWholeSubtree() throws {
        // Act
        let result = report(grouping: .children)
        let north = try group("U-north", in: result)
        let south = try group("U-south", in: result)

        // Assert: north = own 10 + n1 10,9,9,7,3 + n2 10,10,6,8,9.
        XCTAssertEqual(north.n, 11)
        XCTAssertEqual(north.promoters, 7)
        XCTAssertEqual(north.passives, 2)
        XCTAssertEqual(north.detractors, 2)
        // south = s1 2,9,10,8.
        XCTAssertEqual(south.n, 4)
        XCTAssertEqual(south.promoters, 2)
    }

    func testChildWithoutAnswersIsAnEmptyGroup() throws {
        // Act
        let west = try group("U-west", in: report(grouping: .children))

        // Assert
        XCTAssertEqual(west.n, 0)
        XCTAssertNil(west.nps)
    }

    func testRootsOwnAnswersCountInTheWholeButInNoGroup() {
        // Act
        let result = report(grouping: .children)
        let groupTotal = result.groups.map(\.figures.n).reduce(0, +)

        // Assert: the county's own two answers are the difference.
        XCTAssertEqual(result.whole.n, 17)
        XCTAssertEqual(groupTotal, 15)
    }

    func testChildrenOfAnInnerRootAreItsOwnChildren() throws {
        // Act
        let result = report(root: "north", grouping: .children)

        // Assert
        XCTAssertEqual(result.groups.map(\.key), ["U-n1", "U-n2"])
        XCTAssertEqual(try group("U-n1", in: result).n, 5)
        XCTAssertEqual(result.whole.n, 11)
    }

    // MARK: Keys

    func testGroupingKeysSumsEachKeyAcrossTheSubtreeSortedByKey() throws {
        // Act
        let result = report(grouping: .keys)

        // Assert: e1's "paper" is outside the subtree and must not appear.
        XCTAssertEqual(result.groups.map(\.key), ["kiosk", "sms", "web"])
        // web = county 0,0 + north 10 + n1 10,9,9 + s1 8.
        let web = try group("web", in: result)
        XCTAssertEqual(web.n, 7)
        XCTAssertEqual(web.promoters, 4)
        XCTAssertEqual(web.passives, 1)
        XCTAssertEqual(web.detractors, 2)
        // sms = n1 7,3 + s1 2,9,10.
        let sms = try group("sms", in: result)
        XCTAssertEqual(sms.n, 5)
        XCTAssertEqual(sms.detractors, 2)
    }

    func testGroupingKeysLeavesUnitsOutsideTheSubtreeUncounted() throws {
        // Act
        let result = report(root: "south", grouping: .keys)

        // Assert: only s1's sms 2,9,10 and web 8; not e1's three web answers.
        XCTAssertEqual(result.groups.map(\.key), ["sms", "web"])
        XCTAssertEqual(try group("web", in: result).n, 1)
        XCTAssertEqual(result.whole.n, 4)
    }

    // MARK: Suppression

    func testSuppressionIsAppliedToEachGroupOnItsOwn() throws {
        // Arrange
        let policy = SuppressionPolicy(minimumN: 5)

        // Act
        let byKey = report(grouping: .keys, policy: policy)
        let byChild = report(grouping: .children, policy: policy)

        // Assert: web (7) and sms (5) shown, kiosk (5) shown; south (4) hidden, north (11) shown.
        XCTAssertNotNil(try group("web", in: byKey).nps)
        XCTAssertNotNil(try group("sms", in: byKey).nps)
        XCTAssertNil(try group("U-south", in: byChild).nps)
        XCTAssertNil(try group("U-south", in: byChild).promoters)
        XCTAssertEqual(try group("U-south", in: byChild).n, 4)
        XCTAssertNotNil(try group("U-north", in: byChild).nps)
        XCTAssertNotNil(byChild.whole.nps)
    }

    func testSmallKeyGroupIsSuppressedWhileTheWholeIsShown() throws {
        // Arrange: south's subtree has 3 sms answers and 1 web answer.
        let policy = SuppressionPolicy(minimumN: 3)

        // Act
        let result = report(root: "south", grouping: .keys, policy: policy)

        // Assert
        XCTAssertEqual(try group("sms", in: result).nps, 33) // (2 − 1) / 3
        XCTAssertNil(try group("web", in: result).nps)
        XCTAssertEqual(try group("web", in: result).n, 1)
        XCTAssertEqual(result.whole.nps, 25) // (2 − 1) / 4
    }

    func testStatementsAreReportedPerGroup() throws {
        // Arrange
        let withStatements: [String: [String: Tally]] = [
            "n1": ["fi": makeTally(statements: ["s1": [5, 5, 4, 0]])],
            "s1": ["sv": makeTally(statements: ["s1": [1, 2]])],
        ]

        // Act
        let result = report(grouping: .keys, tallies: withStatements)

        // Assert
        let fi = try XCTUnwrap(try group("fi", in: result).statements.first)
        XCTAssertEqual(fi.n, 3)
        XCTAssertEqual(fi.cannotSay, 1)
        XCTAssertEqual(try XCTUnwrap(fi.mean), 4.67, accuracy: 0.000_1)
        XCTAssertEqual(try XCTUnwrap(result.whole.statements.first?.mean), 3.4, accuracy: 0.000_1) // 17 / 5
    }
}
