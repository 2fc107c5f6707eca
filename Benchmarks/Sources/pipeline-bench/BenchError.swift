/// Why the benchmark could not run: bad arguments or unusable data.
enum BenchError: Error, CustomStringConvertible {
    /// A command-line option with a missing or invalid value.
    case option(name: String, value: String?, expected: String)
    /// An argument that is not an option of this tool.
    case unknownArgument(String)
    /// A data file or folder that is missing or does not hold what is expected.
    case data(path: String, problem: String)

    var description: String {
        switch self {
        case let .option(name, value, expected):
            if let value { return "option \(name): got '\(value)', expected \(expected)" }
            return "option \(name): missing value, expected \(expected)"
        case let .unknownArgument(argument):
            return "unknown argument '\(argument)' (see --help)"
        case let .data(path, problem):
            return "\(path): \(problem)"
        }
    }
}
