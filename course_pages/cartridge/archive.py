"""Reading an uploaded cartridge safely: a zip within bounds, names inside the package.

Every check runs before anything is stored, so a refused archive leaves no trace. The
sizes a zip declares are not trusted: each entry is read with a counter."""

import stat
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.utils.translation import gettext as _

from .errors import CartridgeError

MANIFEST = "imsmanifest.xml"
# Small text files of one repeated character compress a hundredfold too: a bomb needs size.
RATIO_FROM_BYTES = 1_000_000


@dataclass(frozen=True)
class Limits:
    archive_bytes: int
    entries: int
    total_bytes: int
    entry_ratio: int


def limits():
    """The bounds, from settings (CARTRIDGE_*) so a site can raise them."""
    return Limits(
        archive_bytes=int(settings.CARTRIDGE_MAX_ARCHIVE_MB * 1_000_000),
        entries=settings.CARTRIDGE_MAX_ENTRIES,
        total_bytes=int(settings.CARTRIDGE_MAX_UNCOMPRESSED_MB * 1_000_000),
        entry_ratio=settings.CARTRIDGE_MAX_COMPRESSION_RATIO,
    )


def _megabytes(count):
    return f"{count / 1_000_000:g}"


class Cartridge:
    """An opened, checked archive. `read(name)` gives an entry's bytes, or None."""

    def __init__(self, zip_file, names, bound):
        self._zip = zip_file
        self._names = names
        self._bound = bound
        self._read_total = 0

    def read(self, name):
        name = normalise(name)
        info = self._names.get(name)
        if info is None:
            return None
        bound = self._bound
        data = bytearray()
        with self._zip.open(info) as entry:
            while chunk := entry.read(65536):
                data.extend(chunk)
                self._read_total += len(chunk)
                if len(data) > info.file_size or self._read_total > bound.total_bytes:
                    raise CartridgeError(too_big_message(bound))
        return bytes(data)

    def close(self):
        self._zip.close()


def too_big_message(bound):
    return _("This archive expands to more than %(size)s MB, the most a cartridge may hold.") % {
        "size": _megabytes(bound.total_bytes)
    }


def normalise(name):
    """A path inside the package as the manifest writes it, relative and with '/';
    empty for a path that climbs out of the package."""
    parts = list(PurePosixPath((name or "").replace("\\", "/")).parts)
    parts = [part for part in parts if part not in ("/", ".")]
    return "" if ".." in parts else "/".join(parts)


def open_cartridge(upload):
    """Check `upload` (a file object) and return a Cartridge, or raise CartridgeError."""
    bound = limits()
    upload.seek(0, 2)
    size = upload.tell()
    upload.seek(0)
    if size > bound.archive_bytes:
        raise CartridgeError(
            _("This file weighs more than %(size)s MB, the most a cartridge may weigh.")
            % {"size": _megabytes(bound.archive_bytes)}
        )
    if not zipfile.is_zipfile(upload):
        raise CartridgeError(
            _("This file is not a Common Cartridge: a .imscc file is a zip archive.")
        )
    upload.seek(0)
    try:
        zip_file = zipfile.ZipFile(upload)
        infos = zip_file.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise CartridgeError(_("This zip archive is damaged and cannot be read.")) from error
    if len(infos) > bound.entries:
        raise CartridgeError(
            _("This archive holds %(count)s files; a cartridge may hold at most %(limit)s.")
            % {"count": len(infos), "limit": bound.entries}
        )
    names = {}
    total = 0
    for info in infos:
        _check_name(info)
        if info.is_dir():
            continue
        total += info.file_size
        if total > bound.total_bytes:
            raise CartridgeError(too_big_message(bound))
        if (
            info.file_size > RATIO_FROM_BYTES
            and info.file_size / max(info.compress_size, 1) > bound.entry_ratio
        ):
            raise CartridgeError(
                _(
                    "The file “%(name)s” is compressed more than %(ratio)s times: refused as a zip bomb."
                )
                % {"name": info.filename, "ratio": bound.entry_ratio}
            )
        if info.flag_bits & 0x1:
            raise CartridgeError(_("This archive is protected by a password."))
        names[normalise(info.filename)] = info
    if MANIFEST not in names:
        raise CartridgeError(
            _("This archive has no imsmanifest.xml at its top: it is not a Common Cartridge.")
        )
    return Cartridge(zip_file, names, bound)


def _check_name(info):
    name = info.filename.replace("\\", "/")
    parts = PurePosixPath(name).parts
    if name.startswith("/") or (len(name) > 1 and name[1] == ":") or ".." in parts:
        raise CartridgeError(
            _("The archive names a file outside itself (“%(name)s”): refused.")
            % {"name": info.filename}
        )
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise CartridgeError(
            _("The archive holds a symbolic link (“%(name)s”): refused.") % {"name": info.filename}
        )
