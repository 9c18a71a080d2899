"""The 2024 travel deduction, checked against amounts worked out by hand from skatteetaten.no's rates."""

import numpy as np

import rules_2024 as R


def test_thirty_km_for_a_full_year_gives_the_rate_times_both_ways_minus_the_threshold():
    # 1.76 × 2 × 30 × 230 = 24,288; minus 14,950 = 9,338
    assert R.travel_deduction(np.array([30.0]), np.array([230.0]))[0] == 9_338


def test_a_commute_below_the_break_even_distance_gives_nothing():
    # 18 km: 14,572.8 < 14,950; 19 km: 15,382.4 - 14,950 = 432.4 -> 432
    assert R.travel_deduction(np.array([10.0, 18.0, 19.0]), np.array([230.0, 230.0, 230.0])).tolist() == [0, 0, 432]


def test_costs_above_97000_are_capped_before_the_threshold():
    # 200 km: 161,920 of costs, capped at 97,000, minus 14,950 = 82,050
    assert R.travel_deduction(np.array([200.0]), np.array([230.0]))[0] == 82_050


def test_no_days_or_no_distance_gives_nothing():
    assert R.travel_deduction(np.array([0.0, 50.0]), np.array([230.0, 0.0])).tolist() == [0, 0]


def test_a_missing_distance_stays_missing():
    assert np.isnan(R.travel_deduction(np.array([np.nan]), np.array([230.0]))[0])


def test_an_empty_input_gives_an_empty_output():
    assert R.travel_deduction(np.array([]), np.array([])).shape == (0,)
