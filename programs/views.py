"""The registry page and its open-data exports, all driven by the same GET filters."""

import csv
import datetime

from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import urlencode

from core import charts
from core.frame_cache import kept, remembered
from core.pagination import KeptWindows, paginate
from programs.forms import RegistryFilterForm
from programs.models import TaskKind, TaskLevel, TaskStatus
from programs.selectors import (
    attach_programs,
    programs_by_path,
    registry_tasks,
    status_counts,
    tasks_by_start_year,
    with_listing_relations,
)

# A colour for each status in the registry's chart (the label beside it says the status in words).
STATUS_COLOURS = {
    "de_xuat": "#55606b",
    "tuyen_chon": "#8a5a00",
    "dang_thuc_hien": "#0b4f8a",
    "chuyen_tiep": "#1f6aa8",
    "nghiem_thu": "#1c7c3c",
    "ban_giao": "#0f5e2d",
    "dung": "#a50d26",
}

TASKS_PER_PAGE = 20
# Cells a spreadsheet would run as a formula; prefixed so they stay text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _filtered(request, registry):
    form = RegistryFilterForm(request.GET, registry=registry)
    filters = form.filters()
    return form, filters, registry_tasks(registry, filters)


def _query_string(request, drop=("page",)):
    kept = [(key, value) for key, value in request.GET.lists() if key not in drop]
    return urlencode([(key, value) for key, values in kept for value in values])


def _summary(registry, filters, tasks):
    """The counts by status and year for `filters`, with their charts, and how many tasks match."""
    counts = status_counts(registry, filters)
    return {
        "matching": tasks.count(),
        # By status for the other filters (the chips choose among them); "matching" is the total.
        "status_counts": counts,
        "status_chart": charts.horizontal_bars(
            counts, title="Số nhiệm vụ theo tình trạng", colours=STATUS_COLOURS
        ),
        "year_chart": charts.columns(
            tasks_by_start_year(tasks), title="Số nhiệm vụ theo năm bắt đầu"
        ),
    }


def registry(request, registry):
    form, filters, tasks = _filtered(request, registry)
    # Tasks are pages: their counts change only with a new frame generation. The registry as it
    # opens, which most readers see, is kept in the shared cache for every process; filter
    # combinations (readers choose them freely) by each process for those asked lately.
    filters_key = urlencode(
        sorted((name, getattr(value, "pk", value)) for name, value in filters.items())
    )
    summary = kept(
        f"registry-summary:{registry.pk}:{filters_key}",
        lambda: _summary(registry, filters, tasks),
        shared=not filters_key,
    )
    programs = remembered(f"registry-programs:{registry.pk}", lambda: programs_by_path(registry))
    rows = KeptWindows(
        with_listing_relations(tasks),
        f"registry-rows:{registry.pk}:{filters_key}",
        prepare=lambda tasks: attach_programs(tasks, programs),
        shared=not filters_key,
    )
    page = paginate(rows, request, per_page=TASKS_PER_PAGE, count=summary["matching"])
    query = _query_string(request)
    context = registry.get_context(request)
    context.update(
        {
            "form": form,
            "filters": filters,
            "tasks": page,
            **summary,
            "extra_query": f"&{query}" if query else "",
            "export_query": _query_string(request, drop=("page", "sort")),
        }
    )
    return TemplateResponse(request, "programs/program_index_page.html", context)


def _rows(request, registry):
    _, filters, tasks = _filtered(request, registry)
    tasks = attach_programs(list(with_listing_relations(tasks)), programs_by_path(registry))
    return filters, tasks


def _iso(value):
    return value.isoformat() if isinstance(value, datetime.date) else None


def task_record(request, task):
    return {
        "ma_so": task.code,
        "ten": task.title,
        "loai": TaskKind(task.kind).label,
        "cap": TaskLevel(task.level).label,
        "linh_vuc": task.field.name if task.field else None,
        "chuong_trinh": task.program.title if task.program else None,
        "to_chuc_chu_tri": task.host_organization.name if task.host_organization else None,
        "chu_nhiem": task.principal_investigator or None,
        "bat_dau": _iso(task.start_date),
        "ket_thuc": _iso(task.end_date),
        "tong_kinh_phi": task.total_budget,
        "kinh_phi_ngan_sach": task.state_budget,
        "tinh_trang": TaskStatus(task.status).label,
        "dia_chi": request.build_absolute_uri(task.get_url(request)),
    }


CSV_HEADERS = {
    "ma_so": "Mã số",
    "ten": "Tên nhiệm vụ",
    "loai": "Loại",
    "cap": "Cấp",
    "linh_vuc": "Lĩnh vực",
    "chuong_trinh": "Chương trình",
    "to_chuc_chu_tri": "Tổ chức chủ trì",
    "chu_nhiem": "Chủ nhiệm",
    "bat_dau": "Bắt đầu",
    "ket_thuc": "Kết thúc",
    "tong_kinh_phi": "Tổng kinh phí (đồng)",
    "kinh_phi_ngan_sach": "Kinh phí ngân sách nhà nước (đồng)",
    "tinh_trang": "Tình trạng",
    "dia_chi": "Địa chỉ trên cổng thông tin",
}


def _spreadsheet_safe(value):
    if value is None:
        return ""
    text = str(value)
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def export_csv(request, registry):
    _, tasks = _rows(request, registry)
    stamp = timezone.localdate().strftime("%Y%m%d")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="nhiem-vu-khcn-{stamp}.csv"'
    response.write("\ufeff")  # Excel reads UTF-8 (and so Vietnamese) only after a BOM
    writer = csv.writer(response)
    writer.writerow(CSV_HEADERS.values())
    for task in tasks:
        record = task_record(request, task)
        writer.writerow(_spreadsheet_safe(record[key]) for key in CSV_HEADERS)
    return response


def export_json(request, registry):
    filters, tasks = _rows(request, registry)
    applied = {name: request.GET.get(name) for name in filters}
    return JsonResponse(
        {
            "nguon": request.build_absolute_uri(registry.get_url(request)),
            "bo_loc": applied,
            "so_luong": len(tasks),
            "nhiem_vu": [task_record(request, task) for task in tasks],
        },
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )
