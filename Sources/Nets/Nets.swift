// The Nets layer; see docs/architecture.md.
