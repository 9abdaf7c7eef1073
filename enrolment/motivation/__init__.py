"""Motivation: learning streaks, points for completions and reviews given, weekly goals.

What helps a student finish, never a race between students: there is no public
leaderboard. Enrolment's services tell this package what happened (lesson done, quiz
or practice work handed in, course completed, review given) in their own transaction;
this package imports nothing else of enrolment, so its models can live with enrolment's."""
