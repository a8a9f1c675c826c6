"""Scripts that fit eventwire's models on gold data (need the `fit` extra); the runtime package never imports them.

python training/fit_event_location.py ../shared/data/dev/event-location [--write]
"""
