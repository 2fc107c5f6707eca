import Foundation

/// A figure drawn by gnuplot from a data file and a script.
///
/// `write(to:name:)` writes `name.dat` and `name.gp` into `folder` (each
/// written atomically: temp file then rename); `render` also runs gnuplot
/// there to produce `name.svg`. The bytes of both files depend only on the
/// figure's values: no timestamps, no absolute paths.
public protocol GnuplotFigure: Sendable {
    /// Contents of `name.dat` and `name.gp`.
    func files(name: String) throws(FigureError) -> (data: String, script: String)
}

/// Where a figure's files are, and what gnuplot printed on stderr while
/// drawing it (empty when only written, or when it drew cleanly).
public struct FigureFiles: Sendable, Equatable {
    public let data: URL
    public let script: URL
    public let svg: URL
    public var warnings: String = ""
}

extension GnuplotFigure {
    @discardableResult
    public func write(to folder: URL, name: String) throws -> FigureFiles {
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }), !name.hasPrefix(".") else {
            throw FigureError(figure: String(describing: Self.self), field: "name",
                              expected: "a plain file name of letters, digits, '-', '_', '.' (got \"\(name)\")")
        }
        let (data, script) = try files(name: name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let out = FigureFiles(data: folder.appendingPathComponent(name + ".dat"),
                              script: folder.appendingPathComponent(name + ".gp"),
                              svg: folder.appendingPathComponent(name + ".svg"))
        try Data(data.utf8).write(to: out.data, options: .atomic)
        try Data(script.utf8).write(to: out.script, options: .atomic)
        return out
    }

    /// Writes the files, then draws the SVG. When gnuplot is missing this
    /// throws `GnuplotError.notFound` after the data and script are written.
    @discardableResult
    public func render(to folder: URL, name: String, timeout: Double = 120, searchPath: String? = nil) throws -> FigureFiles {
        var out = try write(to: folder, name: name)
        out.warnings = try Gnuplot.render(script: out.script, timeout: timeout, searchPath: searchPath)
        return out
    }
}
