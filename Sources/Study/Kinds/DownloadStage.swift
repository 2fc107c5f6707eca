import FashionData
import Foundation
import Workflow

/// `download`: fetches the dataset's gzip files from the first source that
/// yields verified content (SHA-256 of the decompressed bytes), in the order
/// the sources are listed. Outputs: one `.gz` per file, under its own name.
struct DownloadStage: StageKind {
    struct Params: Codable, Sendable {
        /// Base URLs tried in order; a file's URL is the base plus its name.
        var sources: [String]
        var files: [DataFile]
        var connectTimeoutSeconds: Double
        var retries: Int
    }

    static let name = "download"
    static let version = 1
    static let summary = "fetch the dataset files from the first source whose content verifies"

    func run(_ params: Params, in context: StageContext) throws {
        guard !params.sources.isEmpty else { throw StageError("params.sources: expected at least one base URL") }
        var bases: [URL] = []
        for source in params.sources {
            guard let url = URL(string: source.hasSuffix("/") ? source : source + "/"), url.scheme != nil else {
                throw StageError("params.sources: '\(source)' is not a URL")
            }
            bases.append(url)
        }
        var options = DownloadOptions()
        options.connectTimeout = params.connectTimeoutSeconds
        options.retries = params.retries
        for file in params.files {
            let used: URL
            do {
                used = try Downloader.fetch(file, sources: bases, to: context.outputURL(file.name),
                                           options: options, progress: { context.progress($0) })
            } catch let FashionDataError.allSourcesFailed(name, failures) {
                throw Self.oneLine(name: name, failures: failures)
            }
            context.log("\(file.name) verified (from \(used.absoluteString))")
        }
    }

    /// The engine prints a stage's error as one line on stderr; the library's
    /// error lists sources on separate lines, so join them here.
    static func oneLine(name: String, failures: [SourceFailure]) -> StageError {
        StageError("\(name): no source gave verified content: " + failures.map(\.description).joined(separator: "; "))
    }
}
