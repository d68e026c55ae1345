import Foundation
import KaikuCore
import Vapor

/// `GET /api/v1/reports/summary`. Suppressed figures are encoded as `null`,
/// never left out, so that a client cannot mistake "hidden" for "absent".
struct SummaryDTO: Content {
    struct StatementDTO: Content {
        var id: String
        var mean: Double?
        var n: Int

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(mean, forKey: .mean)
            try container.encode(n, forKey: .n)
        }
    }

    struct FiguresDTO: Content {
        var key: String?
        var n: Int
        var nps: Int?
        var promoters: Int?
        var passives: Int?
        var detractors: Int?
        var statements: [StatementDTO]

        init(_ figures: Figures, key: String?) {
            self.key = key
            n = figures.n
            nps = figures.nps
            promoters = figures.promoters
            passives = figures.passives
            detractors = figures.detractors
            statements = figures.statements.map { StatementDTO(id: $0.id, mean: $0.mean, n: $0.n) }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            if let key { try container.encode(key, forKey: .key) }
            try container.encode(n, forKey: .n)
            try container.encode(nps, forKey: .nps)
            try container.encode(promoters, forKey: .promoters)
            try container.encode(passives, forKey: .passives)
            try container.encode(detractors, forKey: .detractors)
            try container.encode(statements, forKey: .statements)
        }
    }

    var unit: String
    var from: String
    var to: String
    var groupBy: String?
    var minimumN: Int
    var whole: FiguresDTO
    var groups: [FiguresDTO]

    enum CodingKeys: String, CodingKey {
        case unit, from, to, groupBy, minimumN, n, nps, promoters, passives, detractors, statements, groups
    }

    init(report: SummaryReport, unit: String, from: CalendarDay, to: CalendarDay, groupBy: String?, minimumN: Int) {
        self.unit = unit
        self.from = from.description
        self.to = to.description
        self.groupBy = groupBy
        self.minimumN = minimumN
        whole = FiguresDTO(report.whole, key: nil)
        groups = report.groups.map { FiguresDTO($0.figures, key: $0.key) }
    }

    init(from decoder: any Decoder) throws {
        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "SummaryDTO is only sent"))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(unit, forKey: .unit)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(groupBy, forKey: .groupBy)
        try container.encode(minimumN, forKey: .minimumN)
        try container.encode(whole.n, forKey: .n)
        try container.encode(whole.nps, forKey: .nps)
        try container.encode(whole.promoters, forKey: .promoters)
        try container.encode(whole.passives, forKey: .passives)
        try container.encode(whole.detractors, forKey: .detractors)
        try container.encode(whole.statements, forKey: .statements)
        try container.encode(groups, forKey: .groups)
    }
}
