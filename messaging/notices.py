"""What happens for the recipients of a new message beyond their open pages: a
notification (in-site centre, push when the site is closed, e-mail per their
preferences). Called once per message, after the commit."""


def tell_recipients(message):
    """Tell the other people in the conversation that `message` arrived."""
    # wired to notifications.notify at merge
    return None
