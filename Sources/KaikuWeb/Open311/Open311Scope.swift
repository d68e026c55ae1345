import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Whose services and feedback a request reads: the organisation named by
/// GeoReport's `jurisdiction_id` (its code), or every organisation of the
/// installation; and the language of names, from the CitySDK `locale`
/// (English when it is left out or not one of Kaiku's, as the 6Aika
/// specification says).
struct Open311Scope {
    var organisations: [Organisation]
    var language: Language
    var units: [UUID: OrgUnit]
    /// One per organisation: a list of 1,000 requests writes several thousand times.
    private var formatters: [UUID: ISO8601DateFormatter] = [:]

    init(organisations: [Organisation], language: Language, units: [UUID: OrgUnit]) {
        self.organisations = organisations
        self.language = language
        self.units = units
        for organisation in organisations {
            guard let id = organisation.id else { continue }
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            formatter.timeZone = organisation.timeZone
            formatters[id] = formatter
        }
    }

    var organisationIDs: [UUID] { organisations.compactMap(\.id) }

    /// The organisations whose open text is public without a handler's review.
    var publishedWithoutReview: Set<UUID> {
        Set(organisations.filter { $0.openTextPublishing == .immediately }.compactMap(\.id))
    }

    /// Which feedback of this scope may be listed, before any of GeoReport's filters.
    func feedbackFilter(limit: Int) -> PublicFeedbackFilter {
        var filter = PublicFeedbackFilter(organisationIDs: organisationIDs, limit: limit)
        filter.publishedWithoutReview = publishedWithoutReview
        return filter
    }

    static func resolve(_ request: Request) async throws -> Open311Scope {
        let language = request.queryStrings["locale"].flatMap(Language.init(loose:)) ?? .en
        var query = Organisation.query(on: request.db)
        if let jurisdiction = request.queryStrings["jurisdiction_id"], !jurisdiction.isEmpty {
            guard PlainIdentifier.isPlain(jurisdiction, maxLength: 100) else {
                throw Open311Error.notFound("No such jurisdiction here: jurisdiction_id is an organisation's code.")
            }
            query = query.filter(\.$code == jurisdiction)
            let organisations = try await query.all()
            guard !organisations.isEmpty else { throw Open311Error.notFound("No jurisdiction \(jurisdiction) here.") }
            return try await make(organisations, language, request.db)
        }
        return try await make(query.sort(\.$code).all(), language, request.db)
    }

    private static func make(_ organisations: [Organisation], _ language: Language, _ database: any Database) async throws -> Open311Scope {
        let units = try await OrgUnit.query(on: database).filter(\.$organisationID ~~ organisations.compactMap(\.id)).all()
        return Open311Scope(organisations: organisations, language: language,
                            units: Dictionary(uniqueKeysWithValues: units.compactMap { unit in unit.id.map { ($0, unit) } }))
    }

    /// A time as ISO 8601 with the organisation's offset, as GeoReport's examples give it.
    func time(_ date: Date, organisation id: UUID) -> String {
        guard let formatter = formatters[id] else { return ISO8601.string(date) }
        return formatter.string(from: date)
    }
}
