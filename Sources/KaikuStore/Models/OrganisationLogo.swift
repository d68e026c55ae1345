import FluentKit
import Foundation

/// An organisation's logo, a PNG or JPEG checked by `LogoImage`, kept apart
/// from `OrganisationBranding` so that pages reading the name and colour
/// never load the picture's bytes.
public final class OrganisationLogo: Model, @unchecked Sendable {
    public static let schema = "organisation_logos"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "content_type") public var contentType: String
    @Field(key: "width") public var width: Int
    @Field(key: "height") public var height: Int
    @Field(key: "data") public var data: Data
    /// A digest of the bytes: the ETag it is served with, and what makes its address change when it does.
    @Field(key: "digest") public var digest: String
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}
}
