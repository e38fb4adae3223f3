"""Import of merchants from a CSV or JSON file (``manage.py import_merchants``).

Three steps, so that a bad file never leaves the directory half imported: read the
whole file (``files``), validate every row and collect every error (``validation``),
then, only if there is none, write everything in one transaction (``writer``).
"""

from .files import MAX_FILE_SIZE, ImportFileError, read_file
from .validation import MerchantRecord, RowError, RowValidator
from .writer import ImportResult, existing_merchants, write_records

__all__ = [
    "MAX_FILE_SIZE",
    "ImportFileError",
    "ImportResult",
    "MerchantRecord",
    "RowError",
    "RowValidator",
    "existing_merchants",
    "read_file",
    "write_records",
]
