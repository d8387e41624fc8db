"""QGIS GUI glue: menu, toolbar, translator and Processing provider registration."""
