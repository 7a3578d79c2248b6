"""Reading the inputs: the document (YAML/JSON, bundled across files), its checks, and the config."""
