import KaikuCore

/// A unit code that several organisations use, asked for without `?org=`:
/// which organisations have it, each with the address asked for and `org=`
/// added, so that a person who followed an old link can go on in one step.
struct PublicFiguresAmbiguityModel: Sendable {
    struct Organisation: Sendable, Equatable {
        var code: String
        var name: String
    }

    var code: String
    var organisations: [Organisation]
    /// The address asked for: the unit's figures page or its widget.
    var page: SiteURL

    /// The address asked for in `organisation`.
    func link(to organisation: Organisation, language: Language) -> String {
        page.url(language: language, [("org", organisation.code)])
    }

    /// The organisations' codes as the text lists them: "a, b".
    var organisationCodes: String { organisations.map(\.code).joined(separator: ", ") }
}
