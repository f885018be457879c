#!/usr/bin/env bash
# rss.sh measures the peak resident memory of the streaming commands on a large
# news file, with /usr/bin/time -v, and fails when one exceeds the bar.
#
#   scripts/rss.sh              # a 1 GB file (issue 10's bar: <= 150 MB each)
#   SIZE=64M scripts/rss.sh     # a smaller file, for a quicker check
#   LIMIT_MB=150 CMDS="entities" scripts/rss.sh
#
# The file is the sample articles (testdata/articles.jsonl), title and body as
# plain text with a blank line between paragraphs, repeated to SIZE. It is not
# run in CI: 1 GB takes about 18 min of CPU for the five commands (entities
# 2 min, analyze 6 min on a quiet core). The Go test TestStreamingRSS checks the
# same on a small file.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE=${SIZE:-1G}
LIMIT_MB=${LIMIT_MB:-150}
CMDS=${CMDS:-"entities|analyze|analyze --json|analyze --no-entities|tokenize"}
WORK=${WORK:-$(mktemp -d)}
trap 'rm -rf "$WORK"' EXIT

[ -x /usr/bin/time ] || { echo "rss.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
go build -o "$WORK/telaah" ./cmd/telaah

# The input: the sample articles as text, repeated to SIZE bytes.
python3 - "$WORK/news.txt" "$(numfmt --from=iec "$SIZE")" <<'PY'
import json, sys
arts = [json.loads(l) for l in open("testdata/articles.jsonl") if l.strip()]
one = "".join(a["title"] + "\n\n" + a["body"].strip() + "\n\n" for a in arts).encode()
left = int(sys.argv[2])
with open(sys.argv[1], "wb") as f:
    while left > 0:
        f.write(one[:left])
        left -= len(one)
PY
echo "input: $(stat -c %s "$WORK/news.txt") bytes"

fail=0
IFS='|' read -ra cmds <<< "$CMDS"
for c in "${cmds[@]}"; do
  # shellcheck disable=SC2086
  /usr/bin/time -v "$WORK/telaah" $c "$WORK/news.txt" > /dev/null 2> "$WORK/time.txt"
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$WORK/time.txt")
  mb=$((kb / 1024))
  status=ok
  if [ "$mb" -gt "$LIMIT_MB" ]; then status="OVER ${LIMIT_MB} MB"; fail=1; fi
  printf '%-24s peak RSS %5d MB  CPU %7.1f s  %s\n' "telaah $c" "$mb" "$cpu" "$status"
done
exit $fail
