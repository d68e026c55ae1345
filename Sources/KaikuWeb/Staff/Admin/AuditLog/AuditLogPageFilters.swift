import KaikuCore
import KaikuStore

/// The audit log page's filters as its query string carries them, kept as
/// typed so that a refused day is shown again next to its error.
struct AuditLogPageFilters: Sendable, Equatable {
    var from = ""
    var to = ""
    var action = ""
    var page = 1

    init() {}

    init(query: (String) -> String?) {
        from = String((query("from") ?? "").prefix(20))
        to = String((query("to") ?? "").prefix(20))
        action = String((query("action") ?? "").prefix(100))
        page = max(1, min(10_000, query("page").flatMap { Int($0) } ?? 1))
    }

    /// The filter to read with, or the field that could not be read.
    func parsed() -> Result<AuditLogFilter, FieldError> {
        do {
            return .success(try AuditLogFilter.parse(from: from, to: to, action: action))
        } catch let error as FieldError {
            return .failure(error)
        } catch {
            return .failure(FieldError(field: nil, message: "\(error)"))
        }
    }

    /// The filters as a query string, without the page.
    var query: [(String, String)] {
        [("from", from), ("to", to), ("action", action)].filter { !$0.1.isEmpty }
    }

    func url(page: Int) -> String {
        SiteURL.staff(.adminAuditLog).url(query + [("page", String(page))])
    }

    /// The CSV of every entry the filters match.
    var csvURL: String { SiteURL.staff(.adminAuditLogCSV).url(query) }
}
