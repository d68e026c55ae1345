import Foundation

/// The two forms of the annual report: the HTML document and its PDF print.
public enum AnnualReportFormat: String, CaseIterable, Sendable {
    case html, pdf

    /// `format` from a query: left out or empty means HTML.
    static func parse(_ raw: String?) throws -> AnnualReportFormat {
        guard let raw, !raw.isEmpty else { return .html }
        guard let format = AnnualReportFormat(rawValue: raw) else {
            throw FieldError(field: "format", message: "format must be html or pdf.")
        }
        return format
    }
}
