"""QGIS-free analysis code (numpy, pandas, shapely, scipy; GDAL's own osgeo bindings for rasters, never a wheel with
a libgdal of its own). Imports nothing from qgis."""
