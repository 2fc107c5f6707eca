/// Deterministic subsample: at most `limit` values taken at evenly strided
/// positions `floor(i * n / limit)`, in order. All values when `n <= limit`.
/// Used to keep raw samples for kernel-density lines small in data files.
public func stridedSample<T>(_ values: [T], limit: Int) -> [T] {
    let n = values.count
    guard limit > 0 else { return [] }
    guard n > limit else { return values }
    return (0..<limit).map { values[$0 * n / limit] }
}
