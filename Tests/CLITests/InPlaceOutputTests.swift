import Testing
import Foundation

private let inPlace = #"""
{"version": 1, "stages": {
  "train": {"kind": "shell", "outs": ["model.pkl", "data/prepared/"],
            "params": {"cmd": "mkdir -p data/prepared; echo m > model.pkl; echo a > data/prepared/a.csv; echo b > data/prepared/b.csv"}},
  "use": {"kind": "shell", "deps": ["train"], "params": {"cmd": "cat model.pkl $IN_TRAIN/data/prepared/a.csv > $OUT/used.txt"}}}}
"""#

/// Outputs written in place are published, restored on a cache hit without rerunning, and read by dependants.
@Test func inPlaceOutputsArePublishedAndRestored() throws {
    let cli = try CLI(pipeline: inPlace)
    let first = try cli.run("run", "-j", "1")
    #expect(first.code == 0, "\(first.stderr)")
    let lock = cli.read("pipeline.lock.json") ?? ""
    #expect(lock.contains(#""model.pkl""#) && lock.contains(#""data/prepared/b.csv""#))
    let used = try cli.run("show", "use")
    #expect(used.stdout.contains("train/model.pkl"))
    try FileManager.default.removeItem(at: cli.dir.appendingPathComponent("model.pkl"))
    try Data("edited\n".utf8).write(to: cli.dir.appendingPathComponent("data/prepared/a.csv"))
    let status = try cli.run("status")
    #expect(status.stdout == "stale       train (workspace output model.pkl missing; workspace output data/prepared/a.csv modified)\nup to date  use\n1 up to date, 1 stale\n")
    let again = try cli.run("run")
    #expect(normalized(again.stdout) == "copy model.pkl\ncopy data/prepared/a.csv\n0 ran, 2 cached, 0 failed in Ns\n")
    #expect(cli.read("model.pkl") == "m\n" && cli.read("data/prepared/a.csv") == "a\n")

    // A dependant that must run finds a deleted in-place input restored first.
    try FileManager.default.removeItem(at: cli.dir.appendingPathComponent("model.pkl"))
    try cli.write(inPlace.replacingOccurrences(of: "> $OUT/used.txt", with: "> $OUT/used.txt; echo 2 >> $OUT/used.txt"))
    let dep = try cli.run("run")
    #expect(dep.code == 0, "\(dep.stderr)")
    #expect(normalized(dep.stdout).contains("1 ran, 1 cached"))
}

@Test func overlappingInPlaceOutputsAreALoadError() throws {
    let cli = try CLI(pipeline: #"""
    {"version": 1, "stages": {"a": {"kind": "shell", "outs": ["data/"], "params": {"cmd": "true"}},
                              "b": {"kind": "shell", "outs": ["data/x.csv"], "params": {"cmd": "true"}}}}
    """#)
    let r = try cli.run("run")
    #expect(r.code == 2)
    #expect(r.stderr == "error: pipeline.json: stage 'b': outs[0]: 'data/x.csv' overlaps 'data', an output of stage 'a' (each workspace path has one producer)\n")
}

private let withParams = #"""
{"version": 1, "stages": {
  "prep": {"kind": "shell", "paramsFiles": {"params.yaml": ["prepare.seed"]}, "params": {"cmd": "grep seed params.yaml > $OUT/seed.txt"}},
  "fit": {"kind": "shell", "paramsFiles": {"params.json": ["fit.alpha"]}, "params": {"cmd": "cat params.json > $OUT/p.txt"}}}}
"""#

/// Only the chosen keys of a params file make a stage stale.
@Test func paramsFileKeysAreDependencies() throws {
    let cli = try CLI(pipeline: withParams)
    func put(_ name: String, _ text: String) throws { try Data(text.utf8).write(to: cli.dir.appendingPathComponent(name)) }
    try put("params.yaml", "prepare:\n  seed: 20170428\n  split: 0.2\nother: x\n")
    try put("params.json", #"{"fit": {"alpha": 0.5, "beta": 1}}"#)
    #expect(try cli.run("run").code == 0)
    try put("params.yaml", "prepare:\n  seed: 20170428\n  split: 0.3  # not a key of prep\nother: y\n")
    try put("params.json", #"{"fit": {"alpha": 0.5, "beta": 2}}"#)
    #expect(try cli.run("status").stdout == "up to date  prep\nup to date  fit\n2 up to date, 0 stale\n")
    try put("params.yaml", "prepare:\n  seed: 1\n  split: 0.3\nother: y\n")
    try put("params.json", #"{"fit": {"alpha": "high", "beta": 2}}"#)
    #expect(try cli.run("status").stdout == "stale       prep (params.yaml: prepare.seed 20170428 -> 1)\nstale       fit (params.json: fit.alpha 0.5 -> \"high\")\n0 up to date, 2 stale\n")
    let r = try cli.run("run")
    #expect(normalized(r.stdout).hasSuffix("2 ran, 0 cached, 0 failed in Ns\n"))

    try put("params.yaml", "prepare:\n  split: 0.3\n")
    let missing = try cli.run("status")
    #expect(missing.code == 2)
    #expect(missing.stderr == "error: pipeline.json: stage 'prep': paramsFiles.params.yaml: key 'prepare.seed' not found in params.yaml\n")
}
