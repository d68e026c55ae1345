/// The table statement answers lived in until M024 put them on the response
/// row (`StatementValues`); kept for the migrations that create and move it.
public enum StatementAnswer {
    public static let schema = "statement_answers"
}
