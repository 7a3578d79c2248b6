"""The request side of each method: argument types, their modules, signatures and example values."""
