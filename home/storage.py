"""Where uploaded files live."""

from django.core.files.storage import FileSystemStorage, storages

PARKED_UPLOADS = "wagtail_uploads/"


class MediaStorage(FileSystemStorage):
    """MEDIA_ROOT, which the front server publishes, except for one folder.

    Wagtail's multiple uploader parks a file whose metadata is not yet complete as an
    `UploadedFile` under "wagtail_uploads/" of the default storage: an official document would be
    readable there before anyone filled it in, let alone approved it. Those names are kept in the
    private document storage instead, which no front server serves and which has no address."""

    def path(self, name):
        if is_parked(name):
            return storages["documents"].path(name)
        return super().path(name)

    def _save(self, name, content):
        if is_parked(name):
            return storages["documents"]._save(name, content)
        return super()._save(name, content)

    def url(self, name):
        if is_parked(name):
            raise ValueError("A parked upload has no public address.")
        return super().url(name)


def is_parked(name):
    return bool(name) and name.replace("\\", "/").startswith(PARKED_UPLOADS)
