import FluentKit
import Foundation
import KaikuStore

/// The staff of one organisation as ideas name them: submitters, owners and
/// commenters, read once per page or list.
struct IdeaPeople: Sendable {
    struct Person: Sendable, Equatable {
        var id: UUID
        var name: String
        var email: String
        var active: Bool
    }

    var people: [UUID: Person]

    func name(_ id: UUID) -> String? { people[id]?.name }

    /// Active staff, by name, for the owner chooser.
    var active: [Person] { people.values.filter(\.active).sorted { ($0.name.lowercased(), $0.email) < ($1.name.lowercased(), $1.email) } }

    static func of(organisationID: UUID, on database: any Database) async throws -> IdeaPeople {
        let users = try await User.query(on: database).filter(\.$organisationID == organisationID).all()
        return IdeaPeople(people: Dictionary(uniqueKeysWithValues: users.compactMap { user in
            user.id.map { id in
                let name = user.name.flatMap { $0.isEmpty ? nil : $0 } ?? user.email
                return (id, Person(id: id, name: name, email: user.email, active: user.deactivatedAt == nil && user.lockedAt == nil))
            }
        }))
    }
}
