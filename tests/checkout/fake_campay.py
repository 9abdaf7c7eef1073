"""A small fake of the Campay API (token, collect, transaction status, withdraw,
history) for the Campay backend's tests: real HTTP on 127.0.0.1, state in memory, every
request recorded, faults on demand, and the signed webhook Campay would send.

Payer numbers (ours, Campay publishes its demo numbers per account):
    237650000001  FAILED at the first status check (the payer refused)
    237650000002  approves `approve_after` seconds (180) after the prompt, by `clock()`
    237650000003  PENDING for ever
    237650000009  collect itself is refused: 400 "Invalid phone number"
    any other     SUCCESSFUL at the first status check
Withdrawals end in `withdraw_outcome` (SUCCESSFUL by default) at once; `withdrawals()`
lists the money actually sent, whatever answers got lost. Faults as in
fake_provider_server, plus LOST_ANSWER (done, then a 504: the answer is lost).
"""

import time
import uuid
from datetime import date

import jwt

from ..fake_provider_server import SERVER_ERROR as SERVER_ERROR
from ..fake_provider_server import FakeProviderServer, json_object

USERNAME = "fake-campay-app-username"
PASSWORD = "fake-campay-app-password"
WEBHOOK_KEY = "fake-campay-webhook-key"

REFUSES = "237650000001"
APPROVES_LATE = "237650000002"
NEVER_ANSWERS = "237650000003"
INVALID_NUMBER = "237650000009"

LOST_ANSWER = "lost answer"


