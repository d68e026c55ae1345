import Foundation

/// An answer's statement values as stored on the response row: one field per
/// statement of its survey, in the survey's order, comma-separated; empty
/// when not answered, `0` for "cannot say", else 1–5. Seven statements take
/// about fourteen bytes where a row per statement took a hundred.
public enum StatementValues {
    public static func encode(_ slots: [(slot: Int, value: Int)], count: Int) -> String? {
        guard !slots.isEmpty, count > 0 else { return nil }
        var fields = Array(repeating: "", count: count)
        for (slot, value) in slots where slot < count { fields[slot] = String(value) }
        return fields.joined(separator: ",")
    }

    /// Statement id → value, naming the fields by the survey's statement ids.
    public static func decode(_ text: String?, statementIDs: [String]) -> [String: Int] {
        guard let text, !text.isEmpty else { return [:] }
        var result: [String: Int] = [:]
        for (slot, field) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated() where slot < statementIDs.count {
            if let value = Int(field) { result[statementIDs[slot]] = value }
        }
        return result
    }
}
