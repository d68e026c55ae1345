extension SentimentLexicon {

    /// Contractions reach this lexicon already split ("didn't" → "did not"), so "not work"
    /// covers "didn't work", "doesn't work" and "isn't working".
    static let english = Words(
        positive: [
            "=good", "=great", "greatly", "excellent", "wonderful", "amazing", "fantastic",
            "superb", "outstanding", "brilliant", "awesom", "=nice", "=kind", "kindly", "kindness",
            "friendly", "helpful", "polite", "courteous", "=professional", "professionally",
            "competent", "skilled", "knowledgeable", "=quick", "quickly", "efficient", "smooth",
            "=easy", "easily", "=clear", "clearly", "grateful", "appreciat", "satisfied", "happy",
            "pleased", "perfect", "=best", "recommend", "caring", "compassion", "attentive",
            "thorough", "respectful", "lovely", "=went well", "=very well", "=worked well",
            "=done well", "=well done", "=so well", "=well organi", "positive", "reassur", "=calm",
            "=warm", "warmly", "welcoming", "comfortable", "=clean", "=safe", "=acceptable",
            "=works", "=listened", "=helped", "resolved", "=solved", "=glad", "empath",
        ],
        negative: [
            "=bad", "=badly", "=poor", "poorly", "terrible", "awful", "horrible", "dreadful",
            "appalling", "unacceptable", "rude", "unfriendly", "impolite", "disrespect", "arrogant",
            "dismissive", "condescend", "unprofession", "incompetent", "disappoint", "frustrat",
            "annoy", "angry", "upset", "unhappy", "dissatisf", "complain", "problem", "=issue",
            "=issues", "difficult", "=hard", "confus", "unclear", "=slow", "slowly", "mistake",
            "=error", "=errors", "wrong", "=fail", "failed", "failure", "failing", "unfortunate",
            "=sadly", "=worst", "=worse", "=never again", "=too long", "=too much", "=too many",
            "=too few", "=too late", "=too slow", "ignored", "neglect", "careless", "lazy",
            "hostile", "humiliat", "insult", "useless", "=waste", "wasted", "ridiculous",
            "=not work", "=no answer", "=no reply", "=no response", "=no one answer",
            "=nobody answer", "=no one call", "=nobody call", "=never receiv", "=never got",
            "=not get", "=not receiv", "=not able", "=unable", "stress", "chaos", "chaotic",
            "messy", "=mess", "dirty", "=had to", "nightmare", "=crash", "crashed", "crashing",
            "=scary", "=scared", "unhelpful", "=lack of", "=not find", "=not found", "=should have",
            "=would have liked", "=could be better", "=not understand", "=nobody told",
            "=no one told", "=not told", "=not informed", "=nobody explain", "=no one explain",
            "=nobody inform",
        ],
        courtesy: ["thank"],
        neutral: [
            "=kind of", "=sort of", "=as well", "=good morning", "=good afternoon", "=good evening",
            "=good day", "=best regards", "=kind regards",
            // Comparatives mostly ask for better ("quicker answers would help").
            "=quicker", "=clearer", "=easier",
        ],
        negations: [
            "not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "without",
            "cannot", "hardly",
        ],
        postposedNegations: []
    )
}
