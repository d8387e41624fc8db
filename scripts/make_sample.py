"""Write the embedded sample (resources/sample/) from the seeded generator."""
import os
import sys

from community_risk.synthetic import sample_borough as sample_data

folder = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "resources", "sample")
path = sample_data.write(folder, seed=int(sys.argv[1]) if len(sys.argv) > 1 else sample_data.SEED)
print("sample written to", path)
