import XCTest
@testable import KaikuCore

/// Realistic Finnish answers, as customers write them: compounds, inflection, negation.
extension TextAnalyserTests {

    func testFinnishComplaintAboutParkingIsPremisesAndNegative() {
        // Arrange
        let text = "Pysäköintihallissa ei ollut yhtään vapaata paikkaa ja opasteet sairaalan pääovelle olivat surkeat."

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertEqual(result.themes.first, .premises)
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testFinnishPhoneQueueComplaintIsGuidanceAndNegative() {
        // Arrange
        let text = "Jonotin puhelinjonossa yli tunnin ja lopulta puhelu katkesi. Takaisinsoittoa ei tullut."

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertEqual(result.themes.first, .guidance)
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testFinnishPraiseForDoctorIsCareAndPositive() {
        // Arrange
        let text = "Lääkäri kuunteli ja selitti hoitovaihtoehdot selkeästi. Sain hyvää hoitoa, kiitos!"

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertEqual(result.themes.first, .care)
        XCTAssertEqual(result.sentiment, .positive)
    }

    func testFinnishBrokenOmaKantaAndOnlineBookingIsElectronicServicesAndNegative() {
        // Arrange
        let text = "Omakanta-palvelussa ei näkynyt laboratoriotuloksia ja sähköinen ajanvaraus kaatui kesken kaiken."

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertEqual(result.themes.first, .electronicServices)
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testFinnishRudeNurseIsTreatmentAndNegative() {
        // Arrange
        let text = "Hoitaja oli todella tyly ja vähätteli oireitani. En ole koskaan kokenut näin epäkunnioittavaa kohtelua."

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertEqual(result.themes.first, .treatment)
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testFinnishFailedServiceInSwedishIsTreatmentAndNegative() {
        // Arrange
        let text = "Asiointi ruotsiksi ei onnistunut, vaikka pyysin palvelua omalla äidinkielelläni."

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertEqual(result.themes, [.treatment])
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testFinnishUnansweredCallsAreInformationAndNegative() {
        // Arrange
        let text = "Kukaan ei vastannut puhelimeen kolmena päivänä, eikä tekstiviestiin tullut vastausta."

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertEqual(result.themes, [.information])
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testFinnishTextThatOnlyThanksIsThanksAndPositive() {
        // Arrange
        let text = "Kiitos hyvästä palvelusta!"

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertEqual(result, TextAnalysis(themes: [.thanks], sentiment: .positive))
    }

    func testFinnishParkingInsideCompoundWordIsPremises() {
        // Arrange
        let text = "Sairaalanparkkipaikat olivat täynnä ja jouduin kiertämään korttelin."

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertTrue(result.themes.contains(.premises))
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testFinnishNegatedPraiseWithIntensifierIsNegative() {
        // Arrange
        let text = "Vastaanotto ei ollut kovin hyvä."

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertEqual(result.themes, [.care])
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testFinnishNegatedComplaintWordIsPositive() {
        // Arrange
        let text = "Ei mitään valitettavaa, kaikki sujui hienosti."

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertEqual(result.sentiment, .positive)
    }

    func testFinnishNegatedSatisfactionIsCareButNotThanks() {
        // Arrange
        let text = "En ollut tyytyväinen hoitoon."

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertEqual(result.themes, [.care])
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testFinnishCountyNameIsNotReadAsPraise() {
        // Arrange: "hyvinvointialue" begins with "hyvin" (well).
        let text = "Otin yhteyttä hyvinvointialueen neuvontaan."

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertEqual(result, TextAnalysis(themes: [.information], sentiment: .neutral))
    }

    func testFinnishPoliteClosingThanksDoesNotCancelComplaint() {
        // Arrange
        let text = "Kukaan ei vastannut puhelimeen. Kiitos."

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertTrue(result.themes.contains(.information))
        XCTAssertEqual(result.sentiment, .negative)
    }
}
