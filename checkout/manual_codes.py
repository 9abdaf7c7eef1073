"""Payments by code: the student's claim (the operator's transaction id), a moderator's
confirm or reject, and the import of an operator statement. A confirmation pays the
code's Payment through services.apply_status, the same exactly-once path as a
provider's news."""

import csv
import io
import logging
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import services, signals
from .errors import CheckoutError
from .models import ManualPayment, PaymentEvent
from .money import CURRENCY
from .providers import base

logger = logging.getLogger(__name__)

# Operators' ids are letters, digits, dots and dashes (MP240101.1234.A12345, 7845120369).
TRANSACTION_ID = re.compile(r"^[A-Z0-9][A-Z0-9.\-]{3,39}$")
# SQLite refuses more than 999 parameters in older builds: lookups go in batches.
LOOKUP_BATCH = 900
TRANSACTION_ID_COLUMNS = {
    "transaction_id",
    "transaction id",
    "txn id",
    "txnid",
    "id",
    "reference",
    "référence",
    "id transaction",
    "numéro de transaction",
}
AMOUNT_COLUMNS = {"amount", "montant", "credit", "crédit"}


class ManualCodeError(CheckoutError):
    pass


def enabled():
    return "manual" in settings.CHECKOUT_PROVIDERS


def merchant_number():
    return getattr(settings, "CHECKOUT_MANUAL_MERCHANT_NUMBER", "")


def normalise_transaction_id(value):
    """The id as the operator prints it, upper case without spaces, or ManualCodeError."""
    cleaned = re.sub(r"\s+", "", value or "").upper()
    if not TRANSACTION_ID.match(cleaned):
        raise ManualCodeError(
            _("Type the transaction id from the operator's SMS (letters and digits).")
        )
    return cleaned


def claim(*, manual, user, transaction_id, payer_phone=""):
    """The student paid by USSD and gives the operator's transaction id. The code must
    be theirs, unused and not expired; the id must never have been claimed before."""
    transaction_id = normalise_transaction_id(transaction_id)
    try:
        with transaction.atomic():
            current = ManualPayment.objects.select_for_update().get(pk=manual.pk)
            if current.order.user_id != user.pk:
                raise ManualCodeError(_("This code is not yours."))
            if current.state != ManualPayment.State.ISSUED:
                raise ManualCodeError(_("This code has already been used."))
            if current.expires_at <= timezone.now():
                raise ManualCodeError(
                    _("This code has expired. Go back to the course to get a new one.")
                )
            if ManualPayment.objects.filter(transaction_id=transaction_id).exists():
                raise ManualCodeError(_("This transaction id has already been claimed."))
            current.transaction_id = transaction_id
            current.payer_phone = (payer_phone or "")[:16]
            current.state = ManualPayment.State.CLAIMED
            current.claimed_at = timezone.now()
            current.save(update_fields=["transaction_id", "payer_phone", "state", "claimed_at"])
            signals.manual_claim_made.send(sender=ManualPayment, manual_id=current.pk)
    except IntegrityError as error:  # the same id claimed at the same moment
        raise ManualCodeError(_("This transaction id has already been claimed.")) from error
    return current


def confirm(*, manual, by, source=PaymentEvent.Source.STAFF):
    """Staff saw the money arrive: the claim is confirmed and its payment paid, once."""
    with transaction.atomic():
        current = (
            ManualPayment.objects.select_for_update().select_related("payment").get(pk=manual.pk)
        )
        if current.state != ManualPayment.State.CLAIMED:
            raise ManualCodeError(_("Only a claim waiting for confirmation can be confirmed."))
        current.state = ManualPayment.State.CONFIRMED
        current.decided_by, current.decided_at = by, timezone.now()
        current.save(update_fields=["state", "decided_by", "decided_at"])
        services.apply_status(
            payment_id=current.payment_id,
            result=base.StatusResult(
                status=base.PAID,
                provider_reference=current.code,
                amount_xaf=current.payment.amount_xaf,
                currency=CURRENCY,
                raw={"code": current.code, "transaction_id": current.transaction_id},
            ),
            source=source,
        )
    return current


