/// A value in an Open311 GeoReport v2 answer. The standard sends each answer
/// as JSON or as XML with the same fields in the same order, so answers are
/// built once as these values and written in either format
/// (`Open311Document`).
public indirect enum Open311Value: Sendable, Equatable {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    /// `item` names each entry's element in XML (`<media_urls><media_url>`).
    case list([Open311Value], item: String)
    case object(Open311Object)
}

/// Named fields in a fixed order. A field given nil is left out of both
/// formats rather than sent as null, as GeoReport's own examples do.
public struct Open311Object: Sendable, Equatable {
    public private(set) var fields: [(name: String, value: Open311Value)] = []

    public init() {}

    public subscript(name: String) -> Open311Value? {
        get { fields.first { $0.name == name }?.value }
        set {
            fields.removeAll { $0.name == name }
            if let newValue { fields.append((name, newValue)) }
        }
    }

    public mutating func add(_ name: String, _ value: String?) {
        self[name] = value.map(Open311Value.string)
    }

    public static func == (lhs: Open311Object, rhs: Open311Object) -> Bool {
        lhs.fields.count == rhs.fields.count && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}
