import Foundation
import KaikuCore
import XCTest
@testable import KaikuWeb

/// Every user-facing text exists in Finnish, Swedish and English, and each
/// translation fills the same placeholders, so that no page shows a key or
/// an unfilled `{name}` in one language only.
final class CatalogueTests: XCTestCase {
    private func placeholders(_ text: String) -> Set<String> {
        var found = Set<String>()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            found.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    func testEveryKeyExistsInEveryLanguageAndIsNotEmpty() throws {
        let catalogue = try Catalogue.load()
        let finnish = Set(catalogue.entries[.fi]?.keys ?? [:].keys)
        XCTAssertGreaterThan(finnish.count, 100)

        for language in Language.allCases {
            let entries = catalogue.entries[language] ?? [:]
            XCTAssertEqual(Set(entries.keys).subtracting(finnish).sorted(), [], "\(language) has keys Finnish lacks")
            XCTAssertEqual(finnish.subtracting(entries.keys).sorted(), [], "\(language) lacks keys")
            XCTAssertEqual(entries.filter { $0.value.trimmingCharacters(in: .whitespaces).isEmpty }.keys.sorted(), [], "\(language) has empty texts")
        }
    }

    func testTranslationsFillTheSamePlaceholders() throws {
        let catalogue = try Catalogue.load()
        let finnish = catalogue.entries[.fi] ?? [:]

        for language in [Language.sv, .en] {
            let entries = catalogue.entries[language] ?? [:]
            // English refusals also answer API clients, which are told the field by name: they may say more.
            let differing = finnish.keys.filter { key in
                guard let text = entries[key] else { return false }
                return language == .en && key.hasPrefix("error.")
                    ? !placeholders(finnish[key] ?? "").isSubset(of: placeholders(text))
                    : placeholders(text) != placeholders(finnish[key] ?? "")
            }
            XCTAssertEqual(differing.sorted(), [], "\(language) fills other placeholders than Finnish")
        }
    }
}
