/// Who answered: the customer themselves or a relative on their behalf.
public enum Respondent: String, Sendable, Codable, CaseIterable, Hashable {
    case oneself = "self"
    case relative
}
