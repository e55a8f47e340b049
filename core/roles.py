"""Names of the editorial roles and workflow that migration 0003 creates."""

EDITORS_GROUP = "Biên tập viên"
APPROVERS_GROUP = "Người duyệt"
WORKFLOW_NAME = "Duyệt nội dung"
