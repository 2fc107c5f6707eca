// Workflow's API speaks Support's JSON values and files (params, lock-file
// entries, run records), so its clients get Support with it.
@_exported import Support
