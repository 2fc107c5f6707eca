// The Study layer; see docs/architecture.md.
