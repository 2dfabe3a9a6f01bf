#!/usr/bin/env bash
# End-to-end chat through Microsoft 365 Agents Playground. Starts the bot (auth off, a temporary SQLite ledger
# loaded with the demo ledger) and two Playground instances, one as the officer 刘洋 and one as the leader 李明,
# all on 127.0.0.1; drives both web UIs in Debian's chromium (chat.mjs); stops everything it started.
# Installs chromium, CJK fonts and the npm packages when missing. Exit status: 0 when every check passed.
#   e2e/run.sh [--screenshots DIR] [--results FILE]
set -euo pipefail
E2E=$(cd "$(dirname "$0")" && pwd)
SCREENSHOTS=""
RESULTS=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --screenshots) SCREENSHOTS=$(realpath "$2"); shift 2 ;;
    --results) RESULTS=$(realpath -m "$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
# Paths given on the command line are taken from where the script was called; everything else from e2e/.
cd "$E2E"

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
if [[ ! -x /usr/bin/chromium || ! -d /usr/share/fonts/opentype/noto || ! -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ]]; then
  echo "Installing chromium, CJK and emoji fonts from the Debian packages..."
  as_root apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium fonts-noto-cjk fonts-noto-color-emoji >/dev/null
fi
if [[ ! -d node_modules/playwright-core || ! -d node_modules/@microsoft/m365agentsplayground ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

WORK=$(mktemp -d /tmp/rectification-e2e.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ ${E2E_KEEP:-} == 1 ]]; then echo "logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { # url, what, log
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "$2 did not start; its log:" >&2; tail -n 40 "$3" >&2; exit 1
}

dotnet build ../Bot -nologo -v q -clp:ErrorsOnly >/dev/null
BOT_PORT=$(free_port)
# The bot runs as a newcomer runs it: no MicrosoftAppId, so authentication is off and it binds loopback only.
env MicrosoftAppId= MicrosoftAppPassword= Urls="http://127.0.0.1:$BOT_PORT" \
  Database__Provider=Sqlite Database__ConnectionString="$WORK/ledger.db" Ledger__SeedDemoLedger=true \
  dotnet ../Bot/bin/Debug/net10.0/Rectification.Bot.dll >"$WORK/bot.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$BOT_PORT/healthz" "The bot" "$WORK/bot.log"

start_playground() { # name, config file; sets PORT
  local port; port=$(free_port)
  env APPLICATION_INSIGHTS_NO_STATSBEAT=true NODE_OPTIONS="--require $E2E/loopback.cjs" \
    M365_AGENTS_PLAYGROUND_CONFIG_PATH="$2" M365_AGENTS_PLAYGROUND_LOGFILE="$WORK/playground-$1.log" \
    node node_modules/@microsoft/m365agentsplayground/cli.js --disable-telemetry -c msteams -p "$port" \
      -e "http://127.0.0.1:$BOT_PORT/api/messages" --service-url "http://127.0.0.1:$port/_connector" \
      </dev/null >"$WORK/playground-$1.out" 2>&1 &
  PIDS+=($!)
  wait_for "http://127.0.0.1:$port/_internal/v1/config" "The Playground ($1)" "$WORK/playground-$1.log"
  PORT=$port
}
start_playground officer "$E2E/../.m365agentsplayground.yml"; OFFICER_PORT=$PORT
start_playground leader "$E2E/playground/leader.yml"; LEADER_PORT=$PORT

# What a scheduler tick does, run by hand: `reminders run` on the bot's ledger at 10:00 (Beijing time) of the latest
# working day, sent through each person's stored conversation reference to the Playground.
REMIND_AT=$(python3 - "$E2E/../holidays.json" <<'PY'
import datetime, json, re, sys
text = re.sub(r"//[^\n]*|/\*.*?\*/", "", open(sys.argv[1], encoding="utf-8").read(), flags=re.S)
entries = {e["date"]: e["kind"] for e in json.loads(re.sub(r",(\s*[\]}])", r"\1", text))}
day = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()
while entries.get(day.isoformat()) == "holiday" or (day.weekday() >= 5 and entries.get(day.isoformat()) != "workday"):
    day -= datetime.timedelta(days=1)
print(f"{day.isoformat()}T10:00:00+08:00")
PY
)
cat >"$WORK/remind.sh" <<SH
#!/usr/bin/env bash
exec env MicrosoftAppId= MicrosoftAppPassword= Database__Provider=Sqlite Database__ConnectionString="$WORK/ledger.db" \
  dotnet "$E2E/../Bot/bin/Debug/net10.0/Rectification.Bot.dll" reminders run --at "$REMIND_AT"
SH
chmod +x "$WORK/remind.sh"

status=0
node chat.mjs --officer "http://127.0.0.1:$OFFICER_PORT" --leader "http://127.0.0.1:$LEADER_PORT" --remind "$WORK/remind.sh" \
  --screenshots "${SCREENSHOTS:-$WORK}" ${RESULTS:+--results "$RESULTS"} || status=$?
if [[ $status -ne 0 ]]; then
  echo "--- bot log (tail) ---" >&2; tail -n 60 "$WORK/bot.log" >&2
fi
exit $status
