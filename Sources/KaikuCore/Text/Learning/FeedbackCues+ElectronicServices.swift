extension FeedbackCues {
    /// The guide files text-message reminders, symptom checkers and booking calendars under
    /// e-services; the lexicons know portals and apps but not these, and the information cues
    /// count a text message as contact. Which side a message falls on is left to the examples.
    /// Cross-validation on the train part (reference comments, five rounds of 5 folds), with
    /// the praise-of-a-person feature: macro-F1 0.826 → 0.836, e-services recall 0.84 → 0.89.
    static let electronicServicesEntries: [String] = [
        // Finnish
        "tekstiviest", "tekstari", "muistutusviest", "oirearvio", "oirekysel", "oiretarkist",
        "ajanvarauskalenter", "kalenteri", "varasin netist", "nettivaraus", "ajanvaraus netissä",
        "=äppi", "=äpissä", "sähköinen asiointi", "esitietolomak",
        // Swedish
        "sms", "påminnelse", "textmeddelande", "symtomkoll", "symtombedöm", "bokade på nätet", "kalender",
        // English
        "text message", "text reminder", "=texts", "=texted", "reminder", "symptom checker",
        "booked online", "online booking", "calendar",
    ]
}
