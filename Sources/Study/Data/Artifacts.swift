import Foundation
import Workflow

/// Reading and writing the JSON artifacts that stages exchange.
///
/// Writing is deterministic: sorted keys, fixed indentation, Swift's shortest
/// round-trip number form, so the same values give the same bytes.
enum Artifacts {
    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return e
    }

    static func write<T: Encodable>(_ value: T, as name: String, in context: StageContext) throws {
        var data = try encoder().encode(value)
        data.append(0x0A)
        try context.write(data, to: name)
    }

    static func read<T: Decodable>(_ type: T.Type, from url: URL, what: String) throws -> T {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw StageError("\(what): cannot read \(url.path): \(error.localizedDescription)")
        }
        do { return try JSONDecoder().decode(T.self, from: data) } catch {
            throw StageError("\(what): \(url.lastPathComponent) is not a valid \(T.self): \(error)")
        }
    }

    static func read<T: Decodable>(_ type: T.Type, role: String, file: String, in context: StageContext) throws -> T {
        try read(type, from: context.inputFile(role, file), what: "input '\(role)'")
    }

    static func writeText(_ text: String, as name: String, in context: StageContext) throws {
        try context.write(Data(text.utf8), to: name)
    }
}
