import Foundation
import Nets

// pipeline-bench: training speed of the study's MLP against sgemm's own speed
// on the same shapes. Prints tables; writes the figures as JSON (see BenchResults).

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("pipeline-bench: error: \(message)\n".utf8))
    exit(2)
}

// Loads OpenBLAS with its pinned kernel before any thread starts (docs/numerics.md).
do { _ = try OpenBLAS.loaded() } catch { fail("\(error)") }

let options: BenchOptions
do { options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst())) } catch { fail("\(error)") }
if options.help { print(BenchOptions.usage); exit(0) }

let loadBefore = MachineLoad.current()
print("pipeline-bench: load average \(MachineLoad.describe(loadBefore)) (1/5/15 min) on \(ProcessInfo.processInfo.activeProcessorCount) cores")
let data: BenchData
do { data = try BenchData.load(from: options.dataDirectory) } catch { fail("\(error)") }

let batch = TrainingBenchmark.batchSize
let step = TrainingStepGemms(sizes: MLPConfig.base(.relu).layerSizes, batch: batch)
let stepsPerEpoch = data.train.count / batch
let epochFlops = step.flops * Double(stepsPerEpoch)

// sgemm alone, one thread, whole-batch shapes: the ideal floor's rate. It is
// measured again before every round of training epochs, and each epoch is
// divided by the floor of its own round, so a drift of the machine's speed
// moves both sides of the ratio.
let sgemmBench = SgemmBenchmark(step: step, repeats: options.sgemmRepeats)
let sgemm = sgemmBench.run()
/// An epoch of `r`'s step products on one thread, and that over the training's threads (perfect scaling).
func singleThreadFloor(_ r: SgemmBenchmark.Result) -> Double { r.stepSeconds * Double(stepsPerEpoch) }
func idealFloor(_ r: SgemmBenchmark.Result) -> Double { singleThreadFloor(r) / Double(options.threads) }
var roundFloors: [Double] = [], roundBusyFloors: [Double] = []
print("\(BLAS.configDescription)")
print(String(format: "one epoch: %d steps of %d, %.1f GFLOP of matrix products", stepsPerEpoch, batch, epochFlops / 1e9))

var shapeTable = TextTable(["sgemm shape (m x n x k, op)", "ms 1 thread", "GFLOP/s"])
for one in sgemm.shapes {
    shapeTable.add([one.shape.label, String(format: "%.3f", one.medianSeconds * 1e3), String(format: "%.0f", one.gflops)])
}
shapeTable.add(["one step", String(format: "%.2f", sgemm.stepSeconds * 1e3), String(format: "%.0f", sgemm.gflops)])
print(shapeTable.rendered)
print(String(format: "GEMM floor per epoch at 1 thread: %.3f s; ideal floor at %d threads (perfect scaling): %.3f s",
             singleThreadFloor(sgemm), options.threads, idealFloor(sgemm)))
print(String(format: "heap allocations inside sgemm per step: %.1f", sgemm.allocationsPerStep))
// The same on every thread at once: the cost of sharing the machine, which no split can avoid.
let busy = options.threads > 1 ? sgemmBench.runConcurrently(threads: options.threads) : sgemm
let busyFloor = idealFloor(busy)
print(String(format: "sgemm on %d threads at once, each on its own operands: %.0f GFLOP/s per thread; "
             + "floor of an epoch with every core busy: %.3f s (%.3f x the ideal floor)\n",
             options.threads, busy.gflops, busyFloor, busyFloor / idealFloor(sgemm)))

// Pure arithmetic on every thread at once: whether the cores scale at all.
let cores = CoreScalingBenchmark(threads: options.threads).run()
/// The 1-thread GEMM floor over the threads' measured scaling (the ideal floor assumes `threads`):
/// the ideal floor times threads / scaling, here and for each round below.
let computeOverIdeal = Double(options.threads) / cores.scaling
let computeFloor = idealFloor(sgemm) * computeOverIdeal
print(String(format: "register-only multiply-adds (%@, no memory traffic): 1 thread %.0f GFLOP/s, %d threads at once %.0f GFLOP/s "
             + "in all (%.2f x one thread); compute floor (1-thread floor / that scaling): %.3f s (%.3f x the ideal floor)\n",
             cores.usesFMA ? "AVX2 FMA" : "multiplies and adds", cores.oneThreadGflops, options.threads, cores.allThreadsGflops,
             cores.scaling, computeFloor, computeOverIdeal))

