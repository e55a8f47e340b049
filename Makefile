# Two commands: `make run` (set up and serve the demo site) and `make test` (the whole suite).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
DJANGO_SETTINGS_MODULE ?= site_config.settings.dev
export DJANGO_SETTINGS_MODULE

.PHONY: run install migrate demo serve test lint format check messages backup restore clean

run: install migrate demo
	@echo ""
	@echo "Cổng thông tin: http://$(HOST):$(PORT)/"
	@echo "Quản trị:       http://$(HOST):$(PORT)/admin/"
	@echo "  admin    (quản trị hệ thống)   mật khẩu: $${DEMO_PASSWORD:-quantri-sonla-2026}"
	@echo "  editor   (Biên tập viên)       mật khẩu: $${DEMO_PASSWORD:-quantri-sonla-2026}"
	@echo "  approver (Người duyệt)         mật khẩu: $${DEMO_PASSWORD:-quantri-sonla-2026}"
	@echo "  (bản chạy thử: đăng nhập bằng mật khẩu; xác thực hai lớp bật được trong Tài khoản)"
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

migrate: install
	$(BIN)/python manage.py migrate --no-input

demo: migrate
	$(BIN)/python manage.py load_demo_content

# Two processes (pytest-xdist), one per core. "--dist load" hands tests out in the order pytest-django
# sorts them, so the transactional ones (which empty the database) stay at the end of each
# process's share; TEST_WORKERS=0 runs everything in one process.
TEST_WORKERS ?= 2
test: install
	DJANGO_SETTINGS_MODULE=site_config.settings.test $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist load $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check site_config/templates
	$(BIN)/lint-imports --no-cache

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml site_config/templates

check: install
	DJANGO_SETTINGS_MODULE=site_config.settings.test $(BIN)/python manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=site_config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

# Backups (README, "Sao lưu và phục hồi"): the database and the uploaded files, in backups/ or
# BACKUP_DIR. Restore into an empty database, or over the one in use with REPLACE=1.
backup: install
	$(BIN)/python manage.py backup_site $(if $(BACKUP_DIR),--into "$(BACKUP_DIR)")

restore: install
	@test -n "$(BACKUP)" || { echo "Dùng: make restore BACKUP=backups/sokhcn-YYYYmmdd-HHMMSS [REPLACE=1]"; exit 2; }
	$(BIN)/python manage.py restore_site "$(BACKUP)" $(if $(REPLACE),--replace)

# Vietnamese for the Wagtail admin strings Wagtail's own catalogue leaves untranslated.
messages:
	for domain in django djangojs; do \
		msgfmt --check-format -o site_config/locale/vi/LC_MESSAGES/$$domain.mo \
			site_config/locale/vi/LC_MESSAGES/$$domain.po; \
	done

clean:
	rm -rf $(VENV) db.sqlite3 media static_collected test-artifacts .pytest_cache .ruff_cache
