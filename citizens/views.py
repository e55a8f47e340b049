"""What the public pages of Hỏi đáp and Góp ý dự thảo show, and what happens to what people
send: stored first, then mailed (a mail server outage loses nothing)."""

import logging
import smtplib

from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.admin.mail import send_mail
from wagtail.documents import get_document_model

from citizens.forms import CommentForm, QuestionFilterForm, QuestionForm, TrackingForm
from citizens.models import (
    ConsultationPage,
    ConsultationStatus,
    Question,
    QuestionPage,
    QuestionStatus,
)
from core.caching import BROWSER_CACHE_SECONDS, PAGE_CACHE_SECONDS
from core.pagination import paginate
from core.public_forms import caught_in_honeypot, over_rate_limit
from core.text import pks_holding

logger = logging.getLogger(__name__)

QUESTIONS_PER_PAGE = 20
RELATED_QUESTIONS = 5


# --- Hỏi đáp ------------------------------------------------------------------------------


def answered_questions(index, filters):
    questions = QuestionPage.objects.readable().child_of(index)
    if query := filters.get("q"):
        questions = questions.filter(pk__in=pks_holding(questions, query, "title"))
    if "sector" in filters:
        questions = questions.filter(sector=filters["sector"])
    if "year" in filters:
        questions = questions.filter(answered_on__year=filters["year"])
    return questions.order_by("-answered_on", "-pk")


def question_index_context(request, index):
    form = QuestionFilterForm(request.GET)
    filters = form.filters()
    questions = answered_questions(index, filters)
    query = urlencode([(key, request.GET[key]) for key in filters])
    return {
        "form": form,
        "filters": filters,
        "questions": paginate(questions, request, per_page=QUESTIONS_PER_PAGE),
        "extra_query": f"&{query}" if query else "",
    }


def question_context(page):
    readable = get_document_model().objects.readable()
    return {
        "related_documents": list(
            readable.filter(pk__in=page.related_documents.values("document_id"))
        ),
        "related_questions": list(
            QuestionPage.objects.readable()
            .sibling_of(page, inclusive=False)
            .filter(sector=page.sector)
            .order_by("-answered_on", "-pk")[:RELATED_QUESTIONS]
        ),
    }


def ask(request, index):
    """The form to ask (GET), and a question sent (POST)."""
    context = index.base_context(request)
    form = QuestionForm(request.POST or None, consent_text=index.consent_text)
    context["form"] = form
    template = "citizens/question_form.html"
    if request.method != "POST":
        return TemplateResponse(request, template, context)
    if refusal := refused_post(request, form, template, context):
        return refusal
    if caught_in_honeypot(form.cleaned_data):
        logger.info("Question form: honeypot filled, question dropped")
        context["question"] = Question(title=form.cleaned_data["title"])
        return TemplateResponse(request, "citizens/question_sent.html", context)
    question = form.save(commit=False)
    question.record_consent(form.consent_text)
    question.save()
    mail_safely(
        _("Sở KH&CN Sơn La đã nhận câu hỏi %(code)s") % {"code": question.tracking_code},
        "citizens/mail/question_received.txt",
        {"question": question, "tracking_url": tracking_url(request, index, question)},
        [question.email],
    )
    if recipients := [a.strip() for a in index.notify_address.split(",") if a.strip()]:
        mail_safely(
            _("Câu hỏi mới trên cổng: %(code)s") % {"code": question.tracking_code},
            "citizens/mail/question_to_staff.txt",
            {"question": question},
            recipients,
        )
    context["question"] = question
    return TemplateResponse(request, "citizens/question_sent.html", context)


def refused_post(request, form, template, context):
    """The form again, with what the reader typed, when they post too often (429; the count is
    shared by every public form) or post something invalid (400); None to go on."""
    if over_rate_limit(request, "citizen-rate"):
        form.is_valid()
        context["rate_limited"] = True
        return TemplateResponse(request, template, context, status=429)
    if not form.is_valid():
        return TemplateResponse(request, template, context, status=400)
    return None


def tracking_url(request, index, question):
    path = (
        index.url
        + index.reverse_subpage("tracking")
        + "?"
        + urlencode({"ma": question.tracking_code})
    )
    return request.build_absolute_uri(path)


def track(request, index):
    """A question's status by its code: its status only, never its content or the asker."""
    context = index.base_context(request)
    form = TrackingForm({"code": request.GET["ma"]} if "ma" in request.GET else None)
    context["form"] = form
    status = 200
    if form.is_bound:
        if over_rate_limit(request, "tracking-rate"):
            context["rate_limited"] = True
            status = 429
        elif form.is_valid():
            question = (
                Question.objects.filter(tracking_code=form.cleaned_data["code"])
                .select_related("answer_page")
                .first()
            )
            context["found"] = question is not None
            if question is not None:
                context["status"] = question.get_status_display()
                page = question.answer_page
                if question.status == QuestionStatus.PUBLISHED and page and page.live:
                    context["answer_url"] = page.url
    response = TemplateResponse(request, "citizens/question_tracking.html", context, status=status)
    add_never_cache_headers(response)  # a status changes; the front cache must not keep it
    return response


