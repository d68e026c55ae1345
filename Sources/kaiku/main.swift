import Foundation
import KaikuWeb

do {
    try await KaikuCommandLine.main()
} catch {
    FileHandle.standardError.write(Data("kaiku: \(error)\n".utf8))
    exit(1)
}
