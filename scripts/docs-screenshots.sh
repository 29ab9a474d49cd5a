#!/usr/bin/env bash
# Regenerates docs/report.png (examples/reports/actor_week.json, rendered by headless
# chromium) and docs/shell.png (a shell session run in tmux, captured and
# shown as a terminal page). Needs chromium and tmux, which setup.sh does
# not install: apt-get install chromium tmux.
#   scripts/docs-screenshots.sh [path/to/newsgraph]
set -euo pipefail
cd "$(dirname "$0")/.."
ng=$(realpath "${1:-build/tools/newsgraph}")
work=$(mktemp -d)
sock=ngdocs-$$
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

src=$PWD
"$ng" import --db "$work/news.db" examples/data/seed_facts.jsonl >/dev/null
"$ng" import --db "$work/news.db" tests/data/query_news.jsonl >/dev/null

shot() {  # HTML PNG WIDTH,HEIGHT
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$work/profile" --screenshot="$2" --window-size="$3" "file://$1" >/dev/null 2>&1
}

(cd "$work" && SOURCE_DATE_EPOCH=1700000000 "$ng" report --db news.db "$src/examples/reports/actor_week.json" \
  --out report.html)
shot "$work/report.html" "$src/docs/report.png" 1200,1700

# The shell session: typed into tmux key by key, TAB completion included.
tmux -L "$sock" new-session -d -x 112 -y 32 -s shell \
  "cd $work && env LANG=C.UTF-8 NEWSGRAPH_HISTORY=$work/history $ng shell --db news.db"
# (tmux reads a `;` that ends an argument as a command separator: `\;`.)
keys() { tmux -L "$sock" send-keys -t shell "$@"; sleep 0.6; }
sleep 1
keys '.mode box' Enter
keys 'MATCH (x)-[r:sup' Tab
keys ']->({name: "حفت' Tab
keys '})' Enter
keys 'RETURN x.name AS supporter, x.name_ar AS arabic, r.articles AS articles' Enter
keys 'ORDER BY articles DESC\;' Enter
keys 'MATCH (p {name: "Yevk' Tab
keys '})-[v:visted]->(place) RETURN place.name\;' Enter
keys 'MATCH (p {name: "Yevkurov"})-[v:visited]->(place) RETURN place.name AS place, v.first_seen AS date\;' Enter
sleep 1
tmux -L "$sock" capture-pane -p -t shell > "$work/shell.txt"

python3 - "$work/shell.txt" "$work/shell.html" <<'PY'
import html, sys
text = open(sys.argv[1], encoding="utf-8").read().rstrip("\n")
page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; background: #1f2430; }}
.win {{ margin: 18px; border-radius: 8px; background: #282c34; box-shadow: 0 4px 18px #0008; }}
.bar {{ height: 26px; border-radius: 8px 8px 0 0; background: #3a3f4b; color: #aab; font: 13px sans-serif;
        line-height: 26px; text-align: center; }}
pre {{ margin: 0; padding: 12px 16px; color: #e6e6e6; font: 15px/1.17 "DejaVu Sans Mono", monospace; }}
</style></head><body><div class="win"><div class="bar">newsgraph shell</div>
<pre>{html.escape(text)}</pre></div></body></html>"""
open(sys.argv[2], "w", encoding="utf-8").write(page)
PY
shot "$work/shell.html" "$src/docs/shell.png" 1060,640
echo "wrote docs/report.png and docs/shell.png"
