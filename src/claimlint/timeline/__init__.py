"""Timeline checks: dates claimed for events, compared with a facts file and with the
article's own explicit dates. `compare` says whether two dates agree; `claims` finds
which date expression of a sentence speaks about which event."""
