"""Write generated EPC certificates (the register's certificates.csv schema; not real homes) for trying
Load EPC certificates.

usage: make_epc_certificates.py OUTPUT_CSV [POSTCODES] [HOMES]
POSTCODES: a CSV with `postcode` (and `lsoa11cd_pip`, e.g. ../shared/data/london/postcodes.csv.gz, whose
LSOAs then drive each area's mix with the IMD housing indicators beside it) or a GeoPackage layer
'file.gpkg|layername=postcodes'; default: the embedded sample borough's postcodes."""
import os
import sys

import pandas as pd

from community_risk.synthetic import epc_certificates

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
target = sys.argv[1]
source = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "resources", "sample", "sample_borough.gpkg|layername=postcodes")
homes = int(sys.argv[3]) if len(sys.argv) > 3 else 5000
indicators = None
if "|layername=" in source:
    import pyogrio

    path, layer = source.split("|layername=")
    postcodes = pyogrio.read_dataframe(path, layer=layer, read_geometry=False)
else:
    postcodes = pd.read_csv(source)
    imd = os.path.join(os.path.dirname(source), "imd_2019_underlying_indicators_lsoa.csv.gz")
    if os.path.exists(imd):
        indicators = pd.read_csv(imd).set_index("LSOA code (2011)").rename(columns={
            "Houses without central heating indicator": "no_central_heating",
            "Housing in poor condition indicator": "poor_condition"})
os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
epc_certificates.generate_certificates(postcodes, indicators, n_homes=homes).to_csv(target, index=False)
print("EPC certificates written to", target)
