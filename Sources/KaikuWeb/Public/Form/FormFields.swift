import KaikuCore

/// How the HTML form names its fields, and how a submitted form becomes a
/// `SubmissionInput` for the same validator the JSON API uses.
enum FormFields {
    static let cannotSay = "x"

    static func statementName(_ id: String) -> String { "q_" + id }

    /// An own question's field: prefixed, so that an organisation's id (`lang`) never meets a field of the form's own.
    static func ownName(_ question: Question) -> String {
        (question.type == .choice ? "c_" : "t_") + question.id
    }

    /// The radio group's name of a choice: the core's background questions keep their names.
    static func choiceName(_ question: Question) -> String {
        question.isOwn ? ownName(question) : question.id
    }

    static func input(from form: [String: String], language: Language, channel: Channel = .web) -> SubmissionInput {
        var answers: [String: AnswerValue] = [:]
        if let nps = form["nps"], !nps.isEmpty { answers[SurveyDefinition.recommendationID] = .string(nps) }
        for (name, value) in form where name.hasPrefix("q_") {
            answers[String(name.dropFirst(2))] = value == cannotSay ? .null : .string(value)
        }
        for (name, value) in form where (name.hasPrefix("c_") || name.hasPrefix("t_")) && !value.isEmpty {
            answers[String(name.dropFirst(2))] = .string(value)
        }
        for name in ["ageGroup", "serviceMode"] {
            if let value = form[name], !value.isEmpty { answers[name] = .string(value) }
        }
        let contact = SubmissionInput.Contact(name: form["contactName"], email: form["contactEmail"], phone: form["contactPhone"])
        var input = SubmissionInput(
            channel: channel.rawValue, language: language.rawValue, answers: answers,
            openText: form["openText"], respondent: form["respondent"], contact: contact,
            // Unticked, the contact details are not even kept: no case opens, and nothing is stored that was not needed.
            wantsAnswer: form["wantsAnswer"] == "yes")
        input.numbersAsText = true
        return input
    }

    /// What makes two posts of a form the same submission: every field but
    /// the form token, in a fixed order (the request hash of idempotency).
    static func fingerprint(_ form: [String: String]) -> [UInt8] {
        Array(form.filter { $0.key != "formToken" }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n").utf8)
    }

    /// The id of the input an error message links to.
    static func inputID(for field: String, survey: SurveyDefinition) -> String {
        switch field {
        case "answers.nps", "answers": return "nps-0"
        case "openText": return "openText"
        case "contact", "contact.email": return "contactEmail"
        case "contact.phone": return "contactPhone"
        case "contact.name": return "contactName"
        case "respondent": return "respondent-\(Respondent.oneself.rawValue)"
        default:
            let id = field.hasPrefix("answers.") ? String(field.dropFirst("answers.".count)) : field
            if let question = survey.question(id) {
                if question.type == .choice, let first = question.options?.first { return "\(choiceName(question))-\(first.value)" }
                if question.type == .text { return ownName(question) }
                return statementName(id) + "-1"
            }
            return "main"
        }
    }
}
