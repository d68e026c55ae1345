extension QRCode {
    public enum EncodingError: Error, Equatable, Sendable, CustomStringConvertible {
        /// The text's UTF-8 form is `byteCount` bytes, but even a version 40
        /// symbol at `errorCorrection` holds at most `maximumByteCount` bytes
        /// of such text (non-ASCII text loses two bytes to its UTF-8 marker).
        case dataTooLong(byteCount: Int, maximumByteCount: Int, errorCorrection: ErrorCorrection)

        public var description: String {
            switch self {
            case let .dataTooLong(byteCount, maximum, level):
                "Text is too long for a QR code: \(byteCount) UTF-8 bytes, "
                    + "but at most \(maximum) fit with \(level) error correction."
            }
        }
    }
}
