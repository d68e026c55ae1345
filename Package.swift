// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kaiku",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kaiku", targets: ["kaiku"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
    ],
    targets: [
        // The domain in plain Swift: no Vapor, no database. Optimised in debug builds too: its
        // text learning trains on a few thousand examples, ten times slower unoptimised, which
        // every test process and `kaiku demo` would otherwise wait for.
        .target(name: "KaikuCore", swiftSettings: [.unsafeFlags(["-O"])]),
        // Fluent models, numbered migrations and queries.
        .target(
            name: "KaikuStore",
            dependencies: [
                "KaikuCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // The SMTP client: hands e-mail to a mail server over NIO, no Vapor.
        .target(
            name: "KaikuSMTP",
            dependencies: [
                "KaikuCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // The SMS gateway client: its settings, credentials, payload and retries.
        .target(
            name: "KaikuSMS",
            dependencies: [
                "KaikuCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // A stand-in SMS gateway for development and tests (`kaiku sms-simulator`); needs no database.
        .target(
            name: "KaikuSMSSimulator",
            dependencies: ["KaikuCore", "KaikuSMS", .product(name: "Vapor", package: "vapor")]
        ),
        // Routes, controllers, DTOs, HTML pages, auth and middleware, and the commands.
        .target(
            name: "KaikuWeb",
            dependencies: [
                "KaikuCore",
                "KaikuStore",
                "KaikuSMTP",
                "KaikuSMS",
                "KaikuSMSSimulator",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "kaiku",
            dependencies: [
                "KaikuWeb",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "KaikuCoreTests", dependencies: ["KaikuCore"]),
        .testTarget(
            name: "KaikuWebTests",
            dependencies: [
                "KaikuWeb",
                "KaikuStore",
                "KaikuCore",
                "KaikuSMTP",
                "KaikuSMS",
                "KaikuSMSSimulator",
                .product(name: "XCTVapor", package: "vapor"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
    ]
)
