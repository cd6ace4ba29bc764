import CJansson
import JSON

extension JSONRPCConnection {
    /// Process-wide setup for a stdio server, done once before serving: ignore SIGPIPE (a client
    /// that goes away must not kill the process mid-write; writes fail with EPIPE instead) and
    /// seed Jansson's object hashing.
    public static func prepareProcess() {
        pf_ignore_sigpipe()
        JanssonRuntime.seed()
    }
}
