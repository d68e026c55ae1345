import Crypto
import Foundation

/// Encrypts contact details at rest with AES-256-GCM. A stolen database
/// file or backup holds no readable names, addresses or phone numbers
/// without the key, which lives outside the database.
public struct ContactCipher: Sendable {
    public enum KeyError: Error, CustomStringConvertible, Equatable {
        case malformed
        case missingForPostgres
        /// The SQLite database's directory is missing or not writable, so the key file cannot be made beside it.
        case directoryUnusable(String)

        public var description: String {
            switch self {
            case .malformed:
                "KAIKU_ENCRYPTION_KEY must be 32 random bytes in base64, e.g. from `openssl rand -base64 32`."
            case .missingForPostgres:
                "KAIKU_ENCRYPTION_KEY is required with PostgreSQL: contact details are encrypted at rest. Generate one with `openssl rand -base64 32` and keep it apart from database backups."
            case .directoryUnusable(let directory):
                "The directory \(directory) of the SQLite database does not exist or cannot be written to. Create it (mkdir -p \(directory)) and give this user write access, or choose another DATABASE_URL or --data-dir."
            }
        }
    }

    static let prefix = "v1:"
    fileprivate let key: SymmetricKey

    public init(base64Key: String) throws {
        guard let data = Data(base64Encoded: base64Key.trimmingCharacters(in: .whitespacesAndNewlines)), data.count == 32 else {
            throw KeyError.malformed
        }
        key = SymmetricKey(data: data)
    }

    public static func generateKey() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() }
    }

    public func seal(_ plaintext: String?) throws -> String? {
        guard let plaintext else { return nil }
        let box = try AES.GCM.seal(Data(plaintext.utf8), using: key)
        return Self.prefix + box.combined!.base64EncodedString()
    }

    /// Values written before encryption was introduced are returned as they are.
    public func open(_ stored: String?) throws -> String? {
        guard let stored else { return nil }
        guard stored.hasPrefix(Self.prefix) else { return stored }
        guard let data = Data(base64Encoded: String(stored.dropFirst(Self.prefix.count))) else { throw KeyError.malformed }
        let box = try AES.GCM.SealedBox(combined: data)
        return String(decoding: try AES.GCM.open(box, using: key), as: UTF8.self)
    }
}

extension ContactCipher {
    /// A keyed one-way pseudonym of a phone number (HMAC-SHA256 with a key
    /// derived from the contact key), so that opt-outs and "asked at most
    /// once per period" can be checked after the number itself is deleted.
    public func pseudonym(of phone: String) -> String {
        let derived = HKDF<SHA256>.deriveKey(inputKeyMaterial: key, info: Data("kaiku phone pseudonym v1".utf8), outputByteCount: 32)
        return HMAC<SHA256>.authenticationCode(for: Data(phone.utf8), using: derived).map { String(format: "%02x", $0) }.joined()
    }
}
