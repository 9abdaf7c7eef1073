"""The "My certificates" box of the account dashboard."""

from django import template

from certificates.selectors import valid_certificates_for

register = template.Library()


@register.inclusion_tag("certificates/components/dashboard_section.html")
def my_certificates_section(user):
    certificates = list(valid_certificates_for(user=user)[:5])
    # Clients and instructors who never studied here do not need an empty box.
    return {"certificates": certificates, "show": bool(certificates) or user.is_student}
