"""Offline exchange: package files (.jzhpkg), Excel workbooks and CSV, with preview and atomic import.

Typical use::

    incoming = read_package_file(path)        # form checks: zip safety, manifest, checksums
    preview = build_preview(ctx, incoming)    # against the store: new / changed / unchanged / conflicting
    result = commit_import(ctx, preview)      # one transaction, audited as import:<sha256>
"""

from .commit import ImportResult, commit_import
from .package_export import build_package, export_package
from .package_read import read_package, read_package_file
from .preview import Preview, build_preview
from .records import FileRefused, Incoming

__all__ = ["ImportResult", "commit_import", "build_package", "export_package", "read_package",
           "read_package_file", "Preview", "build_preview", "FileRefused", "Incoming"]
