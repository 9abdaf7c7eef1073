from django.urls import path

from . import action_views, updates, views

app_name = "messaging"

urlpatterns = [
    path("", views.conversation_list, name="list"),
    path("new/", views.new_conversation, name="new"),
    path("updates/", updates.updates, name="updates"),
    path("export/", action_views.download_export, name="export"),
    path("<int:conversation_id>/", views.conversation, name="conversation"),
    path("<int:conversation_id>/send/", action_views.send, name="send"),
    path("<int:conversation_id>/read/", action_views.read, name="read"),
    path("<int:conversation_id>/block/", action_views.block, name="block"),
    path("<int:conversation_id>/unblock/", action_views.unblock, name="unblock"),
    path("message/<int:message_id>/report/", action_views.report, name="report"),
    path("message/<int:message_id>/file/", action_views.attachment, name="attachment"),
]
