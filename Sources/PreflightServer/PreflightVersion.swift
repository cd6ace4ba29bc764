/// The version `preflight --version` prints and `initialize` reports in `serverInfo`.
public enum PreflightVersion {
    /// Semantic version of this build.
    public static let current = "0.2.0"
}
