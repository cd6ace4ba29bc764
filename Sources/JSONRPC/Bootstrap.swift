/// Placeholder during bootstrap; replaced by the transport.
enum JSONRPCBootstrap {}
