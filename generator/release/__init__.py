"""Releases: the API snapshot and changelog, change reports between two APIs, and the version rule."""