class FakeCampay(FakeProviderServer):
    SERVER_ERROR_ANSWER = {"message": "Server error"}
    NOT_FOUND_ANSWER = {"message": "Not found"}

    def __init__(self):
        super().__init__()
        self.token_lifetime = 3600
        self.approve_after = 180
        self.clock = time.time  # seconds; tests moving the site's clock move this too
        self.withdraw_outcome = "SUCCESSFUL"
        self.transactions = {}  # Campay reference -> transaction
        self._tokens = {}

    # --- Controls and records -------------------------------------------------------------

    def answer(self, method, path, headers, body):
        answer = super().answer(method, path, headers, body)
        if self.fault_for(path) == LOST_ANSWER:
            return 504, {"message": "Gateway timeout"}
        return answer

    def withdrawals(self):
        """Withdrawals Campay actually made (money sent), whatever answers got lost."""
        with self._lock:
            return [
                t
                for t in self.transactions.values()
                if t["kind"] == "withdraw" and t["status"] == "SUCCESSFUL"
            ]

    def collections(self):
        with self._lock:
            return [t for t in self.transactions.values() if t["kind"] == "collect"]

    def webhook_query(self, reference, *, key=WEBHOOK_KEY, **changes):
        """The query parameters Campay sends to the app's webhook for a transaction,
        signed with `key` (the app's webhook key unless a forger's)."""
        with self._lock:
            transaction = dict(self._settle(self.transactions[reference]))
        params = {
            "status": transaction["status"],
            "reference": reference,
            "amount": str(transaction["amount"]),
            "currency": "XAF",
            "operator": transaction["operator"],
            "code": transaction["code"],
            "operator_reference": transaction.get("operator_reference") or "",
            "external_reference": transaction["external_reference"],
            "endpoint": "/collect",
            **changes,
        }
        params["signature"] = jwt.encode({"reference": reference}, key, algorithm="HS256")
        return params

    # --- Answers ----------------------------------------------------------------------

    def _token(self, headers, body):
        data = json_object(body)
        if (data.get("username"), data.get("password")) != (USERNAME, PASSWORD):
            return 400, {"non_field_errors": ["Unable to log in with provided credentials."]}
        token = uuid.uuid4().hex
        self._tokens[token] = time.monotonic() + self.token_lifetime
        return 200, {"token": token, "expires_in": self.token_lifetime}

    def _refused(self, headers):
        kind, _, token = headers.get("Authorization", "").partition(" ")
        expiry = self._tokens.get(token) if kind == "Token" else None
        if expiry is None or expiry <= time.monotonic():
            return 401, {"detail": "Invalid token."}
        return None

    def _collect(self, headers, body):
        refused = self._refused(headers)
        if refused:
            return refused
        data = json_object(body)
        payer = str(data.get("from", ""))
        amount = data.get("amount")
        if not (isinstance(amount, str) and amount.isdigit() and int(amount) > 0):
            return 400, {"message": "Invalid amount", "error_code": "ER102"}
        if data.get("currency") != "XAF":
            return 400, {"message": "Invalid currency", "error_code": "ER103"}
        if not (len(payer) == 12 and payer.isdigit() and payer.startswith("237")):
            return 400, {"message": "Invalid phone number", "error_code": "ER101"}
        if payer == INVALID_NUMBER:
            return 400, {"message": "Invalid phone number", "error_code": "ER101"}
        reference = str(uuid.uuid4())
        operator = "ORANGE" if payer[3:5] in ("69", "65") else "MTN"
        self.transactions[reference] = {
            "kind": "collect",
            "reference": reference,
            "status": "PENDING",
            "amount": int(amount),
            "operator": operator,
            "code": f"CP{uuid.uuid4().hex[:10].upper()}",
            "operator_reference": None,
            "external_reference": data.get("external_reference", ""),
            "description": data.get("description", ""),
            "phone_number": payer,
            "created": self.clock(),
            "status_calls": 0,
        }
        return 200, {"reference": reference, "ussd_code": "*126#", "operator": operator}

    def _settle(self, transaction):
        """A pending collection's outcome, as the payer's phone decides it."""
        if transaction["kind"] != "collect" or transaction["status"] != "PENDING":
            return transaction
        payer = transaction["phone_number"]
        if payer == REFUSES:
            transaction["status"] = "FAILED"
        elif payer == APPROVES_LATE:
            if self.clock() - transaction["created"] >= self.approve_after:
                transaction["status"] = "SUCCESSFUL"
        elif payer != NEVER_ANSWERS:
            transaction["status"] = "SUCCESSFUL"
        if transaction["status"] == "SUCCESSFUL":
            transaction["operator_reference"] = str(uuid.uuid4().int)[:10]
        return transaction

    def _transaction(self, headers, body, reference):
        refused = self._refused(headers)
        if refused:
            return refused
        transaction = self.transactions.get(reference)
        if transaction is None:
            return 404, {"message": "Transaction not found"}
        transaction["status_calls"] += 1
        return 200, _public(self._settle(transaction))

    def _withdraw(self, headers, body):
        refused = self._refused(headers)
        if refused:
            return refused
        data = json_object(body)
        to, amount = str(data.get("to", "")), data.get("amount")
        if not (isinstance(amount, str) and amount.isdigit() and int(amount) > 0):
            return 400, {"message": "Invalid amount", "error_code": "ER102"}
        if not (len(to) == 12 and to.isdigit()):
            return 400, {"message": "Invalid phone number", "error_code": "ER101"}
        reference = str(uuid.uuid4())
        self.transactions[reference] = {
            "kind": "withdraw",
            "reference": reference,
            "status": self.withdraw_outcome,
            "amount": int(amount),
            "operator": "MTN",
            "code": f"CP{uuid.uuid4().hex[:10].upper()}",
            "operator_reference": str(uuid.uuid4().int)[:10],
            "external_reference": data.get("external_reference", ""),
            "description": data.get("description", ""),
            "phone_number": to,
            "created": self.clock(),
            "status_calls": 0,
        }
        return 200, {"reference": reference}

    def _history(self, headers, body):
        refused = self._refused(headers)
        if refused:
            return refused
        data = json_object(body)
        try:
            date.fromisoformat(data.get("start_date", ""))
            date.fromisoformat(data.get("end_date", ""))
        except (TypeError, ValueError):
            return 400, {"message": "start_date and end_date: YYYY-MM-DD"}
        return 200, {
            "data": [
                {
                    "datetime": "",
                    "code": t["code"],
                    "operator_tx_code": t["operator_reference"],
                    "operator": t["operator"],
                    "phone_number": t["phone_number"],
                    "description": t["description"],
                    "amount": t["amount"],
                    "status": t["status"],
                    "reference_uuid": t["reference"],
                }
                for t in self.transactions.values()
            ]
        }


def _public(transaction):
    answer = {
        key: transaction[key]
        for key in (
            "reference",
            "status",
            "amount",
            "operator",
            "code",
            "operator_reference",
            "external_reference",
            "description",
        )
    }
    answer["currency"] = "XAF"
    if transaction["status"] == "FAILED":
        answer["reason"] = "Payer refused"
    return answer


FakeCampay.ROUTES = [
    (r"/api/token/", "POST", FakeCampay._token),
    (r"/api/collect/", "POST", FakeCampay._collect),
    (r"/api/transaction/([^/]+)/", "GET", FakeCampay._transaction),
    (r"/api/withdraw/", "POST", FakeCampay._withdraw),
    (r"/api/history/", "POST", FakeCampay._history),
]
