import Foundation
import KaikuCore
import XCTest

/// The checks of a logo's bytes and of a brand colour, without a server.
final class BrandingRulesTests: XCTestCase {
    func testAPNGAndAJPEGAreReadForTheirSize() throws {
        let png = try LogoImage(validating: LogoSamples.png(width: 640, height: 200))
        let jpeg = try LogoImage(validating: LogoSamples.jpeg(width: 1200, height: 300))
        let real = try LogoImage(validating: LogoSamples.realPNG)

        XCTAssertEqual([png.format, jpeg.format], [.png, .jpeg])
        XCTAssertEqual([png.width, png.height, jpeg.width, jpeg.height], [640, 200, 1200, 300])
        XCTAssertEqual(real.width, real.height)
    }

    func testAnythingButAPNGOrJPEGIsRefusedWhateverItIsCalled() {
        XCTAssertThrowsError(try LogoImage(validating: LogoSamples.svg)) { XCTAssertEqual($0 as? LogoImage.Problem, .notPNGOrJPEG) }
        XCTAssertThrowsError(try LogoImage(validating: LogoSamples.gif)) { XCTAssertEqual($0 as? LogoImage.Problem, .notPNGOrJPEG) }
        XCTAssertThrowsError(try LogoImage(validating: [])) { XCTAssertEqual($0 as? LogoImage.Problem, .empty) }
        XCTAssertThrowsError(try LogoImage(validating: Array(LogoSamples.png(width: 1, height: 1).prefix(20)))) {
            XCTAssertEqual($0 as? LogoImage.Problem, .unreadable)
        }
        XCTAssertThrowsError(try LogoImage(validating: [0xFF, 0xD8, 0xFF, 0xD9])) { XCTAssertEqual($0 as? LogoImage.Problem, .unreadable) }
    }

    func testTooLargeFilesAndPicturesAreRefused() {
        XCTAssertThrowsError(try LogoImage(validating: LogoSamples.png(width: 100, height: 100, length: LogoImage.maximumBytes + 1))) {
            XCTAssertEqual($0 as? LogoImage.Problem, .tooLarge(bytes: LogoImage.maximumBytes + 1))
        }
        XCTAssertThrowsError(try LogoImage(validating: LogoSamples.png(width: 2001, height: 10))) {
            XCTAssertEqual($0 as? LogoImage.Problem, .tooManyPixels(width: 2001, height: 10))
        }
        XCTAssertThrowsError(try LogoImage(validating: LogoSamples.jpeg(width: 10, height: 4000))) {
            XCTAssertEqual($0 as? LogoImage.Problem, .tooManyPixels(width: 10, height: 4000))
        }
        XCTAssertNoThrow(try LogoImage(validating: LogoSamples.png(width: 2000, height: 2000)))
    }

    func testAColourMustLetWhiteTextStandOut() throws {
        XCTAssertEqual(try BrandColour(validating: " #0B4F8A ").hex, "#0b4f8a")
        XCTAssertEqual(try BrandColour(validating: "000000").contrastAgainstWhite, 21, accuracy: 0.01)
        // #767676 is the lightest grey that passes 4.5:1 on white; #777777 fails it.
        XCTAssertNoThrow(try BrandColour(validating: "#767676"))
        XCTAssertThrowsError(try BrandColour(validating: "#777777")) { error in
            guard case .tooLight(let contrast) = error as? BrandColour.Problem else { return XCTFail("\(error)") }
            XCTAssertEqual(BrandColour.shown(contrast), "4.4")
        }
        for bad in ["blue", "#12345", "#1234567", "#gg0000", ""] {
            XCTAssertThrowsError(try BrandColour(validating: bad), bad) { XCTAssertEqual($0 as? BrandColour.Problem, .notAColour) }
        }
    }
}
