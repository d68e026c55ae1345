import XCTest
@testable import KaikuCore

final class OrgTreeTests: XCTestCase {

    /// county ─┬─ north ─┬─ n1
    ///         │         └─ n2
    ///         └─ south ─── s1
    private let countyPairs: [(id: String, parent: String?)] = [
        ("county", nil),
        ("north", "county"),
        ("south", "county"),
        ("n1", "north"),
        ("n2", "north"),
        ("s1", "south"),
    ]

    private var county: OrgTree<String> { OrgTree(countyPairs) }

    // MARK: Ancestry

    func testAncestorsRunFromParentUpToRoot() {
        // Act
        let ancestors = county.ancestors(of: "n1")

        // Assert
        XCTAssertEqual(ancestors, ["north", "county"])
    }

    func testRootAndUnknownUnitsHaveNoAncestors() {
        // Act & Assert
        XCTAssertEqual(county.ancestors(of: "county"), [])
        XCTAssertEqual(county.ancestors(of: "nowhere"), [])
    }

    func testDepthCountsAncestors() {
        // Act & Assert
        XCTAssertEqual(county.depth(of: "county"), 0)
        XCTAssertEqual(county.depth(of: "south"), 1)
        XCTAssertEqual(county.depth(of: "s1"), 2)
    }

    // MARK: Subtrees

    func testSubtreeOfRootHoldsEveryUnitOnce() {
        // Act
        let subtree = county.subtree(of: "county")

        // Assert
        XCTAssertEqual(subtree.count, countyPairs.count)
        XCTAssertEqual(Set(subtree), Set(countyPairs.map(\.id)))
        XCTAssertEqual(subtree.first, "county")
    }

    func testSubtreeListsParentsBeforeChildren() {
        // Arrange
        let parents = Dictionary(uniqueKeysWithValues: countyPairs.map { ($0.id, $0.parent) })

        // Act
        let subtree = county.subtree(of: "county")

        // Assert
        for (index, unit) in subtree.enumerated() {
            guard let parent = parents[unit] ?? nil else { continue }
            let parentIndex = subtree.firstIndex(of: parent) ?? .max
            XCTAssertLessThan(parentIndex, index, "\(parent) must come before \(unit)")
        }
    }

    func testSubtreeOfInnerUnitIncludesItAndOnlyItsDescendants() {
        // Act
        let subtree = county.subtree(of: "north")

        // Assert
        XCTAssertEqual(subtree.first, "north")
        XCTAssertEqual(Set(subtree), ["north", "n1", "n2"])
    }

    func testSubtreeOfUnknownUnitIsEmpty() {
        // Act & Assert
        XCTAssertEqual(county.subtree(of: "nowhere"), [])
    }

    func testIsInSubtree() {
        // Act & Assert
        XCTAssertTrue(county.isInSubtree("n1", of: "north"))
        XCTAssertTrue(county.isInSubtree("n1", of: "county"))
        XCTAssertTrue(county.isInSubtree("north", of: "north"))
        XCTAssertFalse(county.isInSubtree("s1", of: "north"))
        XCTAssertFalse(county.isInSubtree("county", of: "north"))
        XCTAssertFalse(county.isInSubtree("nowhere", of: "county"))
    }

    // MARK: Roots and broken input

    func testUnitsWithUnknownParentBecomeRoots() {
        // Arrange
        let pairs = countyPairs + [("orphan", "deleted-unit"), ("orphan-child", "orphan")]

        // Act
        let tree = OrgTree(pairs)

        // Assert
        XCTAssertEqual(Set(tree.roots), ["county", "orphan"])
        XCTAssertNil(tree.parent(of: "orphan"))
        XCTAssertEqual(tree.ancestors(of: "orphan-child"), ["orphan"])
    }

    func testTwoUnitCycleDoesNotLoopForever() {
        // Arrange: a → b → a, as a broken import could leave it.
        let tree = OrgTree<String>([("a", "b"), ("b", "a")])

        // Act
        let ancestors = tree.ancestors(of: "a")
        let subtree = tree.subtree(of: "a")
        let rolled = tree.rollUp(["a": makeTally(recommendations: [10])])

        // Assert
        XCTAssertEqual(ancestors, ["b"])
        XCTAssertEqual(subtree, ["a", "b"])
        XCTAssertTrue(tree.isInSubtree("b", of: "a"))
        XCTAssertEqual(rolled["b"]?.promoters, 1)
        XCTAssertEqual(rolled["a"]?.promoters, 1)
    }

    func testLongerCycleAndSelfParentDoNotLoopForever() {
        // Arrange
        let tree = OrgTree<String>([("a", "c"), ("b", "a"), ("c", "b"), ("self", "self")])

        // Act
        let ancestorsOfA = tree.ancestors(of: "a")
        let ancestorsOfSelf = tree.ancestors(of: "self")
        let subtreeOfB = tree.subtree(of: "b")

        // Assert
        XCTAssertEqual(ancestorsOfA, ["c", "b"])
        XCTAssertEqual(ancestorsOfSelf, [])
        XCTAssertEqual(Set(subtreeOfB), ["a", "b", "c"])
        XCTAssertEqual(subtreeOfB.count, 3)
        XCTAssertTrue(tree.roots.contains("self"))
    }

