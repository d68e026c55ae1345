import Foundation
import KaikuCore

/// Numbers and dates as people read them in each language. Finnish and
/// Swedish write a decimal comma ("4,3") and a real minus sign, so that a
/// screen reader says "minus" rather than "dash".
enum FigureFormat {
    /// A statement mean with one decimal: "4,3" or "4.3".
    static func mean(_ value: Double, _ language: Language) -> String {
        let text = String(format: "%.1f", value)
        return language == .en ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    /// An NPS value, −100…100, with a typographic minus.
    static func nps(_ value: Int) -> String {
        value < 0 ? "\u{2212}\(-value)" : String(value)
    }

    /// A count with a thin grouping space in fi/sv and a comma in English: "12 345", "12,345".
    static func count(_ value: Int, _ language: Language) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += language == .en ? "," : "\u{00A0}" }
            grouped.append(digit)
        }
        return value < 0 ? "\u{2212}" + grouped : grouped
    }

    /// A whole percentage: "45 %" in fi/sv (with a no-break space), "45%" in English.
    static func percent(_ value: Int, _ language: Language) -> String {
        language == .en ? "\(value)%" : "\(value)\u{00A0}%"
    }

    /// A calendar day as written in each language: "1.5.2026", "1.5.2026", "1 May 2026".
    static func day(_ day: CalendarDay, _ language: Language) -> String {
        switch language {
        case .fi, .sv: return "\(day.day).\(day.month).\(day.year)"
        case .en: return "\(day.day) \(englishMonths[day.month - 1]) \(day.year)"
        }
    }

    private static let englishMonths = ["January", "February", "March", "April", "May", "June", "July",
                                        "August", "September", "October", "November", "December"]

    /// Whole-number shares of `counts` that add up to exactly 100
    /// (largest remainder), so that the three NPS groups never show 101 %.
    static func shares(_ counts: [Int]) -> [Int] {
        let total = counts.reduce(0, +)
        guard total > 0 else { return counts.map { _ in 0 } }
        let exact = counts.map { Double($0) * 100 / Double(total) }
        var whole = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { exact[$0] - Double(whole[$0]) > exact[$1] - Double(whole[$1]) }
        for index in order.prefix(100 - whole.reduce(0, +)) { whole[index] += 1 }
        return whole
    }
}
