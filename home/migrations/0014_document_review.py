"""Documents wait for an approver before readers see them. Documents already on a site were
public: they start approved, new ones start waiting. Approvers get the permission to approve."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from core.role_permissions import grant_to_editorial_groups, revoke_from_editorial_groups
from core.roles import APPROVERS_GROUP


def grant(apps, schema_editor):
    grant_to_editorial_groups(apps, "home", ["approve_sitedocument"], groups=[APPROVERS_GROUP])


def revoke(apps, schema_editor):
    revoke_from_editorial_groups(apps, "home", ["approve_sitedocument"], groups=[APPROVERS_GROUP])


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0013_translation_permissions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='sitedocument',
            options={'permissions': [('approve_sitedocument', 'Có thể duyệt văn bản để công bố')], 'verbose_name': 'tài liệu', 'verbose_name_plural': 'tài liệu'},
        ),
        migrations.AddField(
            model_name='sitedocument',
            name='review_comment',
            field=models.TextField(blank=True, editable=False, verbose_name='ý kiến của người duyệt'),
        ),
        migrations.AddField(
            model_name='sitedocument',
            name='review_status',
            field=models.CharField(choices=[('cho_duyet', 'Chờ duyệt'), ('da_duyet', 'Đã duyệt'), ('tra_lai', 'Trả lại để sửa')], db_index=True, default='da_duyet', editable=False, max_length=10, verbose_name='tình trạng duyệt'),
        ),
        migrations.AlterField(
            model_name='sitedocument',
            name='review_status',
            field=models.CharField(choices=[('cho_duyet', 'Chờ duyệt'), ('da_duyet', 'Đã duyệt'), ('tra_lai', 'Trả lại để sửa')], db_index=True, default='cho_duyet', editable=False, max_length=10, verbose_name='tình trạng duyệt'),
        ),
        migrations.AddField(
            model_name='sitedocument',
            name='reviewed_at',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='thời điểm duyệt'),
        ),
        migrations.AddField(
            model_name='sitedocument',
            name='reviewed_by',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='người duyệt'),
        ),
        migrations.RunPython(grant, revoke),
    ]
