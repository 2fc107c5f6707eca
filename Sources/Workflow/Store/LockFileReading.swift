import Foundation

extension LockFile {
    /// `LockFile.read(root:)` under way on a thread of its own, started before
    /// the pipeline is loaded: a no-op run's two largest reads, pipeline.json
    /// and the lock file, then take the two cores at once.
    ///
    /// The result is the lock file as it was when the read ran, which is what
    /// reading it a moment later at the start of the run would give: every
    /// writer re-checks the file under the meta lock (`isCurrent`) before
    /// replacing it. Thread-safe; `value()` may be called any number of times.
    public final class Reading: @unchecked Sendable {
        public let root: URL
        private let finished = NSCondition()
        private var result: Result<LockFile, Error>?

        public init(root: URL) {
            self.root = root
            Thread.detachNewThread { [self] in
                let r = Result { try LockFile.read(root: root) }
                finished.lock(); result = r; finished.broadcast(); finished.unlock()
            }
        }

        /// Waits for the read to end; the lock file, or the error `read(root:)` threw.
        public func value() throws -> LockFile {
            finished.lock(); defer { finished.unlock() }
            while result == nil { finished.wait() }
            return try result!.get()
        }

        /// The lock file of the project at `root`: this read's when it is of that
        /// project, otherwise (or without a read) one made now.
        public static func value(_ reading: Reading?, root: URL) throws -> LockFile {
            guard let reading, reading.root.standardizedFileURL == root.standardizedFileURL else { return try LockFile.read(root: root) }
            return try reading.value()
        }
    }
}
