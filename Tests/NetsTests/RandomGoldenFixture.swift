import Foundation
import Hashing

/// The randomness-related part of `Tests/fixtures/pytorch/pytorch_golden.json` (drawn from PyTorch on CPU by make_golden.py there).
struct RandomGolden: Decodable {
    struct FloatBits: Decodable {
        let bits: [String]
        let values: [Double]
    }
    struct Perm: Decodable {
        let first16: [Int]
        let last16: [Int]?
        let sha256_int64: String
    }
    struct Split: Decodable {
        let train_first16: [Int]
        let val_first16: [Int]
    }
    struct Layer: Decodable {
        let shape: [Int]
        let weight_sha256: String
        let bias_sha256: String
        let weight_first8: FloatBits
        let bias_first8: FloatBits
    }
    struct Epoch: Decodable {
        let first16: [Int]
        let batches: Int
        let sha256_int64_of_used_order: String
    }
    struct Shuffle: Decodable { let epochs: [Epoch] }

    let uniformMinus1To1: FloatBits
    let uniform0To1: FloatBits
    let randperm60000Seed42: Perm
    let randperm1000Seed7: Perm
    let split: Split
    let linear784x512Seed42: Layer
    let baseNetworkSeed42: [Layer]
    let deepNetworkSeed42: [Layer]
    let trainShuffle: Shuffle

    enum CodingKeys: String, CodingKey {
        case uniformMinus1To1 = "uniform_-1_1_after_seed42"
        case uniform0To1 = "uniform_0_1_after_seed42"
        case randperm60000Seed42 = "randperm_60000_after_seed42"
        case randperm1000Seed7 = "randperm_1000_after_seed7"
        case split
        case linear784x512Seed42 = "linear_784_512_after_seed42"
        case baseNetworkSeed42 = "base_network_seed42"
        case deepNetworkSeed42 = "deep_network_seed42"
        case trainShuffle = "train_shuffle_after_seed42_and_base_network"
    }

    static func load() throws -> RandomGolden {
        try JSONDecoder().decode(RandomGolden.self, from: Data(contentsOf: fixtureURL("pytorch_golden.json")))
    }
}

/// Hex of the float's bit pattern, as the fixture writes it (8 lowercase digits).
func bitsHex(_ x: Float) -> String {
    let hex = String(x.bitPattern, radix: 16)
    return String(repeating: "0", count: 8 - hex.count) + hex
}

/// SHA-256 of float32 little-endian bytes (numpy's `tobytes()` on x86/arm).
func sha256LE(_ values: [Float]) -> String {
    var bytes = [UInt8](); bytes.reserveCapacity(values.count * 4)
    for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
    return SHA256.hash(bytes).hex
}

/// SHA-256 of the values as int64 little-endian bytes (a PyTorch int64 tensor).
func sha256Int64LE(_ values: [Int]) -> String {
    var bytes = [UInt8](); bytes.reserveCapacity(values.count * 8)
    for v in values { withUnsafeBytes(of: Int64(v).littleEndian) { bytes.append(contentsOf: $0) } }
    return SHA256.hash(bytes).hex
}

/// Largest |ours - reference| over paired values, for the printed report of each comparison.
func maxAbsDifference(_ ours: [Float], _ reference: [Double]) -> Double {
    zip(ours, reference).map { abs(Double($0) - $1) }.max() ?? .infinity
}
