import Foundation
import KaikuCore

/// Which audit log entries to read: a period of the organisation's calendar
/// days (both ends included) and an action (`settings.update`) or a whole
/// area (`template`, for every `template.*`).
public struct AuditLogFilter: Sendable, Equatable {
    public var from: CalendarDay?
    public var to: CalendarDay?
    public var action: String?
    /// Entries written after this instant are left out: an export that pages
    /// by offset then repeats no row when a new one arrives meanwhile.
    public var until: Date?

    public init(from: CalendarDay? = nil, to: CalendarDay? = nil, action: String? = nil, until: Date? = nil) {
        self.from = from
        self.to = to
        self.action = action
        self.until = until
    }

    /// Letters, digits, `.`, `-` and `_`: the shape of every action written.
    public static func isPlainAction(_ text: String) -> Bool {
        (1...100).contains(text.utf8.count)
            && text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x5F }
    }
}