let bench = TrainingBenchmark(data: data, epochs: options.epochs, threads: options.threads)
var results: [TrainingBenchmark.Result] = []
var table = TextTable(["activation", "s/epoch (median)", "all epochs", "CPU s/epoch", "samples/s", "GFLOP/s", "x ideal floor", "x busy floor",
                       "x compute floor", "allocs/step", "beyond sgemm", "eval images/s"])
print("training, \(options.threads) threads, \(options.epochs) timed epochs per activation:")
print("  (epochs taken in turns across the activations)")
do {
    results = try bench.run(options.activations, beforeRound: { _ in
        roundFloors.append(idealFloor(sgemmBench.run()))
        roundBusyFloors.append(options.threads > 1 ? idealFloor(sgemmBench.runConcurrently(threads: options.threads)) : roundFloors.last!)
    }) { r in
        print(String(format: "  %@ %.3f s/epoch", r.activation.rawValue, r.medianEpochSeconds))
    }
} catch { fail("training: \(error)") }
let floors = roundFloors, busyFloors = roundBusyFloors
/// Median over rounds of epoch / that round's ideal floor, and / its busy floor.
let overFloor = { (r: TrainingBenchmark.Result) -> Double in
    Statistics.median(zip(r.epochSeconds, floors).map { $0 / $1 }) ?? .nan
}
let overBusyFloor = { (r: TrainingBenchmark.Result) -> Double in
    Statistics.median(zip(r.epochSeconds, busyFloors).map { $0 / $1 }) ?? .nan
}
let floorMedian = Statistics.median(floors) ?? .nan
/// Median over rounds of the busy floor / the ideal floor: sgemm's loss from every core working at once.
let busyOverIdeal = Statistics.median(zip(busyFloors, floors).map { $0 / $1 }) ?? .nan
print(String(format: "ideal floor measured before each round: %@ s (median %.3f)",
             roundFloors.map { String(format: "%.3f", $0) }.joined(separator: " "), floorMedian))
print(String(format: "busy floor measured before each round: %@ s (median %.3f x that round's ideal floor)",
             busyFloors.map { String(format: "%.3f", $0) }.joined(separator: " "), busyOverIdeal))
for r in results {
    let median = r.medianEpochSeconds
    table.add([r.activation.rawValue, String(format: "%.3f", median),
               r.epochSeconds.map { String(format: "%.2f", $0) }.joined(separator: " "),
               String(format: "%.2f", r.medianEpochCPUSeconds),
               String(format: "%.0f", r.samplesPerSecond), String(format: "%.1f", epochFlops / median / 1e9),
               String(format: "%.3f", overFloor(r)), String(format: "%.3f", overBusyFloor(r)),
               String(format: "%.3f", overFloor(r) / computeOverIdeal),
               String(format: "%.1f", r.allocationsPerStep), String(format: "%.1f", r.allocationsPerStep - sgemm.allocationsPerStep),
               String(format: "%.0f", r.evaluationImagesPerSecond)])
}
print("")
print(table.rendered)

