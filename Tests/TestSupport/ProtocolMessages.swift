/// What the end-to-end and in-process server tests share: the messages every session starts
/// with, and readers for replies parsed by `JSONSerialization`.

/// The `initialize` request most sessions start with (id 0, no options).
public let initializeLine = #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}}"#
/// The `initialized` notification.
public let initializedLine = #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#

extension Dictionary where Key == String, Value == Any {
    /// `error.code`, or nil for a result.
    public var errorCode: Int? { (self["error"] as? [String: Any])?["code"] as? Int }
    /// `error.data.field`: the path of the offending parameter.
    public var errorField: String? { ((self["error"] as? [String: Any])?["data"] as? [String: Any])?["field"] as? String }
    /// `result` when it is an object.
    public var result: [String: Any]? { self["result"] as? [String: Any] }
    /// `id` when it is an integer.
    public var idNumber: Int? { self["id"] as? Int }
}
