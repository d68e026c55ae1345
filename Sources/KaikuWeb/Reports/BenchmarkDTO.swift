import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `GET /api/v1/reports/benchmark`: one entry per opted-in organisation,
/// with the figures of `SummaryDTO` (suppressed ones as `null`).
struct BenchmarkDTO: Content {
    struct Entry: Content {
        var code: String
        var name: String
        var own: Bool
        var figures: SummaryDTO.FiguresDTO

        enum CodingKeys: String, CodingKey { case code, name, own }

        init(_ entry: BenchmarkQuery.Entry, language: Language) {
            code = entry.organisation.code
            name = entry.organisation.name[language]
            own = entry.own
            figures = SummaryDTO.FiguresDTO(entry.figures, key: nil)
        }

        init(from decoder: any Decoder) throws {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "BenchmarkDTO is only sent"))
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(name, forKey: .name)
            try container.encode(own, forKey: .own)
            try figures.encode(to: encoder)
        }
    }

    var from: String
    var to: String
    var organisations: [Entry]
}
