import Foundation

extension ContactCipher {
    /// The key from `KAIKU_ENCRYPTION_KEY`; for the embedded SQLite mode a key
    /// file beside the database is made on first start so that the demo needs
    /// no setup. PostgreSQL, the production database, must be given a key.
    public static func resolve(environmentKey: String?, location: DatabaseLocation) throws -> ContactCipher {
        if let environmentKey, !environmentKey.isEmpty {
            return try ContactCipher(base64Key: environmentKey)
        }
        switch location {
        case .postgres:
            throw KeyError.missingForPostgres
        case .sqliteMemory:
            return try ContactCipher(base64Key: generateKey())
        case .sqlite(let path):
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            let keyPath = directory.appendingPathComponent("kaiku.key").path
            if let existing = try? String(contentsOfFile: keyPath, encoding: .utf8) {
                return try ContactCipher(base64Key: existing)
            }
            // A key file that exists but cannot be read is never replaced: the contact details are sealed with it.
            guard !FileManager.default.fileExists(atPath: keyPath) else { throw KeyError.malformed }
            let key = generateKey()
            guard FileManager.default.createFile(atPath: keyPath, contents: Data((key + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
                throw KeyError.directoryUnusable(directory.path)
            }
            return try ContactCipher(base64Key: key)
        }
    }
}
