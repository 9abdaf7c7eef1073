"""Demo content as data (demo/content/*.yaml) and the load_demo command.

The top layer: its loaders may import any app; no app imports demo."""
