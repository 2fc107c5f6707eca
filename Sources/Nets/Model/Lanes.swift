import Foundation
import Synchronization

/// The fixed split of a step's work into two lanes, which keeps results
/// independent of the thread count (docs/threading.md).
///
/// Every matrix product of a step is one sgemm call whose shape depends only
/// on the layer sizes and the batch's row count, never on the threads. With two
/// threads each lane runs on its own thread; with one thread the lanes run one
/// after the other (`LaneJob`), and the calls, hence the bits, are the same.
/// - Forward: lane p takes its batch rows (`rows(p, of:)`) through every layer.
/// - Backward: lane 1 makes the input gradients from the top down (whole batch,
///   one call per layer); lane 0 makes each layer's weight and bias gradients
///   (one call per layer) as soon as lane 1 has made that layer's dL/dz. The
///   first layer's weight gradient, the largest product and the last ready,
///   is split by its columns (`columns(p, of:)`), one call per lane.
/// Whole-batch calls pack each operand once; the 64-row blocks used before
/// packed W once per block.
public enum Lanes {
    public static let count = 2

    /// Lane `lane`'s batch rows: lane 0 the first ceil(rows / 2), lane 1 the rest.
    static func rows(_ lane: Int, of rows: Int) -> Range<Int> {
        let half = (rows + 1) / 2
        return lane == 0 ? 0..<half : half..<rows
    }

    /// Lane `lane`'s columns of the first layer's weight gradient (`n` columns):
    /// lane 0 takes n / 2 rounded down to whole 64-byte lines (16 floats, once
    /// n >= 32), lane 1 the rest; lane 0 has the other layers' updates to do too.
    static func columns(_ lane: Int, of n: Int) -> Range<Int> {
        let split = n >= 32 ? n / 2 / 16 * 16 : n / 2
        return lane == 0 ? 0..<split : split..<n
    }
}

/// A `ParallelJob` made of the two lanes: part p runs lane p when the pool
/// gives it two parts; with one part, the calling thread runs both lanes in
/// `serialOrder`, which must put a lane before any lane that waits for it.
protocol LaneJob: ParallelJob {
    /// 1 or 2: the parts the job was started with.
    var parts: Int { get }
    static var serialOrder: (Int, Int) { get }
    func runLane(_ lane: Int)
}

extension LaneJob {
    func run(part: Int) {
        if parts == 1 {
            runLane(Self.serialOrder.0)
            runLane(Self.serialOrder.1)
        } else {
            runLane(part)
        }
    }
}

/// How far lane 1 of the current backward pass has come, for lane 0 to wait on.
///
/// Contract: values only grow. The caller sets the pass's base before the
/// pass starts; lane 1 publishes base + k after its k-th input gradient
/// (release), and everything it wrote before is visible to a lane that
/// `wait`s for that value (acquire). Waiting spins, then yields the core (the
/// producer may be descheduled), like `WorkerPool`.
final class LaneProgress: Sendable {
    private let value = Atomic<Int>(0)

    func publish(_ v: Int) { value.store(v, ordering: .releasing) }

    var current: Int { value.load(ordering: .acquiring) }

    func wait(until v: Int) {
        var polls = 0
        while value.load(ordering: .acquiring) < v {
            polls += 1
            if polls > WorkerPool.spinPolls { sched_yield() }
        }
    }
}
