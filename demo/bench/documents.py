"""Generated documents for benchmarks (`manage.py generate_bench_content --documents N`): rows of
the document library that share one small PDF file, indexed for search."""

import datetime
import hashlib

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.search.backends import get_search_backend

from home.models import DocumentReview, DocumentType

BATCH = 1000
ISSUERS = ["UBND tỉnh Sơn La", "Sở Khoa học và Công nghệ", "Bộ Khoa học và Công nghệ"]
SUBJECTS = [
    "kế hoạch ứng dụng khoa học và công nghệ",
    "quy định quản lý nhiệm vụ khoa học cấp tỉnh",
    "danh mục đặt hàng nhiệm vụ khoa học",
    "chương trình phát triển tài sản trí tuệ",
    "hướng dẫn kiểm tra đo lường chất lượng",
]
# The smallest file a PDF reader opens: benchmarks measure the library, not downloads.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def create_documents(count, rng, *, progress=None):
    """`count` documents in the root collection, in batches; `progress(done)` after each."""
    document_model = get_document_model()
    shared = document_model(title="Tệp dùng chung cho dữ liệu thử tải")
    shared.file.save("du-lieu-thu-tai.pdf", ContentFile(PDF), save=False)
    collection = Collection.get_first_root_node()
    done = 0
    while done < count:
        documents = []
        for number in range(done + 1, done + 1 + min(BATCH, count - done)):
            year = rng.randint(2015, 2026)
            subject = rng.choice(SUBJECTS)
            documents.append(
                document_model(
                    title=f"Quyết định ban hành {subject} ({number})",
                    file=shared.file.name,
                    file_size=len(PDF),
                    file_hash=hashlib.sha1(PDF).hexdigest(),  # noqa: S324 (Wagtail's own choice)
                    collection=collection,
                    number=f"{number}/QĐ-UBND",
                    document_type=DocumentType.OTHER,
                    issued_on=datetime.date(year, rng.randint(1, 12), rng.randint(1, 28)),
                    issuer=rng.choice(ISSUERS),
                    summary=f"Về việc ban hành {subject} năm {year}.",
                    review_status=DocumentReview.APPROVED,
                )
            )
        created = document_model.objects.bulk_create(documents)
        get_search_backend().add_bulk(document_model, created)
        done += len(created)
        if progress:
            progress(done)
    return done
