"""One loader per part of the demo, each with load(); load_demo runs them in order.
Every load() is safe to call twice: what already exists is kept as it is."""
