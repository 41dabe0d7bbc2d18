"""analysis (the analyze stage): tokens, morphology and (next) named entities and values, per language."""
