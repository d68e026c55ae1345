import Foundation
import Vapor

/// The upload and Apply forms as posted (both `multipart/form-data`): the
/// file on the first step, the previewed file again (base64) on the second.
struct AdminImportForm: Content {
    var step: String?
    var file: File?
    var payload: String?
    var closeMissing: String?
    var fingerprint: String?

    var applying: Bool { step == "apply" }
    var closesMissing: Bool { closeMissing == "on" || closeMissing == "true" }

    /// The CSV text of either step, or the catalogue key of what is wrong with it.
    func text() -> Result<(text: String, payload: String), UploadProblem> {
        let bytes: [UInt8]
        if applying {
            guard let payload, let data = Data(base64Encoded: payload) else { return .failure(.noFile) }
            bytes = Array(data)
        } else {
            guard let file, file.data.readableBytes > 0 else { return .failure(.noFile) }
            bytes = Array(file.data.readableBytesView)
        }
        guard bytes.count <= TreeImportRun.maxFileBytes else { return .failure(.tooLarge) }
        guard let text = TreeImportRun.text(bytes) else { return .failure(.notUTF8) }
        return .success((text, Data(bytes).base64EncodedString()))
    }

    enum UploadProblem: String, Error {
        case noFile, tooLarge, notUTF8
    }
}
