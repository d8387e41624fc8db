"""QGIS runs this file at Python start-up when PYQGIS_STARTUP names it (tests/test_one_gdal.py). When the process
exits it copies /proc/self/maps, every file mapped into the process, to $COMMUNITY_RISK_MAPS_OUT.

The copy hangs on the C library's exit handlers, not Python's atexit: qgis_process ends without finalising
Python, so Python's own atexit never runs. By then the algorithm has run, so every library it loaded is there.
"""
import ctypes
import os
import sys


def _copy_maps(_):
    with open("/proc/self/maps", encoding="utf-8") as maps, \
            open(os.environ["COMMUNITY_RISK_MAPS_OUT"], "w", encoding="utf-8") as out:
        out.write(maps.read())


if os.environ.get("COMMUNITY_RISK_MAPS_OUT") and not hasattr(sys, "_community_risk_maps_at_exit"):
    # QGIS may run the start-up file more than once; the handler must also outlive this file's namespace
    sys._community_risk_maps_at_exit = ctypes.CFUNCTYPE(None, ctypes.c_void_p)(_copy_maps)
    ctypes.CDLL(None).__cxa_atexit(sys._community_risk_maps_at_exit, None, None)
