/// Statement answers live in a narrow table keyed by response and question
/// (`value` 0 records "cannot say"). It is read and written with SQL, not
/// as a Fluent model, because it is the largest table and has no id of its own.
public enum StatementAnswer {
    public static let schema = "statement_answers"
}
