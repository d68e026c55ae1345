import Foundation

/// The keyed hash TOTP needs. KaikuCore has no cryptography library, so the
/// store layer hands in HMAC-SHA1 from swift-crypto.
public protocol HMACSHA1: Sendable {
    func authenticationCode(key: [UInt8], message: [UInt8]) -> [UInt8]
}

/// Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA1,
/// 30-second steps, six digits, as every authenticator app makes them.
public struct OneTimePassword: Sendable {
    public static let period: TimeInterval = 30
    public static let digits = 6
    /// Steps either side of now that are still accepted, for a phone's clock a little off.
    public static let window: Int64 = 1
    /// 160 bits, the length RFC 4226 recommends for HMAC-SHA1.
    public static let secretLength = 20

    public let secret: [UInt8]
    let hmac: any HMACSHA1

    public init(secret: [UInt8], hmac: any HMACSHA1) {
        self.secret = secret
        self.hmac = hmac
    }

    public static func step(at date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / period).rounded(.down))
    }

    public func code(step: Int64, digits: Int = OneTimePassword.digits) -> String {
        var counter = UInt64(bitPattern: step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Array($0) }
        let mac = hmac.authenticationCode(key: secret, message: message)
        guard mac.count >= 20, let last = mac.last else { return "" }
        let offset = Int(last & 0x0F)
        let truncated = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(truncated % modulus)
        return String(repeating: "0", count: max(0, digits - value.count)) + value
    }

    public func code(at date: Date) -> String { code(step: Self.step(at: date)) }

    /// The step a typed code belongs to within the window around `date`, or
    /// nil. A step at or before `lastUsedStep` never matches, so each code
    /// (and every earlier one) works only once.
    public func matchingStep(for typed: String, at date: Date, after lastUsedStep: Int64?) -> Int64? {
        let code = typed.filter { !$0.isWhitespace }
        guard code.count == Self.digits, code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber) else { return nil }
        let now = Self.step(at: date)
        for step in (now - Self.window)...(now + Self.window) where step > (lastUsedStep ?? .min) {
            if constantTimeEqual(self.code(step: step), code) { return step }
        }
        return nil
    }

    /// The address an authenticator app reads from the QR code.
    public static func provisioningURI(secret: [UInt8], account: String, issuer: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~@")
        let label = (issuer + ":" + account).addingPercentEncoding(withAllowedCharacters: allowed) ?? account
        let issuerParameter = issuer.addingPercentEncoding(withAllowedCharacters: allowed) ?? "Kaiku"
        return "otpauth://totp/\(label)?secret=\(Base32.encode(secret))&issuer=\(issuerParameter)&algorithm=SHA1&digits=\(digits)&period=\(Int(period))"
    }

    private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
