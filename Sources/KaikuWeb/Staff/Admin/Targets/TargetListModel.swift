import Foundation
import KaikuCore

/// The administrator's list of feedback targets, as plain values.
struct TargetListModel: Sendable {
    struct Row: Sendable, Equatable {
        var code: String
        var name: String
        var unit: String
        var keywords: String
        var active: Bool
        /// The target's unit (or one above it) is closed: customers cannot reach it whatever `active` says.
        var unitClosed: Bool
    }

    static let pageSize = 50

    var filters: TargetListFilters
    var units: [UnitOption]
    var rows: [Row]
    var total: Int
    /// Whole-organisation administrators also keep the targets in sync from a CSV file.
    var canImport = false

    /// Whether a row matches the free-text search: code, any name or any
    /// keyword, ignoring case and accents ("tandlakare" finds "tandläkare").
    static func matches(_ query: String, code: String, names: LocalizedText, keywords: String) -> Bool {
        guard !query.isEmpty else { return true }
        let needle = fold(query)
        return [code, names.fi, names.sv, names.en, keywords].contains { fold($0).contains(needle) }
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// One page of the rows in name order.
    static func page(_ rows: [Row], number: Int) -> [Row] {
        let start = min(rows.count, (number - 1) * pageSize)
        return Array(rows[start..<min(rows.count, start + pageSize)])
    }
}
