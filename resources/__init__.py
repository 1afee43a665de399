"""Data shipped with MicroShop: the bundled OFL CJK font, translations and the app icon.

Installed as the package ``microshop.resources`` (pyproject.toml maps this folder there); code reads
it through ``microshop.paths.resource``, never by a path relative to the checkout.
"""
