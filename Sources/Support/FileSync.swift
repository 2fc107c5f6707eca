import Foundation

/// fsync of a file or a folder, every result checked: the durability half of
/// `AtomicFile`, also used where files are moved into place by rename.
///
/// A rename survives a power cut only once the folder holding the new entry
/// is synced, so: fsync the file, rename it, then fsync its folder.
public enum FileSync {
    /// Opens `path` read-only, fsyncs it and closes it.
    public static func file(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemCallError(path: path, operation: "open to fsync", code: errno) }
        try sync(fd, path: path, isFolder: false)
    }

    /// fsyncs the folder `path`, so renames into it are durable. File systems
    /// that cannot sync a folder (EINVAL, ENOTSUP) are not an error.
    public static func directory(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemCallError(path: path, operation: "open the folder to fsync", code: errno) }
        try sync(fd, path: path, isFolder: true)
    }

    /// fsyncs and closes `fd` (closed also when fsync fails).
    static func sync(_ fd: Int32, path: String, isFolder: Bool) throws {
        do { try fsyncChecked(fd, path: path, isFolder: isFolder) } catch { close(fd); throw error }
        try closeChecked(fd, path: path)
    }

    /// fsync(2) of an open descriptor, which stays open; `path` names it in the error.
    /// For a folder (`isFolder`), EINVAL and ENOTSUP (cannot sync a folder) are not an error.
    public static func fsyncChecked(_ fd: Int32, path: String, isFolder: Bool = false) throws {
        guard fsync(fd) != 0 else { return }
        let e = errno
        if isFolder && (e == EINVAL || e == ENOTSUP) { return }
        throw SystemCallError(path: path, operation: "fsync", code: e)
    }

    /// close(2), failing on its error (NFS reports a failed write-back here);
    /// EINTR counts as closed, as on Linux the descriptor is released anyway.
    public static func closeChecked(_ fd: Int32, path: String) throws {
        if close(fd) != 0 && errno != EINTR { throw SystemCallError(path: path, operation: "close", code: errno) }
    }
}
