// Placeholder until the CLI lands.
print("pipeline")
