import XCTest
@testable import KaikuCore

/// Realistic English answers, typically from residents who speak neither Finnish nor Swedish.
extension TextAnalyserTests {

    func testEnglishParkingNightmareIsPremisesAndNegative() {
        // Arrange
        let text = "Parking was a nightmare: the car park was full and there were no signs to the entrance."

        // Act
        let result = analyser.analyse(text, language: .en)

        // Assert
        XCTAssertEqual(result.themes, [.premises])
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testEnglishWaitingOnHoldWithoutCallBackIsGuidanceAndNegative() {
        // Arrange
        let text = "I waited on hold for over an hour and nobody called me back."

        // Act
        let result = analyser.analyse(text, language: .en)

        // Assert
        XCTAssertEqual(result.themes.first, .guidance)
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testEnglishFriendlyNurseIsCareTreatmentAndPositive() {
        // Arrange
        let text = "The nurse was friendly and explained everything clearly. Thank you!"

        // Act
        let result = analyser.analyse(text, language: .en)

        // Assert
        XCTAssertTrue(result.themes.contains(.care))
        XCTAssertTrue(result.themes.contains(.treatment))
        XCTAssertEqual(result.sentiment, .positive)
    }

    func testEnglishCrashingOnlineBookingIsElectronicServicesAndNegative() {
        // Arrange
        let text = "The online booking system kept crashing and I couldn't log in with my bank credentials."

        // Act
        let result = analyser.analyse(text, language: .en)

        // Assert
        XCTAssertEqual(result.themes, [.electronicServices])
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testEnglishRudeReceptionistIsTreatmentAndNegative() {
        // Arrange
        let text = "The receptionist was rude and did not listen to me at all."

        // Act
        let result = analyser.analyse(text, language: .en)

        // Assert
        XCTAssertEqual(result.themes, [.treatment])
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testEnglishLetterNeverReceivedIsInformationAndNegative() {
        // Arrange
        let text = "I never received the letter with my test results and nobody answered the phone."

        // Act
        let result = analyser.analyse(text, language: .en)

        // Assert
        XCTAssertEqual(result.themes.first, .information)
        XCTAssertTrue(result.themes.contains(.care))
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testEnglishNoServiceInMotherTongueIsTreatmentAndNegative() {
        // Arrange
        let text = "I was not able to get service in Swedish, which is my mother tongue."

        // Act
        let result = analyser.analyse(text, language: .en)

        // Assert
        XCTAssertEqual(result.themes, [.treatment])
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testEnglishThoroughDoctorIsCareAndPositive() {
        // Arrange
        let text = "The doctor was thorough and the treatment worked well."

        // Act
        let result = analyser.analyse(text, language: .en)

        // Assert
        XCTAssertEqual(result.themes, [.care])
        XCTAssertEqual(result.sentiment, .positive)
    }

    func testEnglishContractedNegationMakesBrokenAppNegative() {
        // Arrange: a typographic apostrophe, as phones type it.
        let text = "The app doesn’t work on my phone."

        // Act
        let result = analyser.analyse(text, language: .en)

        // Assert
        XCTAssertEqual(result.themes.first, .electronicServices)
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testEnglishNotVeryHelpfulIsNegative() {
        // Arrange
        let text = "The staff were not very helpful."

        // Act
        let result = analyser.analyse(text, language: .en)

        // Assert
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testEnglishNoComplaintsIsPositive() {
        // Arrange
        let text = "No complaints, everything went smoothly."

        // Act
        let result = analyser.analyse(text, language: .en)

        // Assert
        XCTAssertEqual(result.sentiment, .positive)
    }

    func testEnglishTextThatOnlyThanksIsThanksAndPositive() {
        // Arrange
        let text = "Thanks a lot!"

        // Act
        let result = analyser.analyse(text, language: .en)

        // Assert
        XCTAssertEqual(result, TextAnalysis(themes: [.thanks], sentiment: .positive))
    }
}
