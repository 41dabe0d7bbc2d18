"""English: lines the cleaner drops or marks (``newsgraph.lang.Cleaning``)."""

RELATED_PATTERNS = (
    r"^\s*(?:read|see)\s+(?:also|more)\b",
    r"^\s*(?:related(?:\s+(?:articles|stories|news))?|more\s+on\s+this\s+story|recommended)\s*:",
)
BOILERPLATE_PATTERNS = (
    r"^\s*(?:no\s+comments\s+yet|be\s+the\s+first\s+to\s+comment|leave\s+a\s+(?:comment|reply)|add\s+a\s+comment|comments\s*(?:\(\d+\))?\s*$)",
    r"^\s*(?:share(?:\s+this)?(?:\s+(?:article|story))?|print|email\s+this)\s*:?\s*$",
    r"^\s*(?:subscribe|sign\s+up|follow\s+us)\b.{0,120}$",
    r"^\s*(?:photo|image|video)\s*(?:credit)?\s*:\s*\S.{0,80}$",
    r"all\s+rights\s+reserved",
    r"(?:we\s+use|this\s+site\s+uses)\s+cookies",
    r"^\s*(?:log\s*in|sign\s+in|register)\b.{0,60}$",
    r"^\s*(?:advertisement|tags)\s*:?\s*$",
)
MONTHS = {
    m: i
    for i, name in enumerate(
        ["january", "february", "march", "april", "may", "june", "july",
         "august", "september", "october", "november", "december"],
        start=1,
    )
    for m in (name, name[:3])
}
