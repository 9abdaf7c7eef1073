"""Follows: following an instructor, a professional or a member, the activity the people
followed record (community.follows.activity.record), the "following" feed and the
notifications their followers receive."""
