extension ThemeLexicon {

    /// English writes compounds as separate words ("waiting room", "car park"), so it needs
    /// phrases rather than `*` entries; short stems that begin unrelated words ("app" →
    /// "appointment", "sign" → "significant", "care" → "career") are whole-word entries.
    static let english: [Theme: [String]] = [
        .electronicServices: [
            "online", "website", "=web", "webpage", "=site", "portal", "=app", "=apps", "digital",
            "electronic", "=e service", "=e services", "eservice", "chat", "=login", "=log in",
            "=logged in", "=logging in", "password", "authentic", "credential", "video", "=remote",
            "telehealth", "telemedic", "=booking system", "internet", "browser", "computer",
            "smartphone", "=form", "=forms", "=link", "=links", "omakanta", "=my kanta",
            "=kanta servic", "omaolo", "upload", "download", "=bug", "=bugs", "buggy", "=click",
            "clicked", "=crash", "crashed", "crashing",
        ],
        .premises: [
            "parking", "=park", "parked", "=car park", "signag", "=sign", "=signs", "signpost",
            "wayfind", "elevator", "=lift", "=lifts", "=waiting room", "=waiting area", "lobby",
            "entrance", "toilet", "restroom", "bathroom", "clean", "dirty", "wheelchair",
            "=step free", "=ramp", "stair", "=door", "=doors", "building", "corridor", "hallway",
            "=seat", "=seats", "seating", "=chair", "=chairs", "premises", "facilit", "cafe",
            "café", "temperature", "ventilation", "=noise", "noisy", "lighting", "=got lost",
            "=bus stop", "=public transport", "crowded", "cramped",
        ],
        .guidance: [
            "queue", "=queuing", "wait", "delay", "referral", "=referred", "=refer", "instruction",
            "guidance", "=guided", "=directed", "=book", "booked", "booking", "reschedul", "cancel",
            "callback", "=call back", "=call me back", "=called me back", "=on hold", "=ticket",
            "=took ages", "=took forever", "=took too long", "process", "bureaucra", "paperwork",
            "transferred", "redirect", "=check in", "=checked in", "registrat", "triage", "=late",
            "behind schedule", "=sent back", "passed around", "=next steps",
        ],
        .treatment: [
            "=treated", "rude", "impolite", "polite", "disrespect", "=respect", "=respected",
            "respectful", "condescend", "dismiss", "arrogant", "friendly", "unfriendly", "kindly",
            "kindness", "listen", "ignored", "discriminat", "racis", "language", "swedish",
            "finnish", "english", "interpret", "translat", "=mother tongue", "privacy",
            "confidential", "dignity", "humiliat", "belittl", "patroniz", "patronis", "empath",
            "compassion", "courteous", "attitude", "manner", "hostile", "unprofession", "caring",
            "warmly", "welcom", "=rights", "helpful", "unhelpful",
        ],
        .care: [
            "doctor", "physician", "nurse", "=gp", "treatment", "=care", "=cared", "healthcare",
            "diagnos", "medic", "prescri", "examin", "=test", "=tests", "=tested", "=test result",
            "=lab", "laborator", "=x ray", "xray", "=scan", "=scans", "scanned", "=pain", "=pains",
            "painful", "painkiller", "surg", "=operation", "=operations", "hospital", "emergency",
            "clinic", "=health cent", "dentist", "dental", "physiotherap", "therap", "rehab",
            "vaccin", "competen", "incompeten", "expert", "=skill", "=skills", "skilled", "skilful",
            "skillful", "profession", "thorough", "symptom", "injur", "illness", "=sick", "=help",
            "=helped", "midwife", "maternity", "=mental health", "psychiatr", "=follow up",
            "followup", "discharg", "ambulance", "paramedic", "=ward", "=wards", "=check up",
            "checkup", "=blood test", "=quality of care",
        ],
        .information: [
            "inform", "=info", "contact", "=call", "=calls", "=called", "=calling", "phone",
            "telephone", "answer", "=reply", "=replied", "=replies", "respond", "response", "reach",
            "=text message", "=sms", "letter", "email", "=e mail", "mail", "message", "notif",
            "=told", "explain", "explan", "unclear", "confus", "communicat", "=updated", "=updates",
            "=customer service", "inquir", "enquir", "question", "=asked", "=ask", "leaflet",
            "brochure",
        ],
        .thanks: [
            "thank", "grateful", "gratitude", "appreciat", "excellent", "=great", "wonderful",
            "amazing", "fantastic", "superb", "outstanding", "brilliant", "satisfied", "happy",
            "pleased", "perfect", "kudos", "praise", "=best", "awesom", "lovely", "=top notch",
            "=well done", "recommend",
        ],
    ]
}
