"""Shared by the chart tests: a headless backend and a clean theme around every test."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from reportkit import plots  # noqa: E402


@pytest.fixture(autouse=True)
def _theme_and_cleanup():
    with matplotlib.rc_context():
        plots.set_theme()
        yield
        plt.close("all")
