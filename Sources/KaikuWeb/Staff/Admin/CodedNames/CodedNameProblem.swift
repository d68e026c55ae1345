/// Why a post to a page of coded names was refused: which form (`addForm` or the code of the
/// entry renamed), which field (`code`, `fi`, `sv` or `en`) and the catalogue key of the message.
struct CodedNameProblem: Error, Sendable, Equatable {
    var form: String
    var field: String
    var messageKey: String

    /// The add form's key in `form`; no code contains `+`.
    static let addForm = "+new"
}
