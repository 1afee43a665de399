"""Qt-free services: what the GUI and the CLI both call."""
