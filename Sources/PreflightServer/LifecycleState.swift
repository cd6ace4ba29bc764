/// Where a connection is in the LSP 3.17 lifecycle.
///
/// `initialize` → (`initialized`) → … → `shutdown` → `exit`. The state decides what a request
/// gets before its method runs: -32002 before `initialize`, -32600 after `shutdown`.
public enum LifecycleState: Sendable, Equatable {
    /// Nothing but `initialize` (and `exit`) is accepted.
    case awaitingInitialize
    /// `initialize` answered; requests are served while waiting for `initialized`.
    case initializing
    /// `initialized` received.
    case running
    /// `shutdown` answered; only `exit` remains.
    case shutDown
}
