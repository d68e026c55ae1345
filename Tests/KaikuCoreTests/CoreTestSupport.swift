import Foundation
import XCTest
@testable import KaikuCore

// Small helpers shared by the KaikuCore unit tests.

/// SplitMix64: a tiny deterministic generator so that property tests and
/// receipt codes repeat exactly from run to run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A tally built answer by answer: one recommendation score per entry of
/// `recommendations`, statement answers by id (0 is "cannot say").
/// `responses` defaults to the largest number of answers given to any question.
func makeTally(
    recommendations: [Int] = [], statements: [String: [Int]] = [:], responses: Int? = nil
) -> Tally {
    var tally = Tally.empty
    for score in recommendations { tally.add(recommendation: score) }
    for (id, values) in statements {
        for value in values { tally.add(statement: id, value: value) }
    }
    tally.responses = responses ?? max(recommendations.count, statements.values.map(\.count).max() ?? 0)
    return tally
}

/// Statement ids the random tallies draw from.
let randomStatementIDs = ["s1", "s2", "s3"]

/// A tally with random counts, a random subset of `randomStatementIDs`.
func randomTally(using generator: inout SeededGenerator) -> Tally {
    let recommendation = (0...10).map { _ in Int.random(in: 0..<20, using: &generator) }
    var statements: [String: [Int]] = [:]
    for id in randomStatementIDs where Bool.random(using: &generator) {
        statements[id] = (0...5).map { _ in Int.random(in: 0..<15, using: &generator) }
    }
    return Tally(
        responses: Int.random(in: 0..<300, using: &generator),
        recommendation: recommendation,
        statements: statements
    )
}

/// Adds tallies field by field without using `Tally.add`, so that the
/// addition under test can be compared with an independent sum.
func fieldwiseSum(_ tallies: [Tally]) -> Tally {
    var responses = 0
    var recommendation = Array(repeating: 0, count: 11)
    var statements: [String: [Int]] = [:]
    for tally in tallies {
        responses += tally.responses
        for index in 0..<11 { recommendation[index] += tally.recommendation[index] }
        for (id, counts) in tally.statements {
            var sum = statements[id] ?? Array(repeating: 0, count: 6)
            for index in 0..<6 { sum[index] += counts[index] }
            statements[id] = sum
        }
    }
    return Tally(responses: responses, recommendation: recommendation, statements: statements)
}

/// An instant from an ISO 8601 text with zone, e.g. `2026-01-31T22:30:00Z`.
func instant(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Date {
    let formatter = ISO8601DateFormatter()
    guard let date = formatter.date(from: text) else {
        XCTFail("not an ISO 8601 instant: \(text)", file: file, line: line)
        return Date(timeIntervalSince1970: 0)
    }
    return date
}
