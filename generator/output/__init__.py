"""Writing the result safely: the output folder, the cache, worker processes, signals and progress."""
