import Foundation
import KaikuCore

/// The demo county as shipped in `Resources/Demo/county.json`.
struct DemoCounty: Decodable {
    struct OrganisationSpec: Decodable {
        var code: String
        var name: LocalizedText
        var timezone: String
        var minN: Int
        var promiseDays: Int
    }

    struct UnitSpec: Decodable {
        var code: String
        var name: LocalizedText
        var parent: String?
    }

    struct TargetSpec: Decodable {
        var code: String
        var name: LocalizedText
        var unit: String
        /// Search words in all three languages, so that "tandvård" or "dentist" finds a dental clinic.
        var keywords: String?
    }

    var organisation: OrganisationSpec
    var units: [UnitSpec]
    var targets: [TargetSpec]

    static func load() throws -> DemoCounty {
        try JSONDecoder().decode(DemoCounty.self, from: ResourceFile.data("Demo/county.json"))
    }
}
