import XCTest
@testable import KaikuCore

/// Realistic Finland-Swedish answers.
extension TextAnalyserTests {

    func testSwedishComplaintAboutParkingAndSignsIsPremisesAndNegative() {
        // Arrange
        let text = "Parkeringen vid sjukhuset är alldeles för liten och skyltarna är förvirrande."

        // Act
        let result = analyser.analyse(text, language: .sv)

        // Assert
        XCTAssertEqual(result.themes.first, .premises)
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testSwedishTelephoneQueueCompoundIsGuidanceAndNegative() {
        // Arrange
        let text = "Jag väntade i telefonkön i över en timme och ingen ringde tillbaka."

        // Act
        let result = analyser.analyse(text, language: .sv)

        // Assert
        XCTAssertEqual(result.themes, [.guidance])
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testSwedishThanksForKindReceptionIsThanksTreatmentAndPositive() {
        // Arrange
        let text = "Tack för ett vänligt och professionellt bemötande på akuten!"

        // Act
        let result = analyser.analyse(text, language: .sv)

        // Assert
        XCTAssertTrue(result.themes.contains(.thanks))
        XCTAssertTrue(result.themes.contains(.treatment))
        XCTAssertEqual(result.sentiment, .positive)
    }

    func testSwedishMissingServiceInSwedishIsTreatmentAndNegative() {
        // Arrange
        let text = "Trots att jag bad om det fick jag ingen service på svenska. Det är inte acceptabelt."

        // Act
        let result = analyser.analyse(text, language: .sv)

        // Assert
        XCTAssertEqual(result.themes, [.treatment])
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testSwedishBrokenBookingAppIsElectronicServicesAndNegative() {
        // Arrange
        let text = "Appen för tidsbokning fungerade inte och jag kunde inte logga in med BankID."

        // Act
        let result = analyser.analyse(text, language: .sv)

        // Assert
        XCTAssertEqual(result.themes.first, .electronicServices)
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testSwedishThoroughDoctorIsCareAndPositive() {
        // Arrange
        let text = "Läkaren var kunnig och tog sig tid att undersöka mig ordentligt."

        // Act
        let result = analyser.analyse(text, language: .sv)

        // Assert
        XCTAssertEqual(result.themes, [.care])
        XCTAssertEqual(result.sentiment, .positive)
    }

    func testSwedishNoAnswerAboutTestResultsIsInformationAndNegative() {
        // Arrange
        let text = "Jag fick ingen information om provsvaren och ingen svarade när jag ringde."

        // Act
        let result = analyser.analyse(text, language: .sv)

        // Assert
        XCTAssertEqual(result.themes.first, .information)
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testSwedishDirtyWaitingRoomIsPremisesAndNegative() {
        // Arrange
        let text = "Väntrummet var smutsigt och toaletten var ostädad."

        // Act
        let result = analyser.analyse(text, language: .sv)

        // Assert
        XCTAssertEqual(result.themes, [.premises])
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testSwedishNegationBeforeIntensifierIsNegative() {
        // Arrange
        let text = "Personalen var inte särskilt trevlig."

        // Act
        let result = analyser.analyse(text, language: .sv)

        // Assert
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testSwedishNegationAfterVerbIsNegative() {
        // Arrange
        let text = "Läkaren lyssnade inte på mig."

        // Act
        let result = analyser.analyse(text, language: .sv)

        // Assert
        XCTAssertTrue(result.themes.contains(.treatment))
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testSwedishNoProblemsIsPositive() {
        // Arrange
        let text = "Inga problem alls, allt gick smidigt."

        // Act
        let result = analyser.analyse(text, language: .sv)

        // Assert
        XCTAssertEqual(result.sentiment, .positive)
    }

    func testSwedishConjunctionIsNotReadAsEnglishPraise() {
        // Arrange: "fast" (although) is also English "fast"; "förstår inte" is a complaint.
        let text = "Personalen pratade bara finska med min mamma fast hon inte förstår finska."

        // Act
        let result = analyser.analyse(text, language: .sv)

        // Assert
        XCTAssertEqual(result, TextAnalysis(themes: [.treatment], sentiment: .negative))
    }
}
