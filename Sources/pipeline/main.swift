import ArgumentParser
import Foundation
import Nets
import Support

// Exit codes: 0 ok, 1 a stage failed (or verify found corruption), 2 usage or
// validation error, 130 interrupted. ArgumentParser's own usage code (64) is mapped to 2.
// /proc/cpuinfo, read once for the process: the CPU check and OpenBLAS's kernel
// choice use the same flags. `PIPELINE_CPUINFO` replaces the file (for the CLI tests).
CPUInfo.startUp(path: getenv("PIPELINE_CPUINFO").map { String(cString: $0) } ?? CPUInfo.defaultPath)
#if NETS_NEEDS_HASWELL
HostCPU.requireHaswellFeatures(flags: CPUInfo.current.flags)
#endif
// OpenBLAS is loaded here, single-threaded, because pinning its kernel briefly
// changes the environment (Nets/Core/OpenBLAS.swift); a failure is reported by
// the first stage that needs it.
OpenBLAS.preload()
do {
    var command = try PipelineCommand.parseAsRoot()
    try command.run()
} catch let code as ExitCode {
    exit(code.rawValue)
} catch {
    let code = PipelineCommand.exitCode(for: error)
    if code == .success {
        print(PipelineCommand.fullMessage(for: error))
        exit(0)
    }
    FileHandle.standardError.write(Data((PipelineCommand.fullMessage(for: error) + "\n").utf8))
    exit(2)
}
