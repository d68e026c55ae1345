import KaikuCore

extension ResponseRequestDTO {
    /// The body as `JSONDecoder` would decode it, read without Foundation's
    /// decoder when it is the plain JSON that forms and kiosks send (most of
    /// the cost of a submission was decoding it); nil sends the body to
    /// `JSONDecoder`, which also words every refusal. Keys the DTO does not
    /// know give nil too, so that nothing `JSONDecoder` would look at is skipped.
    static func scan(_ bytes: UnsafeRawBufferPointer) -> ResponseRequestDTO? {
        guard let object = FlatJSON.parseObject(bytes) else { return nil }
        var dto = ResponseRequestDTO()
        for (key, value) in object {
            switch key {
            case "target": guard Self.optionalString(value, into: &dto.target) else { return nil }
            case "channel": guard Self.optionalString(value, into: &dto.channel) else { return nil }
            case "language": guard Self.optionalString(value, into: &dto.language) else { return nil }
            case "openText": guard Self.optionalString(value, into: &dto.openText) else { return nil }
            case "respondent": guard Self.optionalString(value, into: &dto.respondent) else { return nil }
            case "answeredAt": guard Self.optionalString(value, into: &dto.answeredAt) else { return nil }
            case "wantsAnswer":
                switch value {
                case .bool(let flag): dto.wantsAnswer = flag
                case .null: dto.wantsAnswer = nil
                default: return nil
                }
            case "answers":
                switch value {
                case .null: dto.answers = nil
                case .object(let fields):
                    var answers: [String: AnswerValue] = [:]
                    answers.reserveCapacity(fields.count)
                    for (id, field) in fields {
                        switch field {
                        case .integer(let number): answers[id] = .integer(number)
                        case .string(let text): answers[id] = .string(text)
                        case .bool(let flag): answers[id] = .bool(flag)
                        case .null: answers[id] = .null
                        case .object: return nil
                        }
                    }
                    dto.answers = answers
                default: return nil
                }
            case "contact":
                switch value {
                case .null: dto.contact = nil
                case .object(let fields):
                    var contact = SubmissionInput.Contact()
                    for (name, field) in fields {
                        switch name {
                        case "name": guard Self.optionalString(field, into: &contact.name) else { return nil }
                        case "email": guard Self.optionalString(field, into: &contact.email) else { return nil }
                        case "phone": guard Self.optionalString(field, into: &contact.phone) else { return nil }
                        default: return nil
                        }
                    }
                    dto.contact = contact
                default: return nil
                }
            default:
                return nil
            }
        }
        return dto
    }

    private static func optionalString(_ value: FlatJSON.Value, into field: inout String?) -> Bool {
        switch value {
        case .string(let text): field = text
        case .null: field = nil
        default: return false
        }
        return true
    }
}
