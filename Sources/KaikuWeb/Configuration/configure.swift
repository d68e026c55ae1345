import Fluent
import Foundation
import KaikuCore
import KaikuSMS
import KaikuSMTP
import KaikuStore
import Vapor

/// Sets up the database, migrations, shared services, middleware and routes,
/// from settings already read and checked (`KaikuSettings.from`): nothing here
/// reads the environment.
public func configure(
    _ app: Application, settings: KaikuSettings, clock: WallClock = .system,
    mail: (any MailSender)? = nil, sms: (any SMSSender)? = nil, oidcClient: (any OIDCProviderClient)? = nil
) async throws {
    // Refuse an unsafe production configuration before touching the database.
    let cipher = try ContactCipher.resolve(environmentKey: settings.encryptionKey, location: settings.database)
    try app.databases.useKaiku(settings.database)
    app.passwords.use(.bcrypt(cost: settings.passwordCost))
    ContentConfiguration.global.use(encoder: JSONEncoder.custom(dates: .iso8601), for: .json)
    ContentConfiguration.global.use(decoder: JSONDecoder.custom(dates: .iso8601), for: .json)
    app.migrations.add(KaikuMigrations.all)
    if settings.autoMigrate {
        try await app.autoMigrate()
    }
    try await SQLiteTuning.apply(to: app.databases, eventLoops: Array(app.eventLoopGroup.makeIterator()), logger: app.logger)

    let survey = try JSONDecoder().decode(SurveyDefinition.self, from: ResourceFile.data("Surveys/thl-core.json"))
    let writer = ResponseWriter(
        database: app.db, cipher: cipher, logger: app.logger,
        direct: try SQLiteWriterDatabase.open(settings.database, logger: app.logger, eventLoop: app.eventLoopGroup.any()))
    app.lifecycle.use(ResponseWriterLifecycle(writer: writer))
    app.kaiku = KaikuServices(
        settings: settings,
        catalogue: try Catalogue.load(),
        nationalSurvey: survey,
        writer: writer,
        cipher: cipher,
        mail: try mail ?? settings.smtp
            .map { try SMTPMailSender(configuration: $0, eventLoopGroup: app.eventLoopGroup) }
            ?? LoggingMailSender(logger: app.logger),
        sms: sms ?? settings.smsGateway
            .map { HTTPSMSSender(client: app.http.client.shared, configuration: $0, logger: app.logger) }
            ?? LoggingSMSSender(logger: app.logger),
        timingDummyHash: try app.password.hash("kaiku timing dummy"),
        clock: clock,
        oidc: OIDCSignOn(environment: settings.oidc, client: oidcClient ?? LiveOIDCProviderClient(client: app.http.client.shared))
    )
    app.pdfQueue = PDFQueue(renderer: ChromiumPDFRenderer.fromEnvironment(ProcessInfo.processInfo.environment))
    app.kaiku.languageModel = settings.languageModel.map {
        ChatCompletionsClassifier(client: app.http.client.shared, configuration: $0, logger: app.logger)
    }
    if settings.autoMigrate {
        try await Bootstrap.run(app)
    }

    app.middleware = Middlewares()
    // Outermost, so that error pages carry the security headers too.
    app.middleware.use(SecurityHeadersMiddleware(widgetFrameAncestors: settings.widgetFrameAncestors, providerOrigins: app.kaiku.oidc.origins))
    app.middleware.use(KaikuErrorMiddleware(environment: app.environment))
    app.http.server.configuration.idleTimeout = .milliseconds(Int64(settings.idleTimeout * 1_000))
    // 64 KiB is allowed; Vapor refuses a body that reaches its limit, so the limit is one byte more.
    app.routes.defaultMaxBodySize = ByteCount(value: 64 * 1024 + 1)
    if settings.runJobs {
        app.lifecycle.use(JobRunnerLifecycle())
    }
    try routes(app)
}
