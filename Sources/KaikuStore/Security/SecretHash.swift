import Crypto

/// How secrets handed to clients (API keys, kiosk pairing codes and device
/// tokens) are stored: as the hex SHA-256 of the secret, never the secret.
enum SecretHash {
    static func hex(_ secret: String) -> String {
        SHA256.hash(data: Array(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
