"""News outlets: the one place that knows a name is a medium ("УНН", "ТАСС",
"INTERFAX.RU"), for quotes (an outlet reporting the story is no speaker) and events
(an outlet is never an actor)."""
from __future__ import annotations

import re
from functools import cache

from .. import lang
from ..model import Entity
from .roles import normalise

#: a site's name as a domain ("INTERFAX.RU", "Obozrevatel.com"): short entity names only.
DOMAIN = re.compile(r"\.(?:com|net|org|ru|ua|info|by|kz|eu|uk)\b", re.IGNORECASE)


@cache
def media_names() -> frozenset[str]:
    """News outlets of every language, normalised: a Ukrainian article cites Russian and English ones."""
    return frozenset(normalise(n) for language in lang.all_languages() for n in language.speech.MEDIA_NAMES)


def is_outlet(entity: Entity, text: str | None = None) -> bool:
    """Whether the entity (or the words naming it here) is a news outlet."""
    media = media_names()
    name = normalise(entity.name)
    return name in media or bool(DOMAIN.search(name)) or (text is not None and normalise(text) in media) \
        or any(normalise(m.text) in media for m in entity.mentions)
