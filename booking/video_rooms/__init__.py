"""Video rooms of online consultations: JaaS when its tenant, key id and private key
are set, else a self-hosted Jitsi when its domain, app id and secret are, else the
sandbox room page that stands in for video in `make run`, the demo and tests."""

from django.conf import settings

from .base import CallPass, VideoRooms, new_room_name

__all__ = ["CallPass", "VideoRooms", "new_room_name", "video_rooms"]


def video_rooms():
    if (
        settings.JITSI_JAAS_TENANT
        and settings.JITSI_JAAS_KEY_ID
        and settings.JITSI_JAAS_PRIVATE_KEY
    ):
        from .jitsi import JaasRooms

        return JaasRooms(
            tenant=settings.JITSI_JAAS_TENANT,
            key_id=settings.JITSI_JAAS_KEY_ID,
            private_key=settings.JITSI_JAAS_PRIVATE_KEY,
            url=settings.JITSI_JAAS_URL,
        )
    if settings.JITSI_DOMAIN and settings.JITSI_APP_ID and settings.JITSI_APP_SECRET:
        from .jitsi import JitsiRooms

        return JitsiRooms(
            domain=settings.JITSI_DOMAIN,
            app_id=settings.JITSI_APP_ID,
            secret=settings.JITSI_APP_SECRET,
            url=settings.JITSI_URL,
        )
    from .sandbox import SandboxRooms

    return SandboxRooms()
