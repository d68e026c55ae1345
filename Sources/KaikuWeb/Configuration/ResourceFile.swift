import Foundation

/// Files shipped in the KaikuWeb bundle.
enum ResourceFile {
    static func data(_ path: String) throws -> Data {
        let url = Bundle.module.bundleURL.appendingPathComponent("Resources").appendingPathComponent(path)
        return try Data(contentsOf: url)
    }
}
