/// The themes an open-text feedback answer can be about.
///
/// The raw values are the category identifiers Finnish wellbeing services counties already
/// use in their feedback reporting, so they must not be changed.
public enum Theme: String, Sendable, Codable, CaseIterable, Hashable {
    case electronicServices = "electronic-services"
    case premises = "signage-premises"
    case guidance = "process-guidance"
    case treatment = "rights-language-treatment"
    case care = "access-quality-care"
    case information = "information-contact"
    case thanks = "thanks"
}