// The same epochs on one thread, each over that round's 1-thread floor: the
// step's own cost apart from the threads' gain (ThreadScaling).
var scalings: [String: ThreadScaling] = [:]
var singleThread: [TrainingBenchmark.Result] = []
var productTimes: ProductTimesBenchmark.Result?
/// The one activation timed for the product times and side by side: relu when timed.
let pairKind = options.activations.contains(.relu) ? ActivationKind.relu : options.activations[0]
if options.threads > 1 && options.singleThreadEpochs > 0 {
    print("the same on 1 thread, \(options.singleThreadEpochs) timed epochs per activation:")
    var singleFloors: [Double] = []
    do {
        singleThread = try TrainingBenchmark(data: data, epochs: options.singleThreadEpochs, threads: 1)
            .run(options.activations, beforeRound: { _ in singleFloors.append(singleThreadFloor(sgemmBench.run())) })
    } catch { fail("training on 1 thread: \(error)") }
    var singleTable = TextTable(["activation", "s/epoch 1 thread", "all epochs", "x 1-thread floor", "speed-up on \(options.threads) threads",
                                 "predicted x ideal floor"])
    for one in singleThread {
        guard let many = results.first(where: { $0.activation == one.activation }) else { continue }
        let scaling = ThreadScaling(
            threads: options.threads,
            overSingleThreadFloor: Statistics.median(zip(one.epochSeconds, singleFloors).map { $0 / $1 }) ?? .nan,
            speedup: one.medianEpochSeconds / many.medianEpochSeconds)
        scalings[one.activation.rawValue] = scaling
        singleTable.add([one.activation.rawValue, String(format: "%.3f", one.medianEpochSeconds),
                         one.epochSeconds.map { String(format: "%.2f", $0) }.joined(separator: " "),
                         String(format: "%.3f", scaling.overSingleThreadFloor), String(format: "%.2f", scaling.speedup),
                         String(format: "%.3f", scaling.overIdealFloor)])
    }
    print(String(format: "1-thread floor measured before each round: %@ s",
                 singleFloors.map { String(format: "%.3f", $0) }.joined(separator: " ")))
    print(singleTable.rendered)
    print(String(format: "sgemm alone on %d threads at once: %.2f x faster than on one (median over the rounds)",
                 options.threads, Double(options.threads) / busyOverIdeal))

    // Each product's time inside training, on one thread and on all (GemmTally).
    let p: ProductTimesBenchmark.Result
    do {
        p = try ProductTimesBenchmark(data: data, epochs: options.singleThreadEpochs, threads: options.threads).run(pairKind)
    } catch { fail("product times: \(error)") }
    productTimes = p
    print("\(pairKind.rawValue): each product's seconds per epoch inside training (summed over threads), "
          + "\(options.singleThreadEpochs) epochs on 1 thread and on \(options.threads), in turns:")
    var productTable = TextTable(["sgemm call (m x n x k, op)", "calls/epoch", "s 1 thread", "s \(options.threads) threads", "ratio"])
    for row in p.rows {
        productTable.add([row.shape.description, String(format: "%.0f", row.callsPerEpoch),
                          String(format: "%.3f", row.secondsOneThread), String(format: "%.3f", row.secondsThreads),
                          String(format: "%.2f", row.ratio)])
    }
    productTable.add(["all products", "", String(format: "%.3f", p.productsOneThread), String(format: "%.3f", p.productsThreads),
                      String(format: "%.2f", p.productsThreads / p.productsOneThread)])
    productTable.add(["epoch, CPU", "", String(format: "%.3f", p.cpuOneThread), String(format: "%.3f", p.cpuThreads),
                      String(format: "%.2f", p.cpuThreads / p.cpuOneThread)])
    productTable.add(["epoch, wall", "", String(format: "%.3f", p.epochOneThread), String(format: "%.3f", p.epochThreads),
                      String(format: "%.2f", p.epochThreads / p.epochOneThread)])
    print(productTable.rendered)
}

let loadAfter = MachineLoad.current()
print("load average after: \(MachineLoad.describe(loadAfter))")
// The target: every activation's median epoch at most 1.10 x the ideal floor.
let slow = results.filter { overFloor($0) > 1.10 }.map(\.activation.rawValue)
print(String(format: "target <= 1.10 x ideal floor (about %.3f s) for every activation: ", 1.10 * floorMedian)
      + (slow.isEmpty ? "ok" : "MISSED for \(slow.joined(separator: ", "))"))
if !slow.isEmpty && !scalings.isEmpty {
    print("  " + ThreadScaling.diagnosis(missed: slow, target: 1.10, scalings: Array(scalings.values),
                                         busyOverIdeal: busyOverIdeal))
}
// The scheduler's choice: two trainings side by side on one thread each, against one on all threads.
var sideBySide: SideBySideBenchmark.Result?
if options.threads == 2 && ProcessInfo.processInfo.activeProcessorCount >= 2 {
    do { sideBySide = try SideBySideBenchmark(data: data, epochs: options.epochs).run(pairKind) } catch { fail("training side by side: \(error)") }
    if let pair = sideBySide, let one = results.first(where: { $0.activation == pairKind }) {
        print(String(format: "%@: two trainings side by side, 1 thread each: %.3f s per epoch of throughput (rounds %@); "
                     + "one training on 2 threads: %.3f s (ratio %.3f)", pairKind.rawValue, pair.secondsPerEpoch,
                     pair.roundSeconds.map { String(format: "%.2f", $0) }.joined(separator: " "),
                     one.medianEpochSeconds, pair.secondsPerEpoch / one.medianEpochSeconds))
    }
}
print("checkpoint sha256 after \(options.epochs) epochs (results; equal across thread counts and speed-only changes):")
for r in results { print("  \(r.activation.rawValue) \(r.modelSHA256)") }

