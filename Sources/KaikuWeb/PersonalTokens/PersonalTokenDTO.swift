import Foundation
import KaikuStore
import Vapor

/// A personal token as its owner sees it in the list: never the token itself.
struct PersonalTokenDTO: Content, Equatable {
    var id: UUID
    var name: String
    var createdAt: Date
    var expiresAt: Date
    var lastUsedAt: Date?

    init(_ token: PersonalToken) {
        id = token.id ?? UUID()
        name = token.name
        createdAt = token.createdAt
        expiresAt = token.expiresAt
        lastUsedAt = token.lastUsedAt
    }
}

/// The answer to making a token: the only time the token is shown.
struct CreatedPersonalTokenDTO: Content {
    var id: UUID
    var token: String
    var name: String
    var expiresAt: Date
}
