import Nets

/// Command-line options of `pipeline-bench` (see `usage`).
struct BenchOptions: Sendable {
    var epochs = 3
    var threads = 2
    var activations: [ActivationKind] = ActivationKind.allCases
    /// Folder with the FashionMNIST files: the .gz files, or the decompressed IDX
    /// files (as the `decompress` stage stores them).
    var dataDirectory = "/usr/share/datasets/fashion-mnist"
    var output = "bench-results.json"
    var sgemmRepeats = 100
    /// Epochs per activation on one thread as well, when `threads` > 1, to split
    /// the multiple of the ideal floor into the step's cost and the threads' gain
    /// (`ThreadScaling`), and the pairs of epochs for the product times
    /// (`ProductTimesBenchmark`); 0 leaves both out.
    var singleThreadEpochs = 2
    var help = false

    static let usage = """
        usage: pipeline-bench [--epochs K] [--threads N] [--activations a,b,...]
                              [--data DIR] [--output FILE] [--sgemm-repeats R]
                              [--single-thread-epochs K]
          --epochs K          timed epochs per activation (median reported; default 3)
          --threads N         threads of the training (Nets' WorkerPool; default 2)
          --activations LIST  comma-separated, from \(ActivationKind.allCases.map(\.rawValue).joined(separator: ","))
          --data DIR          FashionMNIST .gz files or decompressed IDX files
                              (default /usr/share/datasets/fashion-mnist)
          --output FILE       results as JSON (default bench-results.json)
          --sgemm-repeats R   timed calls per GEMM shape (default 100)
          --single-thread-epochs K
                              with --threads above 1, epochs per activation on
                              one thread too, and pairs of epochs (1 thread, N)
                              for the product times (default 2; 0: none)
        """

    /// Parses `arguments` (without the program name).
    static func parse(_ arguments: [String]) throws -> BenchOptions {
        var options = BenchOptions()
        var rest = arguments[...]
        func value(_ name: String) throws -> String {
            guard let v = rest.popFirst() else { throw BenchError.option(name: name, value: nil, expected: "a value") }
            return v
        }
        func positive(_ name: String) throws -> Int {
            let text = try value(name)
            guard let n = Int(text), n > 0 else { throw BenchError.option(name: name, value: text, expected: "a positive integer") }
            return n
        }
        func nonNegative(_ name: String) throws -> Int {
            let text = try value(name)
            guard let n = Int(text), n >= 0 else { throw BenchError.option(name: name, value: text, expected: "a non-negative integer") }
            return n
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--epochs": options.epochs = try positive(argument)
            case "--threads": options.threads = try positive(argument)
            case "--sgemm-repeats": options.sgemmRepeats = try positive(argument)
            case "--single-thread-epochs": options.singleThreadEpochs = try nonNegative(argument)
            case "--data": options.dataDirectory = try value(argument)
            case "--output": options.output = try value(argument)
            case "--activations":
                let text = try value(argument)
                options.activations = try text.split(separator: ",").map { name in
                    guard let kind = ActivationKind(rawValue: String(name)) else {
                        throw BenchError.option(name: argument, value: text,
                            expected: "names from \(ActivationKind.allCases.map(\.rawValue).joined(separator: ","))")
                    }
                    return kind
                }
                if options.activations.isEmpty {
                    throw BenchError.option(name: argument, value: text, expected: "at least one activation")
                }
            case "--help", "-h": options.help = true
            default: throw BenchError.unknownArgument(argument)
            }
        }
        return options
    }
}
