"""Leaders, unit heads and focal officials with their contacts, kept as snippets by approvers and
shown on information pages by the "Danh sách cán bộ" block."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.people import PersonGroup
from core.roles import APPROVERS_GROUP, EDITORS_GROUP
from home.models import Person
from tests.factories import ImageFactory, StandardPageFactory
from tests.helpers import ReaderClient, home_page, make_staff


def person(name, group=PersonGroup.LEADERSHIP, **fields):
    return Person.objects.create(
        name=name, position=fields.pop("position", "Phó Giám đốc Sở"), group=group, **fields
    )


class PeopleBlockTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        person(
            "Nguyễn Văn A",
            position="Giám đốc Sở",
            phone="02123.852.224",
            email="giamdoc@sokhcn.example",
            responsibilities="Phụ trách chung.",
            photo=ImageFactory(),
        )
        person("Đỗ Văn H", group=PersonGroup.FOCAL_POINTS, position="Cán bộ đầu mối")
        cls.page = StandardPageFactory(
            parent=home_page(),
            title="Lãnh đạo Sở",
            body=[
                {"type": "people", "value": {"heading": "Lãnh đạo", "group": "lanh_dao"}},
                {"type": "people", "value": {"heading": "Đơn vị", "group": "truong_don_vi"}},
            ],
        )

    def get(self):
        return self.client.get(self.page.url)

    def test_a_group_is_shown_with_names_positions_and_contacts(self):
        response = self.get()
        self.assertContains(response, '<p class="person__name">Nguyễn Văn A</p>', html=False)
        self.assertContains(response, "Giám đốc Sở")
        self.assertContains(response, "Phụ trách chung.")
        self.assertContains(response, '<a href="tel:02123852224">02123.852.224</a>', html=True)
        self.assertContains(
            response,
            '<a href="mailto:giamdoc@sokhcn.example">giamdoc@sokhcn.example</a>',
            html=True,
        )
        self.assertContains(response, 'class="person__photo"')
        # Only the groups the page asks for; an empty one says so.
        self.assertNotContains(response, "Đỗ Văn H")
        self.assertContains(response, "Thông tin đang được cập nhật.")

    def test_more_people_do_not_mean_more_queries(self):
        self.get()
        with CaptureQueriesContext(connection) as few:
            self.get()
        for number in range(6):
            person(f"Phó Giám đốc {number}", photo=ImageFactory())
        self.get()  # renditions of the new photos are made once
        with CaptureQueriesContext(connection) as many:
            self.assertContains(self.get(), "Phó Giám đốc 5")
        self.assertEqual(len(many), len(few))


class PersonAdminTests(TestCase):
    client_class = ReaderClient

    data = {
        "name": "Trần Thị B",
        "position": "Phó Giám đốc Sở",
        "group": "lanh_dao",
        "sort_order": 1,
    }

    def test_an_approver_keeps_the_list(self):
        self.client.force_login(make_staff("duyet", APPROVERS_GROUP))
        response = self.client.post(reverse("wagtailsnippets_home_person:add"), self.data)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(Person.objects.filter(name="Trần Thị B").exists())

    def test_an_editor_cannot(self):
        self.client.force_login(make_staff("bien-tap", EDITORS_GROUP))
        response = self.client.post(reverse("wagtailsnippets_home_person:add"), self.data)
        self.assertIn(response.status_code, (302, 403))
        self.assertFalse(Person.objects.exists())
