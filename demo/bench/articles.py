"""Realistic generated news for benchmarks (`manage.py generate_bench_content`, bench/search.py):
titles and bodies in Vietnamese, spread over years, places and subjects of this department's
work, some typed without diacritics as old systems and phones do."""

import datetime
import json
import uuid

from wagtail.models import Page

from articles.models import ArticlePage
from demo.bench.bulk_pages import create_pages
from search.terms import fold

PLACES = [
    "Sơn La",
    "Mộc Châu",
    "Thuận Châu",
    "Mai Sơn",
    "Yên Châu",
    "Phù Yên",
    "Sông Mã",
    "Bắc Yên",
]
SUBJECTS = [
    "đề tài khoa học cấp tỉnh",
    "dự án chuyển giao công nghệ",
    "nhiệm vụ khoa học và công nghệ",
    "chương trình chuyển đổi số",
    "mô hình nông nghiệp công nghệ cao",
    "hệ thống quản lý chất lượng",
    "khóa học bồi dưỡng nghiệp vụ",
    "dự án sở hữu trí tuệ",
    "giống cây trồng bản địa",
    "vùng trồng cà phê",
    "vùng trồng xoài",
    "mô hình trồng dâu tây",
    "cuộc thi khởi nghiệp đổi mới sáng tạo",
    "kế hoạch an toàn bức xạ",
    "tiêu chuẩn đo lường chất lượng",
]
# Rarer subjects, so that some searches match a few hundred pages or fewer, not a third of them.
RARE_SUBJECTS = [("mô hình nuôi cá tầm", 0.01), ("dự án bảo tồn sâm", 0.002)]
ACTIONS = [
    "Nghiệm thu",
    "Hội thảo về",
    "Kiểm tra tiến độ",
    "Tổng kết",
    "Triển khai",
    "Đánh giá kết quả",
    "Phê duyệt",
    "Tập huấn",
]
SENTENCES = [
    "Sở Khoa học và Công nghệ tỉnh {place} đã tổ chức {action} {subject}.",
    "Hội đồng khoa học đánh giá {subject} đạt yêu cầu, đề nghị nhân rộng tại {place}.",
    "Đơn vị chủ trì báo cáo kết quả {subject} trong năm {year}.",
    "Các đại biểu thảo luận giải pháp ứng dụng khoa học công nghệ vào sản xuất.",
    "Lãnh đạo Sở đề nghị các phòng chuyên môn phối hợp chặt chẽ với địa phương.",
    "Kinh phí thực hiện được bố trí từ ngân sách sự nghiệp khoa học của tỉnh.",
    "Người dân {place} tham gia khóa học về kỹ thuật canh tác mới.",
    "Sản phẩm được cấp văn bằng bảo hộ sở hữu trí tuệ và truy xuất nguồn gốc.",
    "Hội thảo thu hút nhiều doanh nghiệp, hợp tác xã và nhà khoa học tham dự.",
    "Kết quả nghiên cứu góp phần nâng cao giá trị nông sản của tỉnh.",
]
AUTHORS = ["Ánh Nguyệt - Tú Hảo", "Minh Đức", "Thu Hà", "Quang Huy"]
# Some editors type without diacritics (old systems, phones): their pages must still be found.
UNACCENTED_SHARE = 0.05
BATCH = 1000


def generate_article(rng, number):
    """One article's texts: title, summary, body (plain text), author, publication date."""
    place, subject, action = rng.choice(PLACES), rng.choice(SUBJECTS), rng.choice(ACTIONS)
    draw = rng.random()
    for rare_subject, share in RARE_SUBJECTS:
        if draw < share:
            subject = rare_subject
            break
        draw -= share
    year = rng.randint(2015, 2026)
    title = f"{action} {subject} tại {place}"
    summary = SENTENCES[0].format(place=place, action=action.lower(), subject=subject, year=year)
    sentences = [
        rng.choice(SENTENCES).format(
            place=rng.choice(PLACES),
            action=rng.choice(ACTIONS).lower(),
            subject=rng.choice(SUBJECTS),
            year=year,
        )
        for _ in range(rng.randint(8, 16))
    ]
    body = " ".join(sentences)
    if rng.random() < UNACCENTED_SHARE:
        title, summary, body = fold(title), fold(summary), fold(body)
    return {
        "title": f"{title} ({number})",
        "summary": summary,
        "body": body,
        "author": rng.choice(AUTHORS),
        "published_on": datetime.date(year, rng.randint(1, 12), rng.randint(1, 28)),
    }


def create_articles(section, count, rng, *, progress=None):
    """`count` live articles under `section`, in batches; `progress(done, batch)` after each
    batch gets the created pages and their generated texts."""
    start = Page.objects.get(pk=section.pk).numchild
    done = 0
    while done < count:
        texts = [
            generate_article(rng, start + done + i + 1) for i in range(min(BATCH, count - done))
        ]
        pages = [
            {
                "title": text["title"],
                "slug": f"bai-{start + done + i + 1}",
                "first_published_at": datetime.datetime.combine(
                    text["published_on"], datetime.time(8), tzinfo=datetime.UTC
                ),
                "summary": text["summary"],
                "published_on": text["published_on"],
                "body": json.dumps(
                    [
                        {
                            "type": "paragraph",
                            "value": f"<p>{text['body']}</p>",
                            "id": str(uuid.uuid4()),
                        }
                    ]
                ),
                "author_line": text["author"],
            }
            for i, text in enumerate(texts)
        ]
        created = create_pages(section, ArticlePage, pages)
        done += len(created)
        if progress:
            progress(done, list(zip(created, texts, strict=True)))
    return done
