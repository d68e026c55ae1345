import XCTest
@testable import KaikuCore

/// How training weighs features and examples: the naive-Bayes scaling of text features per
/// default theme (NBSVM) and the even weighing of the themes' examples.
final class LearnedModelWeightingTests: XCTestCase {

    static let themes = ["electronic-services", "thanks", "parking"]
    /// Text features (hashed n-grams in real use): one seen only with e-services, one only with
    /// thanks, one with both alike.
    static let onlyServices: UInt32 = 1_001, onlyThanks: UInt32 = 1_002, everywhere: UInt32 = 1_003

    static func example(_ hashes: [UInt32], themes: Set<String>) -> LearnedModel.Example {
        LearnedModel.Example(vector: FeedbackFeatures.Vector(hashes: hashes, values: hashes.map { _ in 1 }),
                             themes: themes, knownThemes: Set(Self.themes), sentiment: .neutral)
    }

    static let examples = Array(repeating: example([onlyServices, everywhere, FeedbackFeatures.bias], themes: ["electronic-services"]), count: 4)
        + Array(repeating: example([onlyThanks, everywhere, FeedbackFeatures.bias], themes: ["thanks"]), count: 4)

    static func scales(mix: Float) -> (scale: (UInt32, String) -> Float, columns: Int) {
        let hashes = [FeedbackFeatures.bias, onlyServices, onlyThanks, everywhere]
        let rows = Dictionary(uniqueKeysWithValues: hashes.enumerated().map { ($0.element, $0.offset) })
        var settings = LearnedModel.Settings()
        settings.naiveBayesMix = mix
        let scales = LearnedModel.naiveBayesScales(examples: examples, rows: rows, hashes: hashes, themes: themes, settings: settings)
        let columns = themes.count + LearnedModel.sentiments.count
        return ({ hash, column in
            let index = themes.firstIndex(of: column) ?? themes.count + (LearnedModel.sentiments.firstIndex { $0.rawValue == column } ?? 0)
            return scales[rows[hash, default: 0] * columns + index]
        }, columns)
    }

    func testAFeatureSeenOnlyWithAThemeWeighsMoreForItAndLessForAnother() {
        // Arrange
        let mix = LearnedModel.Settings().naiveBayesMix

        // Act
        let scale = Self.scales(mix: mix).scale

        // Assert
        XCTAssertGreaterThan(scale(Self.onlyServices, "electronic-services"), 1)
        XCTAssertLessThan(scale(Self.onlyServices, "thanks"), 0)
        XCTAssertGreaterThan(scale(Self.onlyThanks, "thanks"), 1)
        XCTAssertEqual(scale(Self.everywhere, "electronic-services"), 1 - mix, accuracy: 1e-5,
                       "a feature as common with the theme as without it keeps only the unscaled share")
    }

    func testLexiconFeaturesSentimentsAndOwnThemesAreNotScaled() {
        // Act
        let scale = Self.scales(mix: LearnedModel.Settings().naiveBayesMix).scale

        // Assert
        XCTAssertEqual(scale(FeedbackFeatures.bias, "electronic-services"), 1)
        XCTAssertEqual(scale(Self.onlyServices, "parking"), 1)
        XCTAssertEqual(scale(Self.onlyServices, "negative"), 1)
    }

    func testWithoutTheNaiveBayesShareNothingIsScaled() {
        // Act
        let scale = Self.scales(mix: 0).scale

        // Assert
        for hash in [Self.onlyServices, Self.onlyThanks, Self.everywhere] {
            for column in Self.themes { XCTAssertEqual(scale(hash, column), 1) }
        }
    }

    func testARareThemesExamplesWeighMoreThanACommonOnes() {
        // Arrange: e-services in one example, thanks in three, the own theme in one.
        let targets = [[true, false, false], [false, true, false], [false, true, false], [false, true, true]]
        let known = Array(repeating: [true, true, true], count: 4)
        let settings = LearnedModel.Settings()

        // Act
        let weights = LearnedModel.balancedPositiveWeights(targets: targets, known: known, isDefault: [true, true, false], settings: settings)

        // Assert: the mean count of the default themes is 2.
        XCTAssertEqual(weights[0], settings.positiveWeight * 2, accuracy: 1e-5)
        XCTAssertEqual(weights[1], settings.positiveWeight * 2 / 3, accuracy: 1e-5)
        XCTAssertEqual(weights[2], settings.ownThemePositiveWeight)
    }

    func testWithoutBalanceEveryDefaultThemeWeighsTheSame() {
        // Arrange
        var settings = LearnedModel.Settings()
        settings.themeBalance = 0

        // Act
        let weights = LearnedModel.balancedPositiveWeights(
            targets: [[true, false], [false, true], [false, true]], known: Array(repeating: [true, true], count: 3),
            isDefault: [true, true], settings: settings)

        // Assert
        XCTAssertEqual(weights, [settings.positiveWeight, settings.positiveWeight])
    }
}
