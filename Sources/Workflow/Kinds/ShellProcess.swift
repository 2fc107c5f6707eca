import Foundation

/// Runs one `/bin/sh -c` command as a well-behaved child.
///
/// Contract:
/// - The command runs in `directory`, with exactly `environment`, stdin from
///   /dev/null, and stdout and stderr merged into one pipe whose lines go to
///   `output` as they come (a last line without a newline is passed too).
/// - It inherits no other descriptor: not the engine's lock files, not another
///   stage's pipe, not whatever the engine's own parent left open. (A daemon a
///   command leaves running would otherwise hold those open: a lock never
///   released, a parent that waits for a pipe to close.)
/// - It is the leader of its own process group, with SIGINT, SIGTERM, SIGHUP,
///   SIGQUIT and SIGPIPE at their default actions and no signal blocked (the
///   engine ignores SIGINT/SIGTERM, and ignored signals survive exec).
/// - When `cancellation` is requested, the whole group gets SIGTERM, and
///   SIGKILL `grace` seconds later if any member is left; `run` returns only
///   once no process of the group remains, so nothing is left behind.
/// - When the command ends by itself, `run` returns when /bin/sh has exited
///   and the pipe holds nothing more to read right away (a background child
///   that keeps the pipe open does not hold the stage up).
/// Blocking; call from the stage's own thread.
enum ShellProcess {
    /// How /bin/sh ended.
    enum Termination: Equatable { case exit(Int32), signal(Int32) }

    /// glibc's posix_spawn_file_actions_addchdir_np (2.29+), which Swift's Glibc module does not
    /// export: changing directory in the child keeps the engine's own working directory alone.
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    /// (dlsym with a nil handle is RTLD_DEFAULT.)
    static let addChdir: AddChdir? = dlsym(nil, "posix_spawn_file_actions_addchdir_np")
        .map { unsafeBitCast($0, to: AddChdir.self) }
    /// glibc's posix_spawn_file_actions_addclosefrom_np (2.34+): closes every
    /// descriptor from the given one up in the child.
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    static let addCloseFrom: AddCloseFrom? = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np")
        .map { unsafeBitCast($0, to: AddCloseFrom.self) }

    /// Seconds between SIGTERM and SIGKILL.
    static let grace = 1.0

    static func run(command: String, directory: URL, environment: [String: String], cancellation: Cancellation,
                    output: @escaping (String) -> Void) throws -> (termination: Termination, interrupted: Bool) {
        guard let addchdir = addChdir else { throw StageError("posix_spawn_file_actions_addchdir_np is missing (glibc 2.29 or later needed)") }
        guard let addclosefrom = addCloseFrom else { throw StageError("posix_spawn_file_actions_addclosefrom_np is missing (glibc 2.34 or later needed)") }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw StageError("cannot create a pipe: \(String(cString: strerror(errno)))") }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        // Also close-on-exec, for children the engine starts by other means (gnuplot, git).
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        defer { close(readEnd) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
        _ = addchdir(&actions, directory.path)
        _ = addclosefrom(&actions, 3)

        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attr, &defaults)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setpgroup(&attr, 0)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv: [UnsafeMutablePointer<CChar>?] = ["/bin/sh", "-c", command].map { (a: String) in strdup(a) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv + envp { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/bin/sh", &actions, &attr, argv, envp)
        close(writeEnd)
        guard rc == 0 else { throw StageError("cannot start /bin/sh: \(String(cString: strerror(rc)))") }

        var lines = LineSplitter(output: output)
        var status: Int32 = 0
        var exited = false
        var termSent: Date?
        var killed = false
        var eof = false
        while true {
            if eof { usleep(20_000) } else {
                var p = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
                if poll(&p, 1, 20) > 0, !lines.read(readEnd) { eof = true }
            }
            if !exited {
                let w = waitpid(pid, &status, WNOHANG)
                if w == pid || (w < 0 && errno == ECHILD) {
                    exited = true
                    if !eof { lines.drain(readEnd) }
                }
            }
            if cancellation.isRequested {
                if termSent == nil { kill(-pid, SIGTERM); termSent = Date() }
                else if !killed, Date().timeIntervalSince(termSent!) >= grace { kill(-pid, SIGKILL); killed = true }
                // Done once /bin/sh is reaped and no member of its group is left.
                if exited && !hasLiveMembers(group: pid) { break }
            } else if exited {
                break
            }
        }
        lines.finish()
        let termination: Termination = status & 0x7f == 0 ? .exit((status >> 8) & 0xff) : .signal(status & 0x7f)
        return (termination, termSent != nil)
    }
}

extension ShellProcess {
    /// Whether process group `group` has a member that still runs. Members that
    /// died but whose new parent (init, once /bin/sh is gone) has not reaped them
    /// yet are zombies: they count as gone, so waiting never depends on how
    /// quickly PID 1 reaps. Reads /proc (Linux); elsewhere any member counts.
    static func hasLiveMembers(group: pid_t) -> Bool {
        if kill(-group, 0) != 0 && errno == ESRCH { return false }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return true }
        for name in names where name.first?.isNumber == true {
            guard let bytes = try? WholeFile.read("/proc/\(name)/stat") else { continue }
            // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ')'.
            let text = String(decoding: bytes, as: UTF8.self)
            guard let close = text.lastIndex(of: ")") else { continue }
            let fields = text[text.index(after: close)...].split(separator: " ")
            guard fields.count > 2, pid_t(fields[2]) == group else { continue }
            if fields[0] != "Z" && fields[0] != "X" { return true }
        }
        return false
    }
}

/// Splits bytes read from a pipe into lines (invalid UTF-8 repaired).
struct LineSplitter {
    let output: (String) -> Void
    private var pending = Data()

    init(output: @escaping (String) -> Void) { self.output = output }

    /// Reads what is available (the fd is readable); false at end of file.
    mutating func read(_ fd: Int32) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress!, $0.count) }
        if n <= 0 { return n < 0 && errno == EINTR }
        pending.append(contentsOf: buffer[0..<n])
        while let nl = pending.firstIndex(of: UInt8(ascii: "\n")) {
            output(String(decoding: pending[pending.startIndex..<nl], as: UTF8.self))
            pending.removeSubrange(pending.startIndex...nl)
        }
        return true
    }

    /// Reads whatever the pipe holds now, without waiting for more.
    mutating func drain(_ fd: Int32) {
        while true {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, 0) > 0, read(fd) else { return }
        }
    }

    mutating func finish() {
        if !pending.isEmpty { output(String(decoding: pending, as: UTF8.self)); pending = Data() }
    }
}
