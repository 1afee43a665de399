"""The PySide6 GUI: the only package that imports Qt. A thin client of the core services."""
