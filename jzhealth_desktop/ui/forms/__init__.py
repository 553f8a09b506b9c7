"""The catalogue-driven data-entry form and its grid twin."""
