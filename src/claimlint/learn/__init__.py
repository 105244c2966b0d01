"""`claimlint facts learn`: a draft facts file from a desk's own archive.

The map (`evidence.gather`, one article at a time, in any process) keeps what an
article says about people (each spelling of a name, with the titles before it) and
about dated events (an event noun, the names around it, an explicit date); the
reduce (`people`, `events`) counts, per spelling and per event, over the whole run, so
memory grows with the number of people and events, not of articles; `proposal`
writes the draft, every entry with its evidence, for an editor to review.
"""
