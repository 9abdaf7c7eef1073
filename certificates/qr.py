"""QR codes as SVG data URIs: vector, so they print sharp at any size."""

import base64

import qrcode
from qrcode.image.svg import SvgPathImage


def qr_svg_data_uri(text):
    image = qrcode.make(
        text,
        image_factory=SvgPathImage,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=2,
    )
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode()
