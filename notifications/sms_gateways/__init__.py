"""Real SMS providers behind notifications.sms.SMSBackend, one module each, and the
registry the delivery-report webhook uses to find a provider by name."""

from .africastalking import AfricasTalkingSMSBackend
from .orange import OrangeSMSBackend
from .twilio import TwilioSMSBackend

GATEWAYS = {
    backend.name: backend
    for backend in (TwilioSMSBackend, OrangeSMSBackend, AfricasTalkingSMSBackend)
}
