"""The notification centre through the API: the list, the unread count and marking
read, with the centre's selectors and service. Another person's notification is not
found."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from notifications import bell, selectors, services
from notifications.models import Notification

from .base import ApiView


class NotificationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    title = serializers.CharField()
    body = serializers.CharField(allow_blank=True)
    url = serializers.CharField(allow_blank=True, help_text="Where the centre opens it.")
    created_at = serializers.DateTimeField()
    read_at = serializers.DateTimeField(allow_null=True)


class UnreadSerializer(serializers.Serializer):
    unread = serializers.IntegerField(
        help_text=f"Unread notifications, counted up to {selectors.BELL_CAP + 1}."
    )
    label = serializers.CharField(help_text=f'What the bell shows: "{selectors.BELL_CAP}+" beyond.')


def unread_state(user):
    unread = selectors.unread_count(user)
    return {"unread": unread, "label": bell.label(unread)}


class MyNotifications(ApiView, generics.ListAPIView):
    """The signed-in person's notification centre, newest first."""

    serializer_class = NotificationSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return selectors.centre_of(self.request.user)


class MyUnreadNotifications(ApiView):
    """The bell's count; unchanged, its ETag answers 304."""

    serializer_class = UnreadSerializer
    permission_classes = [IsAuthenticated]

    def get(self, request):
        return Response(self.get_serializer(unread_state(request.user)).data)


class NotificationRead(ApiView):
    """Marks one notification of the centre read (read already, it stays so)."""

    serializer_class = NotificationSerializer
    permission_classes = [IsAuthenticated]

    @extend_schema(request=None)
    def post(self, request, pk):
        notification = selectors.centre_of(request.user).filter(pk=pk).first()
        if notification is None:
            raise Http404
        services.mark_read(user=request.user, notification_id=notification.pk)
        return Response(self.get_serializer(Notification.objects.get(pk=notification.pk)).data)


class NotificationsAllRead(ApiView):
    """Marks every notification of the centre read."""

    serializer_class = UnreadSerializer
    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, operation_id="me_notifications_read_all")
    def post(self, request):
        services.mark_read(user=request.user)
        return Response(self.get_serializer(unread_state(request.user)).data)
