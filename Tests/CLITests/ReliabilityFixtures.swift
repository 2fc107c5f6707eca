import Foundation

/// Small synthetic FashionMNIST-shaped data for the reliability tests: IDX
/// bytes built here, gzip'd with /usr/bin/gzip -n (no name or time, so the
/// bytes are reproducible).
enum ReliabilityData {
    /// An IDX file: magic 0 0 `type` rank, big-endian u32 dims, payload.
    static func idx(_ dims: [Int], _ payload: [UInt8], type: UInt8 = 8, magic0: UInt8 = 0) -> [UInt8] {
        var b: [UInt8] = [magic0, 0, type, UInt8(dims.count)]
        for d in dims { b += [UInt8(d >> 24 & 255), UInt8(d >> 16 & 255), UInt8(d >> 8 & 255), UInt8(d & 255)] }
        return b + payload
    }

    static func images(_ n: Int, side: Int = 28) -> [UInt8] {
        idx([n, side, side], (0..<(n * side * side)).map { UInt8(truncatingIfNeeded: $0 &* 7) })
    }

    static func labels(_ n: Int) -> [UInt8] { idx([n], (0..<n).map { UInt8($0 % 10) }) }

    /// The four raw IDX files of a valid tiny data set (20 train, 5 test images).
    static func validRaw() -> [String: [UInt8]] {
        ["train-images-idx3-ubyte": images(20), "train-labels-idx1-ubyte": labels(20),
         "t10k-images-idx3-ubyte": images(5), "t10k-labels-idx1-ubyte": labels(5)]
    }

    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] { try filter("/usr/bin/gzip", ["-n", "-c"], bytes) }

    /// Hex SHA-256 by the system tool (this test target links no crypto).
    static func sha256(_ bytes: [UInt8]) throws -> String {
        String(decoding: try filter("/usr/bin/sha256sum", [], bytes), as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }

    /// `tool args` with `bytes` on stdin; its stdout.
    static func filter(_ tool: String, _ args: [String], _ bytes: [UInt8]) throws -> [UInt8] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        // Write on another thread: a large payload would otherwise fill the pipe both ways.
        let writer = input.fileHandleForWriting
        let data = Data(bytes)
        let t = Thread { writer.write(data); try? writer.close() }
        t.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Array(out)
    }

    /// The valid set as .gz files, with `edit` applied to the raw (name -> bytes) first.
    static func gzipped(_ edit: (inout [String: [UInt8]]) -> Void = { _ in }) throws -> [String: [UInt8]] {
        var raw = validRaw()
        edit(&raw)
        var out: [String: [UInt8]] = [:]
        for (name, bytes) in raw { out[name + ".gz"] = try gzip(bytes) }
        return out
    }
}
