"""Write a generated borough for Find unlicensed HMOs (not real homes or people): properties.gpkg, one CSV per
council file, and truth/truth.csv kept apart.

usage: make_hmo_borough.py OUTPUT_FOLDER [POSTCODES] [PROPERTIES]
POSTCODES: the shared London data folder (e.g. ../shared/data/london: Newham's real postcodes, each area's HMO
share from the Census 2021 housing table) or a GeoPackage layer 'file.gpkg|layername=postcodes'; default: the
embedded sample borough's postcodes (every area alike)."""
import os
import sys

from community_risk.synthetic import hmo_borough

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
target = sys.argv[1]
source = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "resources", "sample", "sample_borough.gpkg|layername=postcodes")
count = int(sys.argv[3]) if len(sys.argv) > 3 else 6000
census = None
if os.path.isdir(source):
    postcodes, census = hmo_borough.london_inputs(source)
else:
    import pyogrio

    path, layer = source.split("|layername=")
    frame = pyogrio.read_dataframe(path, layer=layer)
    postcodes = frame[["postcode"]].assign(easting=frame.geometry.x, northing=frame.geometry.y)
properties, datasets, truth = hmo_borough.generate(postcodes, census, n_properties=count)
paths = hmo_borough.write(target, properties, datasets, truth)
print("HMO borough written to {}: {} properties, {} HMOs (truth in {})".format(
    target, len(properties), int(truth["is_hmo"].sum()), paths["truth"]))
