import ConsoleKit
import Foundation
import KaikuStore
import Vapor

extension CommandContext {
    /// Reads and checks the settings, then opens, migrates and sets up the
    /// database for a command. Called from a command's `run`, so that
    /// `--help` and a wrong option never reach it.
    @discardableResult
    func openDatabase(dataDirectory: String?, serving: Bool = false, adjust: (inout KaikuSettings) -> Void = { _ in }) async throws -> Application {
        var settings = try KaikuSettings.from(environment: ProcessInfo.processInfo.environment, dataDirectory: dataDirectory)
        // Only a serving instance polls the job table; one-shot commands do their own work and exit.
        settings.runJobs = settings.runJobs && serving
        adjust(&settings)
        do {
            try await configure(application, settings: settings)
        } catch let error as SettingsProblem {
            throw error
        } catch let error as ContactCipher.KeyError {
            throw error
        } catch let error as AbortError {
            throw error
        } catch {
            throw DatabaseOpeningError(location: settings.database, underlying: error)
        }
        try await application.asyncBoot()
        return application
    }
}