# --- Góp ý dự thảo -----------------------------------------------------------------------


OPEN, UPCOMING, CLOSED = 0, 1, 2


def consultation_group(moment):
    """Open, upcoming, or closed and answered: the list's groups, in that order."""
    return Case(
        When(
            Q(opens_at__lte=moment, closes_at__gt=moment, report_published_on__isnull=True),
            then=Value(OPEN),
        ),
        When(opens_at__gt=moment, then=Value(UPCOMING)),
        default=Value(CLOSED),
        output_field=IntegerField(),
    )


def consultation_index_context(request, index):
    """Open drafts first (closing soonest), then upcoming ones, then closed and answered ones
    (newest first): ordered by the database, so that every page of the list follows it."""
    consultations = (
        ConsultationPage.objects.readable()
        .child_of(index)
        .annotate(group=consultation_group(timezone.now()), comment_count=Count("comments"))
        .order_by(
            "group",
            Case(When(group__lt=CLOSED, then="closes_at")).asc(nulls_last=True),
            Case(When(group=CLOSED, then="closes_at")).desc(nulls_last=True),
            "-pk",
        )
    )
    page = paginate(consultations, request, per_page=QUESTIONS_PER_PAGE)
    return {"consultations": page}


def keep_until_next_change(consultation, response):
    """A draft's page says whether comments are taken: caches keep it no longer than until it
    opens or closes (the front cache would otherwise show the button for minutes after)."""
    if response.has_header("Cache-Control"):
        return response  # a view that said for itself (never cached, the comment form's refusal)
    moment = timezone.now()
    change = consultation.next_change_at(moment)
    if change is not None:
        seconds = max(0, int((change - moment).total_seconds()))
        if seconds < PAGE_CACHE_SECONDS:
            patch_cache_control(
                response,
                public=True,
                max_age=min(seconds, BROWSER_CACHE_SECONDS),
                s_maxage=seconds,
            )
    return response


def consultation_context(page):
    readable = get_document_model().objects.readable()
    drafts = list(page.drafts.all())
    documents = readable.in_bulk([draft.document_id for draft in drafts])
    report_document = readable.filter(pk=page.report_document_id).first()
    return {
        "drafts": [
            (d.version, documents[d.document_id]) for d in drafts if d.document_id in documents
        ],
        "report_document": report_document,
        "comment_count": page.comments.count(),
        "status": page.status,
        "statuses": ConsultationStatus,
    }


def comment(request, consultation, consent_text):
    """The comment form while the consultation is open; before and after, a clear refusal from
    the server, whatever was posted."""
    context = consultation.get_context(request)
    template = "citizens/comment_form.html"
    if not consultation.is_open:
        context["refused"] = True
        return TemplateResponse(request, template, context, status=403)
    form = CommentForm(request.POST or None, request.FILES or None, consent_text=consent_text)
    context["form"] = form
    if request.method != "POST":
        return TemplateResponse(request, template, context)
    if refusal := refused_post(request, form, template, context):
        return refusal
    if not caught_in_honeypot(form.cleaned_data):
        draft_comment = form.save(commit=False)
        draft_comment.consultation = consultation
        draft_comment.record_consent(form.consent_text)
        draft_comment.save()
    context["sent"] = True
    return TemplateResponse(request, template, context)


# --- Mail ---------------------------------------------------------------------------------


def mail_safely(subject, template, context, recipients):
    """What people sent is stored before this: a mail outage is logged, not shown to them."""
    recipients = [address for address in recipients if address]
    if not recipients:
        return
    try:
        send_mail(subject, render_to_string(template, context), recipients)
    except (smtplib.SMTPException, OSError, ValueError) as error:
        # The kind of failure only: an SMTP refusal quotes the recipient's address, which must
        # not reach the logs.
        logger.error(
            "Citizens: a notification email failed (%s); what was sent is stored",
            type(error).__name__,
        )


def mail_answer_published(page):
    """The askers of a question learn its answer is online, once: a later correction of a
    published answer mails nobody again."""
    waiting = page.questions.exclude(status=QuestionStatus.PUBLISHED)
    for question in waiting.exclude(email="").filter(erased_at__isnull=True):
        mail_safely(
            _("Câu hỏi %(code)s đã có câu trả lời") % {"code": question.tracking_code},
            "citizens/mail/answer_published.txt",
            {"question": question, "answer_url": page.full_url},
            [question.email],
        )
    waiting.update(status=QuestionStatus.PUBLISHED)
