"""The vocabulary every stage shares: problems and errors, names, spec text made safe, reserved names."""
