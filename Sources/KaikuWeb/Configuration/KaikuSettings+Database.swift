import Foundation
import KaikuStore

extension KaikuSettings {
    /// Where the data lives: `--data-dir`, else `DATABASE_URL`, else
    /// `KAIKU_DATA_DIR` or `./kaiku-data`. A data directory is Kaiku's own and
    /// is made when missing; the directory of a SQLite `DATABASE_URL` is the
    /// operator's, and a missing one is more likely a typo than a wish.
    static func databaseLocation(environment: [String: String], dataDirectory: String?) throws -> DatabaseLocation {
        if let url = environment["DATABASE_URL"], !url.isEmpty, dataDirectory == nil {
            let location: DatabaseLocation
            do {
                location = try DatabaseLocation(url: url)
            } catch {
                throw SettingsProblem(
                    variable: "DATABASE_URL",
                    message: "DATABASE_URL must be sqlite:///path/to/kaiku.sqlite, sqlite::memory: or postgres://user:password@host:5432/database, not '\(url.prefix(40))'. Correct it, or unset it to keep the data in ./\(defaultDataDirectory).")
            }
            if case .sqlite(let path) = location { try checkDatabaseDirectory(of: path) }
            return location
        }
        let option = dataDirectory == nil ? "KAIKU_DATA_DIR" : "--data-dir"
        let directory = dataDirectory ?? environment["KAIKU_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultDataDirectory
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw SettingsProblem(
                variable: option,
                message: "The data directory \(directory) (\(option)) cannot be made: a file is in the way or this user may not write there. Choose another \(option == "--data-dir" ? "--data-dir" : "KAIKU_DATA_DIR or --data-dir").")
        }
        guard access(directory, W_OK) == 0 else {
            throw SettingsProblem(variable: option, message: "The data directory \(directory) (\(option)) is not writable by this user. Give the user write access, or choose another directory.")
        }
        return .sqlite(path: (directory as NSString).appendingPathComponent("kaiku.sqlite"))
    }

    private static func checkDatabaseDirectory(of path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let shown = directory.isEmpty ? "." : directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: shown, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SettingsProblem(
                variable: "DATABASE_URL",
                message: "DATABASE_URL puts the SQLite database in \(shown), which does not exist. Create it (mkdir -p \(shown)), correct DATABASE_URL, or use --data-dir DIR, which makes its own directory.")
        }
        guard access(shown, W_OK) == 0 else {
            throw SettingsProblem(
                variable: "DATABASE_URL",
                message: "DATABASE_URL puts the SQLite database in \(shown), which this user may not write to. Give it write access, or choose another DATABASE_URL or --data-dir.")
        }
    }

    /// The contact-details key rule, checked before anything is opened:
    /// `KAIKU_ENCRYPTION_KEY` must be a valid key when set; PostgreSQL, the
    /// production database, must be given one (its backups must not carry
    /// their own key); the embedded SQLite mode may keep a `kaiku.key` file
    /// beside the database, which must then be readable and valid — a key
    /// file that cannot be read is never replaced, since that would make
    /// every stored contact detail unreadable.
    static func checkEncryptionKey(_ key: String?, for location: DatabaseLocation) throws {
        if let key, !key.isEmpty {
            guard (try? ContactCipher(base64Key: key)) != nil else {
                throw SettingsProblem(
                    variable: "KAIKU_ENCRYPTION_KEY",
                    message: "KAIKU_ENCRYPTION_KEY must be 32 random bytes in base64; make one with `openssl rand -base64 32` (the key of an existing installation must be kept, or its contact details cannot be read).")
            }
            return
        }
        switch location {
        case .postgres:
            throw SettingsProblem(
                variable: "KAIKU_ENCRYPTION_KEY",
                message: "KAIKU_ENCRYPTION_KEY is required with PostgreSQL: contact details are encrypted at rest. Make one with `openssl rand -base64 32`, set it, and keep it apart from database backups.")
        case .sqliteMemory:
            return
        case .sqlite(let path):
            let keyPath = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("kaiku.key")
            guard FileManager.default.fileExists(atPath: keyPath) else { return }
            guard let text = try? String(contentsOfFile: keyPath, encoding: .utf8) else {
                throw SettingsProblem(
                    variable: "KAIKU_ENCRYPTION_KEY",
                    message: "The key file \(keyPath) cannot be read by this user. Give the user read access (chmod 600, owned by this user) or set KAIKU_ENCRYPTION_KEY to its key; do not delete it, or the stored contact details cannot be read.")
            }
            guard (try? ContactCipher(base64Key: text)) != nil else {
                throw SettingsProblem(
                    variable: "KAIKU_ENCRYPTION_KEY",
                    message: "The key file \(keyPath) does not hold a key (32 bytes in base64). Restore it from where it was kept, or set KAIKU_ENCRYPTION_KEY.")
            }
        }
    }
}
