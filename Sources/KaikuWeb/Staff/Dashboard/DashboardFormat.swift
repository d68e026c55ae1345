import Foundation
import KaikuCore

/// Numbers as each language writes them: Finnish and Swedish use a decimal
/// comma and a space before the percent sign.
struct DashboardFormat {
    var language: Language

    func mean(_ value: Double?) -> String? {
        guard let value else { return nil }
        let text = String(format: "%.2f", value)
        return language == .en ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "–" }
        let value = (200 * part + whole) / (2 * whole)
        return language == .en ? "\(value)%" : "\(value) %"
    }

    func day(_ day: CalendarDay) -> String {
        language == .en ? day.description : "\(day.day).\(day.month).\(day.year)"
    }

    func hours(_ value: Double?) -> String? {
        value.map { String(format: "%.0f h", $0) }
    }
}
