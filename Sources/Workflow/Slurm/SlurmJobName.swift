/// File-system and Slurm-safe names for a unit's script and log.
enum SlurmJobName {
    /// `name` with every character outside `[A-Za-z0-9@._-]` replaced by `_`
    /// (`%` would be read by sbatch as a filename pattern, `/` as a folder).
    static func fileSafe(_ name: String) -> String {
        String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "@._-".contains($0)) ? $0 : "_" })
    }

    /// `--job-name` of a unit; `pipeline status` recognises its jobs by this prefix.
    static func jobName(_ unit: String) -> String { "pipeline:" + unit }
}
