"""/api/v1/: the public API, its schema and docs (sign-in is mounted in cms/urls.py)."""

from csp.decorators import csp_update
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import (
    attachment_views,
    booking_views,
    exam_views,
    message_views,
    notification_views,
    order_views,
    practice_views,
    teaching_views,
    views,
    work_file_views,
)

app_name = "api"

v1 = [
    path("courses/", views.CourseList.as_view(), name="courses"),
    path("courses/<int:pk>/", views.CourseDetail.as_view(), name="course"),
    path("curricula/<int:pk>/", views.CurriculumDetail.as_view(), name="curriculum"),
    path("instructors/", views.InstructorList.as_view(), name="instructors"),
    path("professionals/", views.ProfessionalSearch.as_view(), name="professionals"),
    path("professionals/<int:pk>/", views.ProfessionalDetail.as_view(), name="professional"),
    path("services/<int:pk>/slots/", views.ServiceSlots.as_view(), name="service_slots"),
    path("certificates/<str:code>/", views.CertificateCheck.as_view(), name="certificate"),
    path("badges/<str:code>/", views.BadgeCheck.as_view(), name="badge"),
    path("me/", views.MyProfile.as_view(), name="me"),
    path(
        "me/notification-preferences/",
        views.MyNotificationPreferences.as_view(),
        name="my_notification_preferences",
    ),
    path("me/enrolments/", views.MyEnrolments.as_view(), name="my_enrolments"),
    path("me/enrolments/<int:pk>/", views.MyEnrolment.as_view(), name="my_enrolment"),
    path("me/enrolments/<int:pk>/exam/", exam_views.ExamStatus.as_view(), name="exam_status"),
    path(
        "me/enrolments/<int:pk>/exam/attempts/",
        exam_views.ExamStart.as_view(),
        name="exam_start",
    ),
    path("me/exam-attempts/", exam_views.MyExamAttempts.as_view(), name="my_exam_attempts"),
    path(
        "me/exam-attempts/<int:pk>/answers/",
        exam_views.ExamAnswers.as_view(),
        name="exam_answers",
    ),
    path("me/certificates/", views.MyCertificates.as_view(), name="my_certificates"),
    path("me/badges/", views.MyBadges.as_view(), name="my_badges"),
    path("me/conversations/", message_views.MyConversations.as_view(), name="my_conversations"),
    path(
        "me/conversations/<int:pk>/", message_views.MyConversation.as_view(), name="my_conversation"
    ),
    path(
        "me/conversations/<int:pk>/block/",
        message_views.ConversationBlock.as_view(),
        name="conversation_block",
    ),
    path(
        "me/conversations/<int:pk>/unblock/",
        message_views.ConversationUnblock.as_view(),
        name="conversation_unblock",
    ),
    path(
        "me/conversations/<int:pk>/messages/",
        message_views.ConversationMessages.as_view(),
        name="conversation_messages",
    ),
    path(
        "me/conversations/<int:pk>/photos/",
        attachment_views.PhotoUpload.as_view(),
        name="conversation_photos",
    ),
    path(
        "me/conversations/<int:pk>/voice-notes/",
        attachment_views.VoiceUpload.as_view(),
        name="conversation_voice_notes",
    ),
    path(
        "me/conversations/<int:pk>/read/",
        message_views.ConversationRead.as_view(),
        name="conversation_read",
    ),
    path(
        "me/messages/<int:pk>/attachment/",
        attachment_views.MessageAttachment.as_view(),
        name="message_attachment",
    ),
    path(
        "me/messages/<int:pk>/report/",
        message_views.MessageReport.as_view(),
        name="message_report",
    ),
    path(
        "me/notifications/", notification_views.MyNotifications.as_view(), name="my_notifications"
    ),
    path(
        "me/notifications/unread/",
        notification_views.MyUnreadNotifications.as_view(),
        name="my_unread_notifications",
    ),
    path(
        "me/notifications/read/",
        notification_views.NotificationsAllRead.as_view(),
        name="notifications_all_read",
    ),
    path(
        "me/notifications/<int:pk>/read/",
        notification_views.NotificationRead.as_view(),
        name="notification_read",
    ),
    path("me/orders/", order_views.MyOrders.as_view(), name="my_orders"),
    path("me/orders/<str:number>/", order_views.MyOrder.as_view(), name="my_order"),
    path(
        "me/orders/<str:number>/payments/",
        order_views.OrderPayments.as_view(),
        name="order_payments",
    ),
    path("me/payments/<uuid:reference>/", order_views.MyPayment.as_view(), name="my_payment"),
    path("me/bookings/", booking_views.MyBookings.as_view(), name="my_bookings"),
    path("me/bookings/<uuid:reference>/", booking_views.MyBooking.as_view(), name="my_booking"),
    path(
        "me/bookings/<uuid:reference>/deposit/",
        booking_views.BookingDeposit.as_view(),
        name="booking_deposit",
    ),
    path(
        "me/bookings/<uuid:reference>/move/",
        booking_views.BookingMove.as_view(),
        name="booking_move",
    ),
    path(
        "me/bookings/<uuid:reference>/cancel/",
        booking_views.BookingCancel.as_view(),
        name="booking_cancel",
    ),
    path(
        "me/bookings/<uuid:reference>/review/",
        booking_views.BookingReview.as_view(),
        name="booking_review",
    ),
    path("me/work/", practice_views.MyWork.as_view(), name="my_work"),
    path("me/work/<int:pk>/", practice_views.MyWorkItem.as_view(), name="my_work_item"),
    path("work-photos/<int:pk>/", work_file_views.WorkPhoto.as_view(), name="work_photo"),
    path(
        "work-videos/<int:pk>/<str:part>/",
        work_file_views.WorkVideo.as_view(),
        name="work_video",
    ),
    path("lessons/<int:pk>/", views.Lesson.as_view(), name="lesson"),
    path("lessons/<int:pk>/done/", views.LessonDone.as_view(), name="lesson_done"),
    path("lessons/<int:pk>/quiz/", views.LessonQuiz.as_view(), name="lesson_quiz"),
    path("lessons/<int:pk>/work/", practice_views.LessonWork.as_view(), name="lesson_work"),
    path("teaching/courses/", teaching_views.TaughtCourses.as_view(), name="taught_courses"),
    path(
        "teaching/courses/<int:pk>/students/",
        teaching_views.CourseStudents.as_view(),
        name="course_students",
    ),
    path("teaching/work/", teaching_views.WorkToDecide.as_view(), name="work_to_decide"),
    path(
        "teaching/work/<int:pk>/verdict/",
        teaching_views.WorkVerdict.as_view(),
        name="work_verdict",
    ),
    path("schema/", SpectacularAPIView.as_view(api_version="v1"), name="schema"),
    # Swagger UI's page sets its layout in an inline <style> (its script is served apart).
    path(
        "docs/",
        csp_update({"style-src": ["'unsafe-inline'"]})(
            SpectacularSwaggerSplitView.as_view(url_name="api:schema")
        ),
        name="docs",
    ),
]

urlpatterns = [
    path("v1/", include(v1)),
    re_path(r"^", views.NotFound.as_view(), name="not_found"),
]
