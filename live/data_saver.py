"""What a live session costs in mobile data, for the note on the session page.

Audio in the room is Opus at about 40 kbit/s (0.3 MB a minute, both ways); webcams
at BigBlueButton's low quality are 100–250 kbit/s each way per camera shown, so with
a camera or two on screen a minute costs 2 to 5 MB."""

AUDIO_MB_PER_MINUTE = 0.3
VIDEO_MB_PER_MINUTE = (2, 5)


def cost(minutes):
    """{audio MB for the whole session, video low and high MB}, rounded for people."""
    return {
        "audio_minute": AUDIO_MB_PER_MINUTE,
        "video_low_minute": VIDEO_MB_PER_MINUTE[0],
        "video_high_minute": VIDEO_MB_PER_MINUTE[1],
        "audio_total": round(AUDIO_MB_PER_MINUTE * minutes),
        "video_low_total": VIDEO_MB_PER_MINUTE[0] * minutes,
        "video_high_total": VIDEO_MB_PER_MINUTE[1] * minutes,
    }
