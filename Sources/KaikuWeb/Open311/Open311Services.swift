import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// The feedback targets as GeoReport services: `service_code` is the
/// target's code, the description the unit that answers for it, and the
/// group the unit above it.
enum Open311Services {
    static func list(_ request: Request) async throws -> Open311Document {
        let scope = try await Open311Scope.resolve(request)
        let closed = try await Directory.closedUnitIDs(in: Set(scope.organisationIDs), on: request.db)
        let targets = try await Target.query(on: request.db).filter(\.$organisationID ~~ scope.organisationIDs)
            .filter(\.$active == true).offered(closedUnits: closed).sort(\.$code).all()
        return Open311Document(.list(targets.map { service($0, scope) }, root: "services", item: "service"))
    }

    /// GeoReport's service definition (`attributes`, none here: feedback
    /// needs only the description) with the 6Aika service fields beside it,
    /// so that clients of either read what they expect.
    static func definition(_ request: Request, code: String) async throws -> Open311Document {
        let scope = try await Open311Scope.resolve(request)
        guard PlainIdentifier.isPlain(code, maxLength: 100),
              let target = try await Target.query(on: request.db).filter(\.$organisationID ~~ scope.organisationIDs)
            .filter(\.$code == code).filter(\.$active == true).first(),
              try await Directory.isOffered(target, on: request.db) else {
            throw Open311Error.notFound("No service with service_code \(code).")
        }
        var definition = service(target, scope)
        definition["attributes"] = .list([], item: "attribute")
        return Open311Document(.single(definition, root: "service_definition"))
    }

    private static func service(_ target: Target, _ scope: Open311Scope) -> Open311Object {
        let unit = scope.units[target.unitID]
        var service = Open311Object()
        service.add("service_code", target.code)
        service.add("service_name", target.name[scope.language])
        service.add("description", unit?.name[scope.language])
        service["metadata"] = .bool(false)
        service.add("type", "realtime")
        let words = [target.code, unit?.code].compactMap { $0 } + target.keywords.split(separator: " ").map(String.init)
        service["keywords"] = .list(words.map(Open311Value.string), item: "keyword")
        service.add("group", unit?.parentID.flatMap { scope.units[$0] }?.name[scope.language])
        return service
    }
}
