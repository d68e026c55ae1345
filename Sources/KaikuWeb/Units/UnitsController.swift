import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

struct UnitsController: RouteCollection {
    struct UnitDTO: Content {
        var code: String
        var name: String
        var parent: String?
        /// The unit's OID in the national register, null when not known.
        var oid: String?
        /// Closed as the file said; a unit under a closed one is closed for customers too. Its figures stay.
        var closed: Bool

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(name, forKey: .name)
            try container.encode(parent, forKey: .parent)
            try container.encode(oid, forKey: .oid)
            try container.encode(closed, forKey: .closed)
        }
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.grouped("api", "v1", "units").grouped(BearerTokenAuthenticator()).get(use: list)
    }

    /// The caller's organisation's units, parents before children.
    func list(_ request: Request) async throws -> [UnitDTO] {
        let language = try request.apiLanguage()
        let scope = try await request.requireScope()
        return scope.tree.roots.flatMap { scope.tree.subtree(of: $0) }.compactMap { id in
            guard let unit = scope.units[id] else { return nil }
            return UnitDTO(code: unit.code, name: unit.name[language], parent: unit.parentID.flatMap { scope.units[$0]?.code },
                           oid: unit.oid, closed: unit.closed)
        }
    }
}
