import Foundation

/// What cards, posters and public pages show of an organisation: its code
/// (the brand addresses carry it), the name as printed, its colour and,
/// when it has one, its logo's size and digest — never the logo's bytes.
public struct OrganisationBrand: Sendable, Equatable, Codable {
    public struct Logo: Sendable, Equatable, Codable {
        public var contentType: String
        public var width: Int
        public var height: Int
        /// Changes with the picture: the ETag, and a query on its address so that caches see a new logo at once.
        public var digest: String

        public init(contentType: String, width: Int, height: Int, digest: String) {
            self.contentType = contentType
            self.width = width
            self.height = height
            self.digest = digest
        }
    }

    public var organisationCode: String
    /// The printed name in each language; falls back to Finnish as `LocalizedText` does.
    public var name: LocalizedText
    public var colour: BrandColour?
    public var logo: Logo?

    public init(organisationCode: String, name: LocalizedText, colour: BrandColour? = nil, logo: Logo? = nil) {
        self.organisationCode = organisationCode
        self.name = name
        self.colour = colour
        self.logo = logo
    }

    /// Whether the pages look as they do without branding: nothing but the name to show.
    public var isPlain: Bool { colour == nil && logo == nil }
}
