// The FashionData layer; see docs/architecture.md.