let measured = results
func byActivation<T>(_ value: (TrainingBenchmark.Result) -> T) -> [String: T] {
    Dictionary(uniqueKeysWithValues: measured.map { ($0.activation.rawValue, value($0)) })
}
let output = BenchResults(
    measuredAt: ISO8601DateFormatter().string(from: Date()),
    loadAverageBefore: loadBefore, loadAverageAfter: loadAfter,
    openblas: BLAS.configDescription, threads: options.threads, epochsTimed: options.epochs,
    batchSize: batch, stepsPerEpoch: stepsPerEpoch, epochGflop: epochFlops / 1e9,
    validationGflop: Double(data.validation.count) * step.forwardFlopsPerImage / 1e9,
    trainEpochSeconds: byActivation(\.medianEpochSeconds),
    trainEpochSecondsAll: byActivation(\.epochSeconds),
    trainEpochSecondsMin: byActivation(\.fastestEpochSeconds),
    trainEpochCPUSeconds: byActivation(\.medianEpochCPUSeconds),
    trainSamplesPerSecond: byActivation(\.samplesPerSecond),
    trainGflops: byActivation { epochFlops / $0.medianEpochSeconds / 1e9 },
    allocationsPerStep: byActivation(\.allocationsPerStep),
    sgemmAllocationsPerStep: sgemm.allocationsPerStep,
    evalImagesPerSecond: byActivation(\.evaluationImagesPerSecond),
    modelSHA256: byActivation(\.modelSHA256),
    sgemmGflops1Thread: sgemm.gflops,
    gemmFloorSeconds1Thread: singleThreadFloor(sgemm),
    idealFloorSeconds: floorMedian,
    idealFloorSecondsRounds: floors,
    busyFloorSeconds: Statistics.median(busyFloors) ?? .nan, busyFloorSecondsRounds: busyFloors, sgemmGflopsPerThreadBusy: busy.gflops,
    coreScaling: cores.scaling, multiplyAddGflops1Thread: cores.oneThreadGflops, multiplyAddGflopsAllThreads: cores.allThreadsGflops,
    computeFloorSeconds: floorMedian * computeOverIdeal, trainEpochOverComputeFloor: byActivation { overFloor($0) / computeOverIdeal },
    trainEpochOverIdealFloor: byActivation(overFloor),
    trainEpochSeconds1Thread: singleThread.isEmpty ? nil
        : Dictionary(uniqueKeysWithValues: singleThread.map { ($0.activation.rawValue, $0.medianEpochSeconds) }),
    trainEpochOverFloor1Thread: scalings.isEmpty ? nil : scalings.mapValues(\.overSingleThreadFloor),
    trainThreadSpeedup: scalings.isEmpty ? nil : scalings.mapValues(\.speedup),
    sgemmThreadSpeedup: Double(options.threads) / busyOverIdeal,
    productTimes: productTimes.map { p in
        .init(activation: p.activation.rawValue, epochSeconds1Thread: p.epochOneThread, epochSecondsThreads: p.epochThreads,
              cpuSeconds1Thread: p.cpuOneThread, cpuSecondsThreads: p.cpuThreads,
              products: p.rows.map { .init(shape: $0.shape.description, callsPerEpoch: $0.callsPerEpoch,
                                          seconds1Thread: $0.secondsOneThread, secondsThreads: $0.secondsThreads) })
    },
    sideBySideActivation: sideBySide?.activation.rawValue,
    sideBySideSecondsPerEpoch: sideBySide?.secondsPerEpoch,
    sgemmShapes: sgemm.shapes.map { .init(label: $0.shape.label, seconds: $0.medianSeconds, gflops: $0.gflops) })
do {
    try output.encoded().write(to: URL(fileURLWithPath: options.output), options: .atomic)
    print("wrote \(options.output)")
} catch {
    fail("\(options.output): cannot write the results: \(error)")
}
