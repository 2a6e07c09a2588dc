"""Item pipelines, in order: clean (100), normalise (300), validate (500), store (800)."""
