"""``manage.py backup [--output FOLDER] [--keep-days N]``: database, media, manifest.

See ``home.backup``. Run it from cron (``deploy/cron/site_cms``); ``--keep-days``
deletes the backups of that folder older than that many days once the new one is made.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from home.backup import BackupError, backup, prune


class Command(BaseCommand):
    help = "Back up the database and the media files, with a manifest to check them."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=str(settings.BACKUP_ROOT),
            help="Folder where the backup's folder is made (default: BACKUP_ROOT).",
        )
        parser.add_argument(
            "--keep-days",
            type=int,
            default=None,
            help="Then delete the backups in that folder older than this many days.",
        )

    def handle(self, *args, output, keep_days, **options):
        if keep_days is not None and keep_days < 1:
            raise CommandError(_("--keep-days doit valoir au moins 1."))
        try:
            destination = backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        except OSError as error:
            # An unwritable or full backup disk: say so without a traceback.
            raise CommandError(
                _("Sauvegarde impossible dans %(path)s : %(error)s")
                % {"path": output, "error": error}
            ) from error
        self.stdout.write(_("Sauvegarde écrite dans %(path)s.") % {"path": destination})
        if keep_days is not None:
            for name in prune(output, keep_days):
                self.stdout.write(
                    _("%(name)s supprimée (plus de %(days)s jours).")
                    % {"name": name, "days": keep_days}
                )
