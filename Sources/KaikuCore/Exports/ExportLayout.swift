/// What an export holds, column by column. `answers` is everything staff see
/// of an answer (`GET /api/v1/responses/{id}` less the receipt, which would
/// let a reader follow the customer's case); `national` is the THL minimum
/// data: the national core questions and where, when and how the answer was
/// given, with no open text at all.
public struct ExportLayout: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case answers, national
    }

    /// How "cannot say" reads in CSV: text, so that a spreadsheet's AVERAGE
    /// skips it where a 0 would pull the mean down. JSON uses `null`, as the API does.
    public static let cannotSay = "cannot_say"

    public var kind: Kind
    public var organisation: String
    public var statements: StatementColumns

    public init(kind: Kind, organisation: String, statements: StatementColumns) {
        self.kind = kind
        self.organisation = organisation
        self.statements = statements
    }

    /// Whether the rows need the open text, its themes and sentiment, and the target.
    public var includesText: Bool { kind == .answers }

    /// CSV column names, snake case.
    public var columns: [String] {
        var columns = ["response_id", "answered_at", "local_day", "organisation", "unit"]
        if kind == .answers { columns.append("target") }
        columns += ["channel", "language", "respondent", "age_group", "service_mode", "nps"]
        columns += statements.ids
        if kind == .answers { columns += ["themes", "sentiment", "open_text"] }
        return columns
    }

    /// `yyyymmdd` as `yyyy-mm-dd`.
    static func appendDay(_ day: Int, to out: inout ExportBytes) {
        out.append(number: day / 10_000, width: 4)
        out.append(UInt8(ascii: "-"))
        out.append(number: day / 100 % 100, width: 2)
        out.append(UInt8(ascii: "-"))
        out.append(number: day % 100, width: 2)
    }
}
