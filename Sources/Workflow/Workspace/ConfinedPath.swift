import Foundation

/// Writes and removes files below the project folder without ever leaving it.
///
/// Every folder on the way is opened with `openat(..., O_NOFOLLOW | O_DIRECTORY)`
/// from the project folder itself, so the check and the write are one
/// operation on the same folder descriptor: a folder that is (or becomes) a
/// symbolic link makes the call fail instead of writing through it, and there
/// is no window between checking a path and writing to it. Missing folders are
/// created (`mkdirat`). A file is written to a temp beside its target, fsynced,
/// and renamed over it (`renameat`, which replaces a symlink itself rather than
/// its target), then the folder is fsynced.
enum ConfinedPath {
    /// `relative` is `a/b/c.txt` below `root`; no `..`, no leading `/`.
    static func write(_ data: Data, root: URL, relative: String) throws {
        let (dir, name) = try openParent(root: root, relative: relative, create: true)
        defer { close(dir) }
        let tmp = ".tmp-\(name)-\(getpid())-\(UUID().uuidString.prefix(8))"
        let fd = openat(dir, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw EngineError("\(relative): cannot create: \(String(cString: strerror(errno)))") }
        var ok = false
        defer { if !ok { unlinkat(dir, tmp, 0) } }
        do {
            try writeAll(fd, data, path: relative)
            try FileSync.fsyncChecked(fd, path: relative)
        } catch { close(fd); throw error }
        try FileSync.closeChecked(fd, path: relative)
        guard renameat(dir, tmp, dir, name) == 0 else { throw EngineError("\(relative): rename failed: \(String(cString: strerror(errno)))") }
        ok = true
        try FileSync.fsyncChecked(dir, path: "the folder of \(relative)", isFolder: true)
    }

    /// Removes the file `relative` (not following a symlink on the way); a missing file is fine.
    static func remove(root: URL, relative: String) throws {
        var st = stat()
        if lstat(root.path + "/" + relative, &st) != 0 && errno == ENOENT { return }
        let (dir, name) = try openParent(root: root, relative: relative, create: false)
        defer { close(dir) }
        if unlinkat(dir, name, 0) != 0 && errno != ENOENT {
            throw EngineError("\(relative): cannot remove: \(String(cString: strerror(errno)))")
        }
    }

    /// Throws unless every folder above `relative` is a real folder inside the project.
    static func checkParents(root: URL, relative: String) throws {
        var st = stat()
        if lstat(root.path + "/" + relative, &st) != 0 && errno == ENOENT { return }
        let (dir, _) = try openParent(root: root, relative: relative, create: false)
        close(dir)
    }

    /// The open folder holding `relative`'s last component, and that component.
    private static func openParent(root: URL, relative: String, create: Bool) throws -> (Int32, String) {
        let parts = relative.split(separator: "/").map(String.init).filter { $0 != "." }
        guard let name = parts.last, !relative.hasPrefix("/"), !parts.contains("..") else {
            throw EngineError("\(relative): expected a path inside the project")
        }
        var dir = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dir >= 0 else { throw EngineError("\(root.path): cannot open the project folder: \(String(cString: strerror(errno)))") }
        var walked = ""
        for part in parts.dropLast() {
            walked += walked.isEmpty ? part : "/" + part
            var next = openat(dir, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0 && errno == ENOENT && create {
                if mkdirat(dir, part, 0o755) != 0 && errno != EEXIST {
                    let e = errno; close(dir)
                    throw EngineError("\(walked): cannot create the folder: \(String(cString: strerror(e)))")
                }
                next = openat(dir, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            let e = errno
            close(dir)
            guard next >= 0 else {
                if e == ELOOP || e == ENOTDIR {
                    throw EngineError("\(walked): is a symbolic link or not a folder; pipeline writes workspace outputs only inside the project, through real folders (refusing \(relative))")
                }
                throw EngineError("\(walked): cannot open: \(String(cString: strerror(e)))")
            }
            dir = next
        }
        return (dir, name)
    }
}
