extension Optional {
    /// `flatMap` for an async transform, which the standard one does not take.
    public func flatMapAsync<Mapped>(_ transform: (Wrapped) async throws -> Mapped?) async rethrows -> Mapped? {
        guard let wrapped = self else { return nil }
        return try await transform(wrapped)
    }
}
