import Foundation
import Hashing

extension LockFile {
    /// `LockFile.read(root:)` under way on a thread of its own, started before
    /// the pipeline is loaded: a no-op run's two largest reads, pipeline.json
    /// and the lock file, then take the two cores at once.
    ///
    /// The result is the lock file as it was when the read ran, which is what
    /// reading it a moment later at the start of the run would give: every
    /// writer re-checks the file under the meta lock (`isCurrent`) before
    /// replacing it. Thread-safe; `value()` may be called any number of times.
    ///
    /// Exit: a process that exits (say on a bad pipeline.json) while a read is
    /// under way first waits for it, from an `atexit` handler: exit handlers
    /// (OpenSSL's, OpenBLAS's) tear down what the reading thread may be using,
    /// and a test run showed that crash. The handler is registered after
    /// OpenSSL is initialised, so it runs before OpenSSL's own (handlers run in
    /// reverse order of registration).
    public final class Reading: @unchecked Sendable {
        public let root: URL
        /// The store whose note may spare the entries' digests (`LockFile.read(root:store:)`).
        public let store: Store?
        private let finished = NSCondition()
        private var result: Result<LockFile, Error>?
        /// Whether a thread reads the file (false: `value()` does).
        private var started = false

        public init(root: URL, store: Store? = nil) {
            self.root = root; self.store = store
            // A large file is read when asked for, after the pipeline is loaded:
            // read at once, the two reads' peaks of memory would add up (at
            // 100,000 stages the file is 48 MB and its entries about 80 MB).
            var st = stat()
            if stat(LockFile.url(root: root).path, &st) == 0, Int(st.st_size) > Self.concurrentLimit { return }
            _ = Self.waitAtExit
            Self.underWay.add(1)
            started = true
            Thread.detachNewThread { [self] in
                let r = Result { try LockFile.read(root: root, store: store) }
                finished.lock(); result = r; finished.broadcast(); finished.unlock()
                Self.underWay.add(-1)
            }
        }

        /// Reads not yet ended, in this process.
        private static let underWay = Counter()

        private static let waitAtExit: Void = {
            _ = SHA256.hash([UInt8]())  // initialises OpenSSL, so its exit handler comes before ours
            atexit { LockFile.Reading.underWay.waitForZero() }
        }()

        private final class Counter: @unchecked Sendable {
            private let cond = NSCondition()
            private var count = 0
            func add(_ n: Int) { cond.lock(); count += n; cond.broadcast(); cond.unlock() }
            func waitForZero() { cond.lock(); while count > 0 { cond.wait() }; cond.unlock() }
        }

        /// Waits for the read to end; the lock file, or the error `read(root:)` threw.
        public func value() throws -> LockFile {
            finished.lock(); defer { finished.unlock() }
            if !started, result == nil { result = Result { try LockFile.read(root: root, store: store) } }
            while result == nil { finished.wait() }
            return try result!.get()
        }

        /// Files up to this size (about 30,000 stages) are read beside the pipeline.
        static let concurrentLimit = 16 << 20

        /// The lock file of the project at `root`, checked against `store`'s
        /// note: this read's when it is of that project and store, otherwise
        /// (or without a read) one made now.
        public static func value(_ reading: Reading?, root: URL, store: Store) throws -> LockFile {
            guard let reading, reading.root.standardizedFileURL == root.standardizedFileURL,
                  reading.store?.root.standardizedFileURL == store.root.standardizedFileURL else {
                return try LockFile.read(root: root, store: store)
            }
            return try reading.value()
        }
    }
}
