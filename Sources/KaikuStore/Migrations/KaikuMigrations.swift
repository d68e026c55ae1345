import FluentKit

/// Every migration in the order it runs. Append only: a migration that has
/// landed is never edited, a change is a new numbered file.
public enum KaikuMigrations {
    public static let all: [any Migration] = [
        M001_CreateOrganisations(),
        M002_CreateUnits(),
        M003_CreateSurveys(),
        M004_CreateTargets(),
        M005_CreateResponses(),
        M006_CreateStatementAnswers(),
        M007_CreateResponseContacts(),
        M008_CreateUsers(),
        M009_CreateUserTokens(),
        M010_CreateCases(),
        M011_CreateCaseEvents(),
        M012_CreateAccessLog(),
        M013_AddUserLockout(),
        M014_CreateJobs(),
        M015_AddRetentionDays(),
        M016_CreateReplyTemplates(),
        M017_CreateReferralTexts(),
        M018_CreateAPIClients(),
        M019_CreateSMSMessages(),
        M020_AddResponseThemes(),
        M021_AddCaseInboxIndexes(),
        M022_CreateRollups(),
        M023_BackfillRollups(),
        M024_InlineStatementAnswers(),
        M025_AddBenchmarkingOptIn(),
        M026_AddPublicFeedback(),
        M027_CreateVisits(),
        M028_CreateSMSSurveySettings(),
        M029_CreateKioskDevices(),
        M030_AddOpenTextReview(),
        M031_AddAPIClientScopes(),
        M035_CreatePublicFigureSnapshots(),
    ]
}
