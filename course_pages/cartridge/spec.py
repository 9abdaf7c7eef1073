"""Names from the IMS Common Cartridge specifications: namespaces, resource types and the
QTI profiles of the questions our quizzes hold. What we write is CC 1.3; what we read
is 1.1 to 1.3 (the same shapes, a version in each name)."""

import re

VERSION = "1.3.0"
CP = "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1"
LOM_MANIFEST = "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest"
LOM_RESOURCE = "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/resource"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
DISCUSSION = "http://www.imsglobal.org/xsd/imsccv1p3/imsdt_v1p3"
WEBLINK = "http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3"
PROFILE = "http://www.imsglobal.org/profile/cc/ccv1p3"
SCHEMA_LOCATIONS = " ".join(
    [
        CP,
        f"{PROFILE}/ccv1p3_imscp_v1p2_v1p0.xsd",
        LOM_MANIFEST,
        f"{PROFILE}/LOM/ccv1p3_lommanifest_v1p0.xsd",
        LOM_RESOURCE,
        f"{PROFILE}/LOM/ccv1p3_lomresource_v1p0.xsd",
    ]
)

WEBCONTENT = "webcontent"
ASSESSMENT = "imsqti_xmlv1p2/imscc_xmlv1p3/assessment"
DISCUSSION_TOPIC = "imsdt_xmlv1p3"
WEB_LINK = "imswl_xmlv1p3"

READ_VERSIONS = ("1.1", "1.2", "1.3")
# The same kinds in every version we read.
ASSESSMENT_TYPE = re.compile(r"^imsqti_xmlv1p2/imscc_xmlv1p[1-3]/assessment$")
DISCUSSION_TYPE = re.compile(r"^imsdt_xmlv1p[1-3]$")
WEB_LINK_TYPE = re.compile(r"^imswl_xmlv1p[1-3]$")
# Files other resources lean on (Canvas keeps its course settings there): no item of
# their own, nothing to report.
ASSOCIATED_TYPE = re.compile(r"^associatedcontent/imscc_xmlv1p[1-3]/learning-application-resource$")

MULTIPLE_CHOICE = "cc.multiple_choice.v0p1"
MULTIPLE_RESPONSE = "cc.multiple_response.v0p1"
TRUE_FALSE = "cc.true_false.v0p1"
# Canvas writes its own names beside (or instead of) the CC profile.
QUESTION_KINDS = {
    MULTIPLE_CHOICE: "single",
    TRUE_FALSE: "single",
    MULTIPLE_RESPONSE: "multiple",
    "multiple_choice_question": "single",
    "true_false_question": "single",
    "multiple_answers_question": "multiple",
}


def local(tag):
    """An element's name without its namespace: manifests of 1.1 to 1.3 read alike."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
