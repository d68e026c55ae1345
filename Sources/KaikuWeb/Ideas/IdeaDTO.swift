import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// An idea as the API gives it. `submitter` is null for an anonymous idea
/// unless the caller sent it: colleagues, administrators included, do not
/// learn who sent an anonymous idea.
struct IdeaDTO: Content, Equatable {
    var id: UUID
    var title: String
    var description: String
    var category: String
    var unit: String
    var status: String
    var anonymous: Bool
    /// The submitter's name (or e-mail address when they have no name).
    var submitter: String?
    /// Whether the caller sent it.
    var mine: Bool
    var owner: UUID?
    var ownerName: String?
    var createdAt: Date
    var updatedAt: Date

    init(_ idea: Idea, unitCode: String, people: IdeaPeople, viewer: UUID) {
        id = idea.id ?? UUID()
        title = idea.title
        description = idea.description
        category = idea.category
        unit = unitCode
        status = idea.statusValue.rawValue
        anonymous = idea.anonymous
        mine = idea.submitterID == viewer
        submitter = (!idea.anonymous || mine) ? idea.submitterID.flatMap { people.name($0) } : nil
        owner = idea.ownerID
        ownerName = idea.ownerID.flatMap { people.name($0) }
        createdAt = idea.createdAt
        updatedAt = idea.updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, title, description, category, unit, status, anonymous, submitter, mine, owner, ownerName, createdAt, updatedAt
    }

    /// Written out so that an empty submitter or owner is `null`, as the document says, not a missing key.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(description, forKey: .description)
        try container.encode(category, forKey: .category)
        try container.encode(unit, forKey: .unit)
        try container.encode(status, forKey: .status)
        try container.encode(anonymous, forKey: .anonymous)
        try container.encode(submitter, forKey: .submitter)
        try container.encode(mine, forKey: .mine)
        try container.encode(owner, forKey: .owner)
        try container.encode(ownerName, forKey: .ownerName)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}

/// The created idea's id.
struct IdeaCreatedDTO: Content {
    var id: UUID
}

/// `GET /api/v1/ideas/stats`: counts by status, category and year (of submission, in the organisation's time zone).
struct IdeaStatsDTO: Content, Equatable {
    struct StatusCount: Content, Equatable { var status: String; var count: Int }
    struct CategoryCount: Content, Equatable { var category: String; var count: Int }
    struct YearCount: Content, Equatable { var year: Int; var count: Int }

    var total: Int
    var statuses: [StatusCount]
    var categories: [CategoryCount]
    var years: [YearCount]

    init(_ counts: IdeaCounts) {
        total = counts.total
        statuses = counts.statuses.map { StatusCount(status: $0.key.rawValue, count: $0.count) }
        categories = counts.categories.map { CategoryCount(category: $0.key, count: $0.count) }
        years = counts.years.map { YearCount(year: $0.key, count: $0.count) }
    }
}
