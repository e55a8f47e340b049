"""What a demo builder made and what it found already there: every builder counts into one
tally, and the command ends with its one-line summary."""

from dataclasses import dataclass


@dataclass
class Tally:
    created: int = 0
    kept: int = 0

    def count(self, created):
        if created:
            self.created += 1
        else:
            self.kept += 1
