"""clean: label segments, tell languages, group reprints — never rewrite the text."""
