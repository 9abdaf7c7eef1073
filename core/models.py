"""Infrastructure's own state (no models of features): the counters' drain ledger."""

from django.db import models
from django.utils import timezone


class DrainedCounts(models.Model):
    """A batch of counts (core/counters.py) already written to the apps' tables, in the
    same transaction: draining it again, after a crash before the batch left the
    counter store, writes nothing twice. Kept a day."""

    batch = models.CharField(max_length=200, unique=True)
    drained_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self):
        return self.batch
