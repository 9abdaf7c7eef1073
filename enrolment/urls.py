from django.urls import path

from . import offline_views, review_views, similarity_views, views
from .assessments import views as exam_views
from .motivation import views as motivation_views

app_name = "learning"

urlpatterns = [
    path("", views.my_learning, name="my_learning"),
    path("goal/", motivation_views.set_goal, name="set_goal"),
    path("enrol/<int:course_id>/", views.enrol, name="enrol"),
    path("lesson/<int:lesson_id>/done/", views.mark_done, name="mark_done"),
    path("lesson/<int:lesson_id>/quiz/<str:quiz_id>/", views.quiz, name="quiz"),
    path("lesson/<int:lesson_id>/work/<str:assignment_id>/", views.hand_in, name="hand_in"),
    path("reviews/", views.review_queue, name="review_queue"),
    path("reviews/<int:submission_id>/", views.peer_review, name="peer_review"),
    path("work/<int:submission_id>/", views.my_submission, name="my_submission"),
    path("work/<int:submission_id>/open/", views.open_work, name="open_work"),
    path("photo/<int:photo_id>/", views.submission_photo, name="submission_photo"),
    path("video/<int:video_id>/<slug:part>/", views.submission_video, name="submission_video"),
    path("similar/<int:match_id>/look/", similarity_views.look, name="similarity_look"),
    path("similar/<int:match_id>/photo/", similarity_views.earlier_photo, name="similar_photo"),
    path("course/<int:course_id>/exam/", exam_views.exam, name="exam"),
    path("course/<int:course_id>/exam/start/", exam_views.start, name="exam_start"),
    path("course/<int:course_id>/exam/<int:attempt_id>/", exam_views.hand_in, name="exam_hand_in"),
    path("course/<int:course_id>/review/", review_views.rate, name="rate"),
    path("course/<int:course_id>/review/edit/", review_views.edit, name="edit_review"),
    path("review/<int:review_id>/answer/", review_views.answer, name="answer_review"),
    path("offline/lessons/", offline_views.entitlement, name="offline_entitlement"),
    path("offline/sync/", offline_views.sync, name="offline_sync"),
]
