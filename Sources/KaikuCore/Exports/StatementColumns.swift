/// Which export column each stored statement value goes to. Answers keep the
/// survey version they were given under, and versions order their statements
/// differently, so each survey has its own slot → column map.
///
/// Stored values are one comma-separated field per statement of the answer's
/// survey: empty when not answered, `0` for "cannot say", else 1–5.
public struct StatementColumns: Sendable {
    public static let unanswered = -1
    public static let cannotSay = 0

    public let ids: [String]
    private let slotColumns: [[Int]]
    private let surveyIndex: [String: Int]

    /// `surveys` are the statement ids of each survey in stored order, keyed
    /// by the survey's id as text; ids not among `columns` are left out.
    public init(columns: [String], surveys: [(key: String, statementIDs: [String])]) {
        ids = columns
        let position = Dictionary(columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        slotColumns = surveys.map { survey in survey.statementIDs.map { position[$0] ?? -1 } }
        surveyIndex = Dictionary(surveys.enumerated().map { ($1.key.uppercased(), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Statement ids of several surveys in first-seen order, for the columns.
    public static func union(_ lists: [[String]]) -> [String] {
        var seen = Set<String>()
        return lists.flatMap { $0 }.filter { seen.insert($0).inserted }
    }

    /// Survey ids come back from SQLite as stored, upper case; the fallback costs a copy only for other spellings.
    public func survey(key: String) -> Int? { surveyIndex[key] ?? surveyIndex[key.uppercased()] }

    /// Fills `values` (one per column) with the record's answers, `unanswered`
    /// where it gave none. Parses bytes: this runs for every exported row.
    public func values(survey: Int?, stored: String?, into values: inout [Int]) {
        if values.count != ids.count { values = Array(repeating: Self.unanswered, count: ids.count) }
        for index in values.indices { values[index] = Self.unanswered }
        guard let survey, survey < slotColumns.count, let stored else { return }
        let columns = slotColumns[survey]
        var slot = 0
        var value = Self.unanswered
        func place() {
            if slot < columns.count, columns[slot] >= 0, value >= 0 { values[columns[slot]] = value }
        }
        for byte in stored.utf8 {
            if byte == UInt8(ascii: ",") {
                place()
                slot += 1
                value = Self.unanswered
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                value = max(value, 0) * 10 + Int(byte - UInt8(ascii: "0"))
            }
        }
        place()
    }
}
