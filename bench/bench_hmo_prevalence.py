"""HMO prevalence, area mode, on London's 4,835 2011 LSOAs (issue 11's goal): the share of 2013-16 HMO fires
in the top 10% of LSOAs when ranked by the model (2009-12 HMO fires and Census 2021 housing factors), beside
ranking by 2009-12 HMO fires alone; then the time of a whole area-mode run with its simulated intervals."""
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))


def property_mode_timing():
    """Property mode on one large borough: 150,000 properties (probabilities skewed low, 1% licensed) in 20
    wards, exact intervals."""
    import numpy as np

    from community_risk.processing.analysis import hmo_prevalence as hp

    rng = np.random.default_rng(11)
    n = 150_000
    area, probability = rng.integers(0, 20, n), rng.beta(0.3, 6, n)
    licensed = (rng.random(n) < 0.01).astype(float)
    started = time.perf_counter()
    result = hp.property_prevalence(area, probability, licensed, 20)
    print("HMO prevalence, property mode: {:,} properties in 20 wards, exact Poisson-binomial intervals: {:.1f} s "
          "(estimated {:,.0f} HMOs)".format(n, time.perf_counter() - started, result.total[0]))


def main():
    from common import LONDON

    property_mode_timing()

    if not os.path.exists(os.path.join(LONDON, "lfb_dwelling_fires_2009_2016.csv.gz")):
        print("HMO prevalence: London data not found at {}; skipped".format(LONDON))
        return
    from hmo_london import london_hmo_table

    from community_risk.processing.analysis import hmo_prevalence as hp

    table, filled = london_hmo_table()
    factors = table[list(hp.FACTOR_WORDS)]
    later = table["hmo_fires_2013_2016"]
    print("HMO prevalence, area mode, London 2011 LSOAs ({:,}; census factors of {} filled from their MSOA)"
          .format(len(table), filled))
    print("   HMO fires: {:,} in 2009-12 (fitted), {:,} in 2013-16 (predicted)".format(
        int(table["hmo_fires_2009_2012"].sum()), int(later.sum())))
    expected, model = hp.expected_fires(table["hmo_fires_2009_2012"], table["HHOLDS"], factors, 4)
    census_only = hp.prior_expected_fires(model, table["HHOLDS"], factors, 4)
    rows = (("model: 2009-12 HMO fires + census (empirical Bayes)", expected),
            ("census factors alone (the model's prior)", census_only),
            ("baseline: 2009-12 HMO fires alone", table["hmo_fires_2009_2012"]),
            ("households alone", table["HHOLDS"]))
    print("   share of 2013-16 HMO fires in the top 10% of LSOAs:")
    for label, score in rows:
        print("     {:<52} {:5.1%}".format(label, hp.top_share(score, later)))
    print("   rate ratio per standard deviation: " + ", ".join(
        "{} {:.2f}".format(name, float(2.718281828459045 ** value))
        for name, value in zip(model.names, model.fit.params[1:])))
    started = time.perf_counter()
    result = hp.area_prevalence(table["hmo_fires_2009_2012"], table["HHOLDS"], factors, 4)
    print("   area mode with {} simulations: {:.1f} s; London total {:,.0f} HMOs (95% {:,.0f} to {:,.0f}) at the "
          "assumed {} recorded HMO fire a year per 1,000 HMOs".format(
              hp.SIMULATIONS, time.perf_counter() - started, *result.total, hp.DEFAULT_FIRES_PER_1000_HMOS))


if __name__ == "__main__":
    sys.path.insert(0, HERE)
    main()
