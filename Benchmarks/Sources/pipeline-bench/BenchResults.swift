import Foundation

/// What `pipeline-bench` writes to `bench-results.json` (keys sorted, so two
/// runs diff line by line). Per-activation maps are keyed by the activation's
/// config name (`relu`, ...). Seconds are medians unless the key says `_all`.
struct BenchResults: Codable, Sendable {
    var measuredAt: String
    var loadAverageBefore: [Double]?
    var loadAverageAfter: [Double]?
    var openblas: String
    var threads: Int
    var epochsTimed: Int
    var batchSize: Int
    var stepsPerEpoch: Int
    /// FLOPs of the matrix products of one epoch, in GFLOP.
    var epochGflop: Double
    /// FLOPs of the validation pass after each epoch (forward only), in GFLOP.
    var validationGflop: Double
    var trainEpochSeconds: [String: Double]
    var trainEpochSecondsAll: [String: [Double]]
    var trainEpochSecondsMin: [String: Double]
    /// Median CPU seconds (user + system, all threads) per epoch.
    var trainEpochCPUSeconds: [String: Double]
    var trainSamplesPerSecond: [String: Double]
    var trainGflops: [String: Double]
    /// Heap allocations per training step, and those of sgemm alone on one step's shapes.
    var allocationsPerStep: [String: Double]
    var sgemmAllocationsPerStep: Double
    var evalImagesPerSecond: [String: Double]
    /// sha256 of each checkpoint after `epochsTimed` epochs (results, not speed).
    var modelSHA256: [String: String]
    /// sgemm alone on one step's whole-batch shapes, one thread, one call per shape.
    var sgemmGflops1Thread: Double
    /// Epoch FLOPs / that rate: an epoch that did nothing but its GEMMs, on one thread.
    var gemmFloorSeconds1Thread: Double
    /// The 1-thread floor / `threads`: perfect scaling of whole-batch sgemm;
    /// the median of the measurements before each round of epochs (`_rounds`).
    var idealFloorSeconds: Double
    var idealFloorSecondsRounds: [Double]
    /// sgemm on every thread at once (own operands each): the per-thread rate (first
    /// measurement) and the epoch floor it gives, the median of the measurements
    /// before each round (`_rounds`), beside the ideal floor's.
    var busyFloorSeconds: Double
    var busyFloorSecondsRounds: [Double]
    var sgemmGflopsPerThreadBusy: Double
    /// Register-only multiply-adds on every thread at once against one thread
    /// (`threads` on dedicated cores; CoreScalingBenchmark), their GFLOP/s, and the
    /// compute floor: the ideal floor x threads / that scaling (median of the rounds'), and
    /// each activation's median over rounds of epoch / that round's compute floor.
    var coreScaling: Double
    var multiplyAddGflops1Thread: Double
    var multiplyAddGflopsAllThreads: Double
    var computeFloorSeconds: Double
    var trainEpochOverComputeFloor: [String: Double]
    /// Per activation: median over rounds of epoch seconds / that round's ideal floor (target <= 1.10).
    var trainEpochOverIdealFloor: [String: Double]
    /// With more than one thread (`ThreadScaling`): per activation, the median
    /// 1-thread epoch, its median over rounds / that round's 1-thread floor, and
    /// the 1-thread epoch / the `threads` epoch; beside them, sgemm's own gain on
    /// `threads` cores at once (threads / the median over rounds of busy / ideal floor).
    var trainEpochSeconds1Thread: [String: Double]?
    var trainEpochOverFloor1Thread: [String: Double]?
    var trainThreadSpeedup: [String: Double]?
    var sgemmThreadSpeedup: Double
    /// Each product's seconds per epoch inside training (ProductTimesBenchmark), with more than one thread.
    var productTimes: ProductTimes?
    /// Two trainings of this activation at once on one thread each: wall seconds per epoch of
    /// throughput (median round / 2), to compare with its `train_epoch_seconds` (SideBySideBenchmark).
    var sideBySideActivation: String?
    var sideBySideSecondsPerEpoch: Double?
    var sgemmShapes: [Shape]

    struct ProductTimes: Codable, Sendable {
        var activation: String
        var epochSeconds1Thread: Double, epochSecondsThreads: Double
        var cpuSeconds1Thread: Double, cpuSecondsThreads: Double
        var products: [Product]

        struct Product: Codable, Sendable {
            var shape: String
            var callsPerEpoch: Double, seconds1Thread: Double, secondsThreads: Double
            enum CodingKeys: String, CodingKey {
                case shape, callsPerEpoch = "calls_per_epoch", seconds1Thread = "seconds_1_thread", secondsThreads = "seconds_threads"
            }
        }

        enum CodingKeys: String, CodingKey {
            case activation, products
            case epochSeconds1Thread = "epoch_seconds_1_thread", epochSecondsThreads = "epoch_seconds_threads"
            case cpuSeconds1Thread = "cpu_seconds_1_thread", cpuSecondsThreads = "cpu_seconds_threads"
        }
    }

    struct Shape: Codable, Sendable {
        var label: String
        var seconds: Double
        var gflops: Double
    }

    enum CodingKeys: String, CodingKey {
        case measuredAt = "measured_at", loadAverageBefore = "load_average_before"
        case loadAverageAfter = "load_average_after", openblas, threads
        case epochsTimed = "epochs_timed", batchSize = "batch_size", stepsPerEpoch = "steps_per_epoch"
        case epochGflop = "epoch_gflop", validationGflop = "validation_gflop", trainEpochSeconds = "train_epoch_seconds"
        case trainEpochSecondsAll = "train_epoch_seconds_all", trainEpochSecondsMin = "train_epoch_seconds_min"
        case trainEpochCPUSeconds = "train_epoch_cpu_seconds", trainSamplesPerSecond = "train_samples_per_second"
        case trainGflops = "train_gflops", allocationsPerStep = "allocations_per_step"
        case sgemmAllocationsPerStep = "sgemm_allocations_per_step"
        case evalImagesPerSecond = "eval_images_per_second", modelSHA256 = "model_sha256"
        case sgemmGflops1Thread = "sgemm_gflops_1_thread", idealFloorSeconds = "ideal_floor_seconds"
        case idealFloorSecondsRounds = "ideal_floor_seconds_rounds"
        case busyFloorSeconds = "busy_floor_seconds", busyFloorSecondsRounds = "busy_floor_seconds_rounds", sgemmGflopsPerThreadBusy = "sgemm_gflops_per_thread_busy"
        case coreScaling = "core_scaling", multiplyAddGflops1Thread = "multiply_add_gflops_1_thread"
        case multiplyAddGflopsAllThreads = "multiply_add_gflops_all_threads", computeFloorSeconds = "compute_floor_seconds"
        case trainEpochOverComputeFloor = "train_epoch_over_compute_floor"
        case trainEpochOverIdealFloor = "train_epoch_over_ideal_floor"
        case trainEpochSeconds1Thread = "train_epoch_seconds_1_thread", trainEpochOverFloor1Thread = "train_epoch_over_floor_1_thread"
        case trainThreadSpeedup = "train_thread_speedup", sgemmThreadSpeedup = "sgemm_thread_speedup"
        case productTimes = "product_times"
        case sideBySideActivation = "side_by_side_activation", sideBySideSecondsPerEpoch = "side_by_side_seconds_per_epoch"
        case gemmFloorSeconds1Thread = "gemm_floor_seconds_1_thread", sgemmShapes = "sgemm_shapes"
    }

    /// Pretty-printed JSON with sorted keys and a final newline.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
