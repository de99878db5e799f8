"""The library layer: the content model, loading a library folder, rendering and checking it."""
