"""`eventwire evaluate`: extraction scored against gold data.

- `gold.py` reads each gold set once (PLOVER GSR, ACLED, synthetic PLOVER stories, GeoWebNews, the
  event-location sentences, TimeML);
- `metrics.py` holds the measures (ratio, P/R/F1, accuracy tallies, span overlap);
- `runner.py` runs the gold documents through the real `Pipeline.process`;
- one module per command (`events`, `actors`, `places`, `times`, `casualties`) scores and prints.

Model fitting lives outside the package, in `training/`.
"""
