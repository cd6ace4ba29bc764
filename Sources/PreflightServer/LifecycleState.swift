/// Where a connection is in the LSP 3.17 lifecycle.
///
/// `initialize` → (`initialized`) → … → `shutdown` → `exit`. The state decides what a request
/// gets before its method runs: -32002 before `initialize`, -32600 after `shutdown`.
public enum LifecycleState: Sendable, Equatable {
    /// Nothing but `initialize` (and `exit`) is accepted.
    case awaitingInitialize
    /// `initialize` answered; requests are served while waiting for `initialized`.
    case initializing
    /// `initialized` received. Requests are served as in `initializing`; the state records that
    /// the client has processed the `initialize` result, which LSP requires before a server
    /// registers capabilities dynamically or asks for configuration (`client/registerCapability`,
    /// `workspace/configuration`), so features that send those requests check it.
    case running
    /// `shutdown` answered; only `exit` remains.
    case shutDown
}
