"""QGIS-free analysis code (numpy, shapely, pandas, geopandas, statsmodels). Imports nothing from qgis."""
