import Nets
import Testing
@testable import pipeline_bench

@Suite struct BenchOptionsTests {
    @Test func defaults() throws {
        let o = try BenchOptions.parse([])
        #expect(o.epochs == 3 && o.threads == 2 && o.activations == ActivationKind.allCases)
        #expect(o.output == "bench-results.json" && o.singleThreadEpochs == 2)
    }

    @Test func values() throws {
        let o = try BenchOptions.parse(["--epochs", "5", "--threads", "1", "--activations", "relu,elu", "--output", "x.json"])
        #expect(o.epochs == 5 && o.threads == 1 && o.activations == [.relu, .elu] && o.output == "x.json")
        #expect(try BenchOptions.parse(["--single-thread-epochs", "0"]).singleThreadEpochs == 0)
        #expect(try BenchOptions.parse(["--single-thread-epochs", "4"]).singleThreadEpochs == 4)
    }

    @Test func badValuesNameTheOptionAndWhatWasExpected() {
        #expect(throws: BenchError.self) { try BenchOptions.parse(["--epochs", "0"]) }
        do { _ = try BenchOptions.parse(["--epochs", "0"]) } catch {
            #expect("\(error)" == "option --epochs: got '0', expected a positive integer")
        }
        do { _ = try BenchOptions.parse(["--activations", "relu,gelu"]) } catch {
            #expect("\(error)".hasPrefix("option --activations: got 'relu,gelu', expected names from sigmoid,"))
        }
        #expect(throws: BenchError.self) { try BenchOptions.parse(["--single-thread-epochs", "-1"]) }
        do { _ = try BenchOptions.parse(["--single-thread-epochs", "-1"]) } catch {
            #expect("\(error)" == "option --single-thread-epochs: got '-1', expected a non-negative integer")
        }
        do { _ = try BenchOptions.parse(["--threads"]) } catch {
            #expect("\(error)" == "option --threads: missing value, expected a value")
        }
        do { _ = try BenchOptions.parse(["--fast"]) } catch {
            #expect("\(error)" == "unknown argument '--fast' (see --help)")
        }
    }
}
