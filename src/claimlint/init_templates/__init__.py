"""Files written by `claimlint init`."""
