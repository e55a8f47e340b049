from procedures.models import ProcedureIndexPage, ProcedurePage, ServiceLevel
from tests.helpers import home_page


def make_catalogue(**fields):
    catalogue = ProcedureIndexPage(
        title="Thủ tục hành chính",
        slug="thu-tuc-hanh-chinh",
        provincial_portal_url="https://dichvucong.sonla.example",
        tracking_url="https://dichvucong.sonla.example/tra-cuu",
        **fields,
    )
    home_page().add_child(instance=catalogue)
    return catalogue


def make_procedure(catalogue, title, code, sector="buu_chinh", level=ServiceLevel.FULL, **fields):
    procedure = ProcedurePage(title=title, code=code, sector=sector, service_level=level, **fields)
    catalogue.add_child(instance=procedure)
    return procedure
