"""微店管家 MicroShop: a desktop app for stock-free micro-store resellers.

The package is split into a Qt-free core (``domain``, ``store``, ``services``,
``importers``) and the GUI in ``microshop.ui`` – the only place PySide6 is imported.
"""

__version__ = "0.1.0"
APP_NAME = "微店管家"
APP_ID = "MicroShop"
