"""``manage.py restore FOLDER``: load a backup into an empty database and media folder,
then check every table and media file against the backup's manifest (``home.backup``).

Point ``DATABASE_URL`` at an empty database (PostgreSQL: ``createdb``; SQLite: a new
file) and ``MEDIA_ROOT`` at an empty folder. Fails, saying what differs, unless the
restored site has exactly what was backed up.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from home.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup` and check it against its manifest."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="The backup's folder (site_cms-YYYYmmdd-HHMMSS).")
        parser.add_argument(
            "--into-existing",
            action="store_true",
            help="Do not refuse a database or media folder that is not empty.",
        )

    def handle(self, *args, folder, into_existing, **options):
        try:
            check = restore(folder, into_existing=into_existing)
        except BackupError as error:
            raise CommandError(str(error)) from error
        except OSError as error:
            # An unreadable backup or an unwritable media folder: no traceback.
            raise CommandError(
                _("Restauration impossible : %(error)s") % {"error": error}
            ) from error
        if check.differences:
            for difference in check.differences:
                self.stderr.write(difference)
            raise CommandError(
                ngettext(
                    "Le site restauré diffère de la sauvegarde en %(count)s endroit.",
                    "Le site restauré diffère de la sauvegarde en %(count)s endroits.",
                    len(check.differences),
                )
                % {"count": len(check.differences)}
            )
        self.stdout.write(
            _(
                "Restauré et vérifié : %(tables)s tables, %(rows)s lignes, %(files)s fichiers "
                "de médias, comme dans le manifeste."
            )
            % {"tables": check.tables, "rows": check.rows, "files": check.media_files}
        )
