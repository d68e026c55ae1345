extension FeedbackFeatures {
    /// Starts of words for the people who give the service; a leading `=` matches the whole word.
    /// The reference convention counts praise of a person as thanks even without a thank-you
    /// word ("the home care nurses are angels"), while praise of a place or a thing is not
    /// ("the new waiting room is nice"); a linear model over single words cannot tell the two
    /// apart, so their co-occurrence in one clause is a feature of its own.
    static let personWords: [String] = [
        "hoitaj", "lääkär", "henkilökun", "henkilöst", "työntekijä", "kätilö", "fysioterapeut", "terapeut",
        "tohtori", "ensihoitaj", "palomie", "pelastaj", "virkailij", "sosiaalityöntek", "psykolog", "täti",
        "skötersk", "läkar", "doktor", "personal", "barnmorsk", "handläggar", "tandläkar", "brandm", "kurator",
        "nurse", "doctor", "=dr", "staff", "physio", "midwife", "dentist", "therapist", "receptionist",
        "paramedic", "worker", "=lady", "=guys", "=team", "carer", "caregiver", "firefighter", "=people",
    ]

    /// Praise of how a person worked that the sentiment lexicons do not count as positive
    /// ("asiallinen", "grundlig", "calm").
    static let praiseWords: [String] = [
        "ammattitai", "asiallinen", "asiallises", "kannustav", "korvaamat", "rauhallin", "huolellin", "tarkka",
        "empaattin", "lämmin", "lämpimäs", "kärsivällin", "avulia", "kunnig", "grundlig", "lugn", "hjälpsam",
        "tålmodig", "omtänksam", "proffsig", "professional", "thorough", "calm", "helpful",
        "caring", "skilled", "respect", "saved", "angel", "enkeli", "ängl",
    ]

    /// Whether one clause names a person and praises (an un-negated positive tone or praise word).
    /// Cross-validation on the train part (reference comments, five rounds of 5 folds): thanks
    /// F1 0.86 → 0.89, and macro-F1 0.826 → 0.831 with the lexicons' positive tones alone.
    static func praisesAPerson(_ tokens: [FeedbackToken], tones: [(token: Int, polarity: Double)],
                               negated: Set<Int>) -> Bool {
        var praised = Set(tones.filter { $0.polarity > 0 && !negated.contains($0.token) && $0.token < tokens.count }
            .map { tokens[$0.token].clause })
        for (position, token) in tokens.enumerated()
        where !negated.contains(position) && praiseWords.contains(where: token.text.hasPrefix) {
            praised.insert(token.clause)
        }
        guard !praised.isEmpty else { return false }
        return tokens.contains { token in
            praised.contains(token.clause) && personWords.contains { word in
                word.hasPrefix("=") ? token.text == word.dropFirst() : token.text.hasPrefix(word)
            }
        }
    }
}
