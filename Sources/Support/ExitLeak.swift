/// Values a process about to exit leaves to the operating system instead of
/// freeing them one object at a time, as clang does with `-disable-free`: at
/// 10,000 stages, freeing a run's tables (every stage's record, params and
/// evaluation) was a tenth of a no-op run.
///
/// Only for a command-line process's last step; a library caller that goes on
/// running must not use it (the memory is never returned).
public enum ExitLeak {
    public static func keep(_ value: Any) {
        _ = Unmanaged.passRetained(Box(value))
    }

    private final class Box {
        let value: Any
        init(_ value: Any) { self.value = value }
    }
}
