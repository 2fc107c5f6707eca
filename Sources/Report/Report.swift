// The Report layer; see docs/architecture.md.
