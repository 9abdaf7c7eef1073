"""A pasted credential built to crash the parser (5,000 digits, 2,000 brackets, NaN,
a NUL) is refused with the usual translated message: never a 500."""

import html

import pytest

HOSTILE = {
    "a 5,000-digit integer": '{"id": ' + "9" * 5000 + "}",
    "2,000 nested brackets": "[" * 2000 + "]" * 2000,
    "2,000 nested objects": '{"a":' * 2000 + "1" + "}" * 2000,
    "NaN": '{"id": NaN}',
    "a float beyond range": '{"id": 1e999}',
    "a NUL character": '{"id": "BSA\\u0000"}',
}


@pytest.mark.django_db
@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_credential_is_refused_with_a_message(client, text):
    response = client.post("/fr/verify/credential", {"credential": text})

    assert response.status_code == 400
    assert "ce n'est pas du JSON valide" in html.unescape(response.content.decode())


@pytest.mark.django_db
def test_brackets_inside_a_string_are_not_nesting(client):
    response = client.post(
        "/en/verify/credential", {"credential": '{"name": "' + "[" * 2000 + '"}'}
    )

    assert "not valid JSON" not in response.content.decode()
