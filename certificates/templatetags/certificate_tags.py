"""The "My certificates" box of the account dashboard (certificates and badges)."""

from django import template

from certificates.badges.selectors import valid_badges_for
from certificates.selectors import valid_certificates_for

register = template.Library()


@register.inclusion_tag("certificates/components/dashboard_section.html")
def my_certificates_section(user):
    certificates = list(valid_certificates_for(user=user)[:5])
    badges = list(valid_badges_for(user=user))
    # Clients and instructors who never studied here do not need an empty box.
    return {
        "certificates": certificates,
        "badges": badges,
        "show": bool(certificates or badges) or user.is_student,
    }
