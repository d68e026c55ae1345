/// A path parameter of a `SiteURL`: `.key` where the route is registered,
/// `.value` where a link is written.
public enum Parameter<Value: Sendable>: Sendable {
    case key
    case value(Value)
}
