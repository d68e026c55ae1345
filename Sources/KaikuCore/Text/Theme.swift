/// The themes counties sort open feedback into today.
public enum Theme: String, Sendable, Codable, CaseIterable, Hashable {
    case electronicServices = "electronic-services"
    case premises = "signage-premises"
    case guidance = "process-guidance"
    case treatment = "rights-language-treatment"
    case care = "access-quality-care"
    case information = "information-contact"
    case thanks = "thanks"
}
