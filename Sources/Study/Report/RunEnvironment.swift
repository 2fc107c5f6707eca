import Foundation
import Nets
import Support

/// The machine facts the report's provenance section records.
struct RunEnvironment {
    var cpu: String
    var cores: Int
    var blas: String

    static func current() -> RunEnvironment {
        RunEnvironment(cpu: cpuModel(), cores: ProcessInfo.processInfo.activeProcessorCount,
                       blas: "\(BLAS.build); OpenBLAS single-threaded, each training splitting its products into \(Lanes.count) fixed lanes over its threads (results do not depend on the thread count)")
    }

    /// The first "model name" of /proc/cpuinfo (Linux), or "unknown".
    static func cpuModel() -> String { CPUInfo.current.model }
}
