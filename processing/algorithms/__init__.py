"""Processing algorithms: thin adapters between QGIS layers and the QGIS-free analysis code."""
