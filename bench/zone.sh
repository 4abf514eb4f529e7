#!/usr/bin/env bash
# Zone loader benchmark: generates a zone of RECORDS records (default
# 1000000) and loads it, on the same file, with
#   (a) a bare miekg/dns ZoneParser loop (bench/miekgzone),
#   (b) zonefile.Load into a lint.State (bench/loadzone),
#   (c) BIND's named-checkzone,
# RUNS times each (default 3), interleaved. It prints the median wall time
# and peak resident memory of each, and the ratios of (b) to the others.
#
# Run it by hand from the repository root; it is not part of `go test`:
#   bench/zone.sh [RECORDS] [RUNS]
set -euo pipefail

records=${1:-1000000}
runs=${2:-3}
out=bench/out
origin=example.com

if [[ ! -f go.mod || ! -d bench ]]; then
	echo "zone.sh: run it from the repository root" >&2
	exit 2
fi
if ! command -v named-checkzone >/dev/null; then
	echo "zone.sh: named-checkzone not found; on Debian or Ubuntu install it with" >&2
	echo "  sudo apt-get install bind9-utils" >&2
	exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
	echo "zone.sh: /usr/bin/time not found; install it with: sudo apt-get install time" >&2
	exit 2
fi

mkdir -p "$out"
go build -o "$out/genzone" ./bench/genzone
go build -o "$out/miekgzone" ./bench/miekgzone
go build -o "$out/loadzone" ./bench/loadzone

zone="$out/zone-$records.db"
if [[ ! -s "$zone" ]]; then
	"$out/genzone" -n "$records" -origin "$origin" > "$zone"
fi
echo "zone: $zone, $records records, $(du -h "$zone" | cut -f1)"

# measure NAME COMMAND...: runs the command, appending "seconds kilobytes"
# to $out/NAME.times; a failing command stops the script.
measure() {
	local name=$1
	shift
	if ! /usr/bin/time -f "%e %M" -o "$out/time.last" "$@" > "$out/$name.out" 2>&1; then
		echo "zone.sh: $name failed:" >&2
		cat "$out/$name.out" >&2
		exit 1
	fi
	cat "$out/time.last" >> "$out/$name.times"
}

# median NAME COLUMN: the median of one column of $out/NAME.times.
median() {
	sort -n -k"$2" "$out/$1.times" | awk -v c="$2" '{v[NR]=$c} END {print v[int((NR+1)/2)]}'
}

rm -f "$out"/*.times
for ((i = 1; i <= runs; i++)); do
	measure miekg "$out/miekgzone" "$origin" "$zone"
	measure sendlint "$out/loadzone" "$zone"
	measure named named-checkzone -q "$origin" "$zone"
done
if ! grep -q "^0 findings" "$out/sendlint.out"; then
	echo "zone.sh: zonefile.Load reported findings:" >&2
	cat "$out/sendlint.out" >&2
	exit 1
fi

printf "\n%-34s %10s %12s\n" "median of $runs runs" "wall (s)" "peak RSS (MB)"
for n in miekg sendlint named; do
	case $n in
	miekg) label="(a) miekg/dns ZoneParser loop" ;;
	sendlint) label="(b) zonefile.Load into lint.State" ;;
	named) label="(c) named-checkzone" ;;
	esac
	printf "%-34s %10s %12d\n" "$label" "$(median $n 1)" "$(($(median $n 2) / 1024))"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
tb=$(median sendlint 1)
mb=$(median sendlint 2)
echo
echo "(b) / (a) time:   $(ratio "$tb" "$(median miekg 1)")   (target at most 1.5)"
echo "(b) / (c) time:   $(ratio "$tb" "$(median named 1)")   (target at most 0.5)"
echo "(b) / (c) memory: $(ratio "$mb" "$(median named 2)")   (target at most 0.5)"
