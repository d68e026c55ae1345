import FluentKit
import KaikuStore
import SQLKit
import Synchronization

/// Empties the PostgreSQL test database for the next test without migrating it
/// again: when its schema is still exactly what the migrations made (a
/// fingerprint of tables, columns, indexes, constraints, functions, triggers and
/// the migration log), deleting every row is enough and takes a few
/// milliseconds. A test that changed the schema (reverted a migration, made a
/// table of its own) changes the fingerprint, and the next test then starts
/// from an empty schema and migrates as before.
enum PostgresTestReset {
    /// The fingerprint of the schema as the migrations leave it, once known.
    private static let fresh = Mutex<String?>(nil)

    static func empty(_ database: any Database) async throws {
        let sql = try database.sql
        // A schema a test dropped has no migration log: that, too, means starting over.
        if let expected = fresh.withLock({ $0 }), (try? await fingerprint(sql)) == expected {
            do {
                try await sql.raw(deleteEveryRow).run()
                return
            } catch {
                // Not allowed to skip the foreign keys (not a superuser): start over instead.
            }
        }
        try await sql.raw("DROP SCHEMA public CASCADE").run()
        try await sql.raw("CREATE SCHEMA public").run()
    }

    /// Notes the schema just migrated as the one later tests may reuse.
    static func migrated(_ database: any Database) async throws {
        guard fresh.withLock({ $0 }) == nil else { return }
        let print = try await fingerprint(try database.sql)
        fresh.withLock { $0 = print }
    }

    private static func fingerprint(_ sql: any SQLDatabase) async throws -> String {
        let row = try await sql.raw(fingerprintQuery).first()
        return try row?.decode(column: "print", as: String?.self) ?? ""
    }

    private static let fingerprintQuery: SQLQueryString = """
        SELECT md5(coalesce(string_agg(d, E'\\n' ORDER BY d), '')) AS print FROM (
            SELECT 'c ' || table_name || ' ' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS d
                FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL SELECT 'i ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
            UNION ALL SELECT 'k ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            UNION ALL SELECT 'f ' || oid::regprocedure::text || ' ' || md5(prosrc) FROM pg_proc WHERE pronamespace = 'public'::regnamespace
            UNION ALL SELECT 't ' || tgrelid::regclass::text || ' ' || tgname FROM pg_trigger WHERE NOT tgisinternal
            UNION ALL SELECT 'v ' || viewname || ' ' || md5(definition) FROM pg_views WHERE schemaname = 'public'
            UNION ALL SELECT 's ' || sequencename FROM pg_sequences WHERE schemaname = 'public'
            UNION ALL SELECT 'm ' || name FROM public._fluent_migrations
        ) AS schema_parts
        """

    /// Every row but the migration log; foreign keys are not checked meanwhile
    /// (`session_replication_role`), so the order of the tables does not matter.
    private static let deleteEveryRow: SQLQueryString = """
        DO $$ DECLARE r record; BEGIN
            SET LOCAL session_replication_role = replica;
            FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_fluent_migrations' LOOP
                EXECUTE format('DELETE FROM public.%I', r.tablename);
            END LOOP;
            FOR r IN SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' LOOP
                EXECUTE format('ALTER SEQUENCE public.%I RESTART', r.sequencename);
            END LOOP;
        END $$
        """
}
