import Foundation
import KaikuCore
import Vapor

/// `GET /api/v1/organisation/branding`: the printed names as set (empty:
/// the organisation's own is printed), the colour and the logo's address.
struct BrandingDTO: Content {
    struct Logo: Content {
        var url: String
        var contentType: String
        var width: Int
        var height: Int
    }

    var name: [String: String]
    /// `#rrggbb`, or null for none.
    var colour: String?
    var logo: Logo?

    init(settings name: [String: String], colour: String?, brand: OrganisationBrand) {
        self.name = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0.rawValue, name[$0.rawValue] ?? "") })
        self.colour = colour
        logo = brand.logo.map {
            Logo(url: BrandMark.logoURL(brand) ?? "", contentType: $0.contentType, width: $0.width, height: $0.height)
        }
    }

    private enum CodingKeys: String, CodingKey { case name, colour, logo }

    /// `colour` and `logo` are written as null rather than left out, as the OpenAPI document says.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(colour, forKey: .colour)
        try container.encode(logo, forKey: .logo)
    }
}

/// `PATCH /api/v1/organisation/branding`: what is left out stays; an empty
/// string clears (a name back to the organisation's own, the colour to none).
struct BrandingChangeRequest: Content {
    var name: [String: String]?
    var colour: String?
}
