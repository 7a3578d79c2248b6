"""Stand-in for the generated ``_version`` module (``templates/package/src/_version.py.j2``); never copied."""

__title__ = "sdk_runtime"
__version__ = "0.0.0"
