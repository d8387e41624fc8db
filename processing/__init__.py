"""The Processing provider, its algorithms, and the QGIS-free analysis code they call.

This package is `community_risk.processing`; it never stands in for QGIS's own `processing`.
"""
