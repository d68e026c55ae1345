import Crypto
import KaikuCore

/// HMAC-SHA1 from swift-crypto for `OneTimePassword`: SHA-1 is what RFC 6238
/// and every authenticator app use, and HMAC keeps it sound for this.
public struct CryptoHMACSHA1: HMACSHA1 {
    public init() {}

    public func authenticationCode(key: [UInt8], message: [UInt8]) -> [UInt8] {
        Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }
}
