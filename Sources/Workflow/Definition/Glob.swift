import Foundation

/// Shell-style wildcards (`*`, `?`, `[...]`) over stage names, via fnmatch(3).
public enum Glob {
    public static func isPattern(_ s: String) -> Bool { s.contains { "*?[".contains($0) } }
    public static func matches(_ pattern: String, _ name: String) -> Bool { fnmatch(pattern, name, 0) == 0 }
}
