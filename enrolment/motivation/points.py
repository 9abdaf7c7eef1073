"""How many points each thing done earns: finishing and helping others, never views."""

from .models import PointsAward

POINTS = {
    PointsAward.Source.LESSON: 10,
    PointsAward.Source.COURSE: 50,
    PointsAward.Source.PEER_REVIEW: 5,
    PointsAward.Source.COURSE_REVIEW: 5,
}
