"""Titles before people's names ("President Anneli Varga") and the tenures of the facts
file's dated roles: `titles` finds the titles, `tenure` says whether one was held."""
