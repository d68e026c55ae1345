import Foundation
import KaikuCore
import KaikuStore

/// `/staff/admin/reports`: the monthly reports the organisation's staff
/// were sent (or are being sent), newest month first.
struct AdminReportsModel: Sendable {
    struct Row: Sendable, Equatable {
        var month: String
        var email: String
        var sentAt: String?
        var status: ReportDelivery.Status
        var attempts: Int
        var lastError: String?
    }

    static let pageSize = 50
    var rows: [Row]
    var total: Int
    var page: Int
    /// When the next reports are due, in the organisation's time zone.
    var nextRun: String

    static func row(_ delivery: ReportDelivery, zone: TimeZone) -> Row {
        Row(month: ReportMonth(key: delivery.month)?.description ?? String(delivery.month), email: delivery.email,
            sentAt: delivery.sentAt.map { StaffForm.date($0, in: zone) }, status: delivery.statusValue, attempts: delivery.attempts,
            lastError: delivery.sentAt == nil ? delivery.lastError : nil)
    }

    static func url(page: Int) -> String { SiteURL.staff(.adminReports).url([("page", String(page))]) }
}
