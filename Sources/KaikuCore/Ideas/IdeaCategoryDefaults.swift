import Foundation

/// The idea categories every organisation starts with: Soite's idea bank
/// (Idealaari) sorts its ideas so. An organisation renames them or adds its
/// own; the codes are what ideas store, so they never change.
public enum IdeaCategoryDefaults {
    public static let codes = ["service-processes", "sustainable-organisation", "service-development", "wellbeing-at-work",
                               "sustainability-and-responsibility", "other"]
    /// Where an idea sent without a category goes.
    public static let fallback = "other"
}
