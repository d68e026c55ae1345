/// The two file formats of the exports.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// RFC 4180: a header row, CRLF line ends, UTF-8 (with a byte order mark unless told otherwise).
    case csv
    /// One JSON array of objects, one object per line.
    case json

    public var contentType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .json: "application/json; charset=utf-8"
        }
    }
}