def reject(*, manual, by, reason):
    """No such transfer arrived: the claim is rejected with a reason the student sees;
    the transaction id stays taken."""
    reason = (reason or "").strip()
    if not reason:
        raise ManualCodeError(_("Say why the claim is rejected."))
    with transaction.atomic():
        current = ManualPayment.objects.select_for_update().get(pk=manual.pk)
        if current.state != ManualPayment.State.CLAIMED:
            raise ManualCodeError(_("Only a claim waiting for confirmation can be rejected."))
        current.state = ManualPayment.State.REJECTED
        current.decided_by, current.decided_at = by, timezone.now()
        current.reject_reason = reason[:255]
        current.save(update_fields=["state", "decided_by", "decided_at", "reject_reason"])
        services.apply_status(
            payment_id=current.payment_id,
            result=base.StatusResult(
                status=base.FAILED,
                provider_reference=current.code,
                reason=f"rejected: {reason}"[:255],
                raw={"code": current.code, "transaction_id": current.transaction_id},
            ),
            source=PaymentEvent.Source.STAFF,
        )
        signals.manual_claim_rejected.send(sender=ManualPayment, manual_id=current.pk)
    return current


# --- Operator statements ----------------------------------------------------------------


@dataclass
class StatementLine:
    number: int  # line in the file, header = 1
    transaction_id: str
    amount_xaf: int


@dataclass
class ImportReport:
    matched: list = field(default_factory=list)  # (line, ManualPayment) confirmed now
    unmatched: list = field(default_factory=list)  # lines nobody claimed
    already_claimed: list = field(default_factory=list)  # (line, ManualPayment) decided before
    amount_mismatch: list = field(default_factory=list)  # (line, ManualPayment) not confirmed
    errors: list = field(default_factory=list)  # (line number, message)


def read_statement(data):
    """The lines of an operator statement (CSV bytes or text, comma or semicolon, with a
    header naming the transaction id and amount columns), and the unreadable ones."""
    text = data.decode("utf-8-sig", errors="replace") if isinstance(data, bytes) else data
    sample = text[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [name.strip().lower() for name in next(reader, [])]
    id_column = next((i for i, name in enumerate(header) if name in TRANSACTION_ID_COLUMNS), None)
    amount_column = next((i for i, name in enumerate(header) if name in AMOUNT_COLUMNS), None)
    if id_column is None or amount_column is None:
        raise ManualCodeError(
            _("The statement needs a header with a transaction id column and an amount column.")
        )
    lines, errors = [], []
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        try:
            transaction_id = normalise_transaction_id(row[id_column])
            amount = int(re.sub(r"[\s\u00a0\u202f]", "", row[amount_column]).split(".")[0])
        except (IndexError, ValueError, ManualCodeError):
            errors.append((number, _("Unreadable line: no transaction id or amount.")))
            continue
        lines.append(StatementLine(number, transaction_id, amount))
    return lines, errors


def import_statement(*, data, by):
    """Confirm every claim the statement shows paid in full; report the rest. A line
    whose amount differs from the order's confirms nothing. The claims are looked up in
    batches, not line by line."""
    lines, errors = read_statement(data)
    claims = {}
    ids = [line.transaction_id for line in lines]
    for start in range(0, len(ids), LOOKUP_BATCH):
        batch = ids[start : start + LOOKUP_BATCH]
        for manual in ManualPayment.objects.filter(transaction_id__in=batch).select_related(
            "payment"
        ):
            claims[manual.transaction_id] = manual
    report = ImportReport(errors=errors)
    seen = set()
    for line in lines:
        manual = claims.get(line.transaction_id)
        if manual is None:
            report.unmatched.append(line)
        elif line.transaction_id in seen or manual.state != ManualPayment.State.CLAIMED:
            report.already_claimed.append((line, manual))
        elif line.amount_xaf != manual.payment.amount_xaf:
            report.amount_mismatch.append((line, manual))
        else:
            try:
                confirm(manual=manual, by=by, source=PaymentEvent.Source.STATEMENT)
            except ManualCodeError:  # decided by a moderator meanwhile
                report.already_claimed.append((line, manual))
            else:
                report.matched.append((line, manual))
        seen.add(line.transaction_id)
    logger.info(
        "Statement imported by %s: %d matched, %d unmatched, %d already claimed, "
        "%d amount mismatches, %d unreadable",
        by.pk,
        len(report.matched),
        len(report.unmatched),
        len(report.already_claimed),
        len(report.amount_mismatch),
        len(report.errors),
    )
    return report
