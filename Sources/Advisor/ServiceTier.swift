/// The provider's processing class for a request, which changes the price per token.
///
/// `batch` (asynchronous, usually half price), `flex` (slower, cheaper, may be queued) and
/// `priority` (faster, dearer) exist only where a provider publishes such prices; `standard` is
/// what every model has.
public enum ServiceTier: String, CaseIterable, Sendable, Hashable, Codable {
    /// The default, on-demand price.
    case standard
    /// Asynchronous batch processing.
    case batch
    /// Best-effort processing at a discount.
    case flex
    /// Guaranteed-capacity processing at a premium.
    case priority
}