    // MARK: Roll-up

    func testRollUpAddsEachUnitsTallyToEveryAncestor() {
        // Arrange
        let own: [String: Tally] = [
            "n1": makeTally(recommendations: [10, 10]),
            "n2": makeTally(recommendations: [0]),
            "s1": makeTally(recommendations: [8]),
            "county": makeTally(recommendations: [9]),
        ]

        // Act
        let rolled = county.rollUp(own)

        // Assert
        XCTAssertEqual(rolled["n1"]?.recommendationAnswers, 2)
        XCTAssertEqual(rolled["north"]?.recommendationAnswers, 3)
        XCTAssertEqual(rolled["north"]?.promoters, 2)
        XCTAssertEqual(rolled["north"]?.detractors, 1)
        XCTAssertEqual(rolled["south"]?.passives, 1)
        XCTAssertEqual(rolled["county"]?.recommendationAnswers, 5)
        XCTAssertEqual(rolled["county"]?.promoters, 3)
    }

    func testUnitsWithoutOwnAnswersGetEntriesFromTheirDescendants() {
        // Arrange: only a leaf answered.
        let leaf = makeTally(recommendations: [7, 9], statements: ["s1": [3]])

        // Act
        let rolled = county.rollUp(["n2": leaf])

        // Assert
        XCTAssertEqual(rolled["north"], leaf)
        XCTAssertEqual(rolled["county"], leaf)
        XCTAssertEqual(rolled["south"] ?? .empty, .empty)
        XCTAssertEqual(rolled["n1"] ?? .empty, .empty)
    }

    func testRollUpOfRandomForestsMatchesAncestorWalk() {
        for seed in UInt64(1)...40 {
            // Arrange: units 0..<count; each picks an earlier unit as parent,
            // or none, or a unit that does not exist (so it becomes a root).
            var generator = SeededGenerator(seed: seed)
            let count = Int.random(in: 1...30, using: &generator)
            var parents: [Int: Int?] = [:]
            var own: [Int: Tally] = [:]
            for unit in 0..<count {
                let roll = Int.random(in: 0..<10, using: &generator)
                parents[unit] = unit == 0 || roll == 0 ? nil
                    : roll == 1 ? 1_000 + unit
                    : Int.random(in: 0..<unit, using: &generator)
                if Bool.random(using: &generator) { own[unit] = randomTally(using: &generator) }
            }
            let tree = OrgTree((0..<count).map { (id: $0, parent: parents[$0]!) })
            var expected: [Int: [Tally]] = [:]
            for (unit, tally) in own {
                var current: Int? = unit
                while let node = current, node < count {
                    expected[node, default: []].append(tally)
                    current = parents[node]!
                }
            }

            // Act
            let rolled = tree.rollUp(own)

            // Assert
            for unit in 0..<count {
                XCTAssertEqual(rolled[unit] ?? .empty, fieldwiseSum(expected[unit] ?? []), "seed \(seed) unit \(unit)")
            }
            let rootsTotal = fieldwiseSum(tree.roots.compactMap { rolled[$0] })
            XCTAssertEqual(rootsTotal, fieldwiseSum(Array(own.values)), "seed \(seed): roots must hold every answer once")
        }
    }

    func testRootTotalOfASingleRandomTreeIsTheSumOfAllTallies() {
        // Arrange: one root, every other unit hangs below an earlier one.
        var generator = SeededGenerator(seed: 99)
        let count = 50
        let pairs = (0..<count).map { unit in
            (id: unit, parent: unit == 0 ? nil : Optional(Int.random(in: 0..<unit, using: &generator)))
        }
        let own = Dictionary(uniqueKeysWithValues: (0..<count).map { ($0, randomTally(using: &generator)) })

        // Act
        let rolled = OrgTree(pairs).rollUp(own)

        // Assert
        XCTAssertEqual(rolled[0], fieldwiseSum(Array(own.values)))
    }

    // MARK: Subtree totals a change moves

    func testMovingAUnitChangesTheSubtreesItLeavesAndJoinsButNotTheirCommonAncestor() {
        // Arrange: n2 moves from north to south.
        let moved = OrgTree(countyPairs.map { $0.id == "n2" ? (id: "n2", parent: "south") : $0 })

        // Act
        let changed = county.subtreesChanged(to: moved)

        // Assert
        XCTAssertEqual(changed, ["north", "south"])
    }

    func testALeafGettingItsFirstChildIsChangedButItsAncestorsAreNot() {
        // Arrange: a new unit below s1, which held answers of its own as a leaf.
        let grown = OrgTree(countyPairs + [(id: "s1a", parent: "s1")])

        // Act
        let changed = county.subtreesChanged(to: grown)

        // Assert
        XCTAssertEqual(changed, ["s1"])
    }

    func testAnUnchangedTreeChangesNothing() {
        XCTAssertEqual(county.subtreesChanged(to: OrgTree(countyPairs.reversed())), [])
    }
}
