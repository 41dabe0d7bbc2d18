"""Data of the linking knowledge base, kept as plain Python literals.

- ``countries``: aliases and short forms added to CLDR's country names (Babel);
- ``cities``: capitals, major cities and regions with their country;
- ``organisations``: international bodies, institutions and media;
- ``people``: a few well-known people whose surname alone is enough in news,
  and English spellings that transliteration cannot guess (Biden, Trump).
"""
