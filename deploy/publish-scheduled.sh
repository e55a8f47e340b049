#!/usr/bin/env bash
# Publishes approved pages whose go-live time has come and unpublishes expired ones, and removes
# files that the multiple uploader parked a day ago and nobody completed, and checks a few of the
# outside links of live pages (20 seconds at most, politely: a few a host, paced), and erases
# the personal data of questions and comments kept past their retention period.
# Run it every minute: deploy/systemd/sokhcn-publish-scheduled.timer, or cron:
#   * * * * * /srv/sokhcn/deploy/publish-scheduled.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-site_config.settings.production}"
python="${PYTHON:-.venv/bin/python}"
"$python" manage.py publish_scheduled "$@"
"$python" manage.py remove_abandoned_uploads --verbosity 0
"$python" manage.py check_links --budget 20 --verbosity 0
"$python" manage.py purge_citizen_data --verbosity 0
