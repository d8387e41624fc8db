"""Write seeded, realistic council extracts (never real people) for trying Find people at risk.

usage: make_council_extracts.py FOLDER [POSTCODES] [HOUSEHOLDS]
POSTCODES: a CSV with a `postcode` column (e.g. ../shared/data/london/postcodes.csv.gz) or a GeoPackage
layer 'file.gpkg|layername=postcodes'; default: the embedded sample borough's postcodes.
The truth (which household each row belongs to) goes to FOLDER/truth/, apart from the extracts."""
import os
import sys

import pandas as pd

from community_risk.synthetic import council_extracts as council_data

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
folder = sys.argv[1]
source = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "resources", "sample", "sample_borough.gpkg|layername=postcodes")
households = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
if "|layername=" in source:
    import pyogrio

    path, layer = source.split("|layername=")
    postcodes = pyogrio.read_dataframe(path, layer=layer, read_geometry=False)
else:
    postcodes = pd.read_csv(source, usecols=["postcode"])
paths = council_data.write(folder, postcodes, n_households=households)
print("council extracts written to", folder, "({})".format(", ".join(os.path.basename(p) for p in paths.values())))
