/// The messages every session of the end-to-end and in-process server tests starts with.

/// The `initialize` request most sessions start with (id 0, no options).
public let initializeLine = #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}}"#
/// The `initialized` notification.
public let initializedLine = #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#

/// An `initialize` request (id 0) with `options` (JSON text) as its `initializationOptions`.
public func initializeLine(options: String) -> String {
    #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{},"initializationOptions":\#(options)}}"#
}
