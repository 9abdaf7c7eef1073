"""Who is told what about study groups (a request to approve, an answer, a group handed
over). Called after the change is stored; the notification centre does the telling."""


def join_requested(membership):
    """Tell the group's owner that someone asks to join."""
    # wired to notifications.notify at merge
    return None


def request_approved(membership):
    """Tell the person her request was approved."""
    # wired to notifications.notify at merge
    return None


def request_declined(membership):
    """Tell the person her request was declined."""
    # wired to notifications.notify at merge
    return None


def ownership_received(group):
    """Tell the new owner the group is hers."""
    # wired to notifications.notify at merge
    return None
