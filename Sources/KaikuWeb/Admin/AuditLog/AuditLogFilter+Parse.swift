import KaikuCore
import KaikuStore

extension AuditLogFilter {
    /// The filter from query values as the API and the page take them; empty
    /// values are no filter.
    static func parse(from: String?, to: String?, action: String?) throws -> AuditLogFilter {
        var filter = AuditLogFilter()
        for (name, raw) in [("from", from), ("to", to)] {
            guard let raw, !raw.isEmpty else { continue }
            guard let day = CalendarDay(accepting: raw) else { throw FieldError(field: name, message: CalendarDay.acceptedDescription(of: name)) }
            if name == "from" { filter.from = day } else { filter.to = day }
        }
        if let from = filter.from, let to = filter.to, to < from {
            throw FieldError(field: "to", message: "to must be the same day as from or later.")
        }
        if let action, !action.isEmpty {
            guard isPlainAction(action) else {
                throw FieldError(field: "action", message: "action must be an action such as settings.update, or an area such as template (letters, digits, dots; at most 100).")
            }
            filter.action = action
        }
        return filter
    }
}
