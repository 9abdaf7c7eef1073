"""A course's final assessment: the timed exam drawn from its question bank, the
practical part graded on the course rubric, and the grade band they earn together."""
