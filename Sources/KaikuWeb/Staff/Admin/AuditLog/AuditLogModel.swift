import Foundation
import KaikuCore

/// The audit log page as plain values: one row per change with its values
/// before and after set side by side, setting by setting.
struct AuditLogModel: Sendable, Equatable {
    struct Row: Sendable, Equatable {
        var at: String
        var actor: String
        var action: String
        var subject: String
        var changes: [Change]
    }

    /// One changed value; nil where there was nothing (a creation or a removal).
    struct Change: Sendable, Equatable {
        var name: String
        var before: String?
        var after: String?
    }

    var filters: AuditLogPageFilters
    var rows: [Row]
    var total: Int
    var pageSize: Int
    /// The actions the log holds, for the filter's choices.
    var actions: [String]
    /// The filter that could not be read, and what to say about it.
    var errorField: String?

    /// The stored before/after JSON as (name, before, after) lines: the keys
    /// of both objects in order, those equal on both sides left out unless the
    /// thing was created or removed; values that are not objects make one line.
    static func changes(before: String?, after: String?) -> [Change] {
        let old = before.map(AuditJSONValue.init(storedText:))
        let new = after.map(AuditJSONValue.init(storedText:))
        switch (old, new) {
        case (.object(let a)?, .object(let b)?):
            return Set(a.keys).union(b.keys).sorted().compactMap { key in
                let (x, y) = (a[key].map(text), b[key].map(text))
                return x == y ? nil : Change(name: key, before: x, after: y)
            }
        case (.object(let a)?, nil):
            return a.keys.sorted().map { Change(name: $0, before: a[$0].map(text), after: nil) }
        case (nil, .object(let b)?):
            return b.keys.sorted().map { Change(name: $0, before: nil, after: b[$0].map(text)) }
        case (nil, nil):
            return []
        default:
            return [Change(name: "", before: old.map(text), after: new.map(text))]
        }
    }

    /// A value as a person reads it: text as it is, lists joined, nothing as an empty string.
    static func text(_ value: AuditJSONValue) -> String {
        switch value {
        case .null: ""
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let number): String(number)
        case .number(let number): String(number)
        case .string(let string): string
        case .array(let items): items.map(text).joined(separator: ", ")
        case .object(let fields): fields.keys.sorted().map { "\($0): \(text(fields[$0] ?? .null))" }.joined(separator: "; ")
        }
    }
}
