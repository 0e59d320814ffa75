#!/usr/bin/env bash
# Regenerates default.pgo, the CPU profile `go build` and `go run` use to
# optimise the parley binary (Go's profile-guided optimisation: the hot
# calls the profile shows are inlined, its indirect calls devirtualised;
# results are unchanged to the bit). The profile is of what users wait on:
# a 10,000-draw sweep of the built-in case with each model a sweep can run,
# a 200-actor × 10-issue exchange forecast and large smp runs (160 actors
# on one issue, 80 on ten). Rerun it when those paths
# change much; a stale profile still builds, with less benefit.
# BENCHMARKS.md, "Profile-guided optimisation", has the figures.
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go test -trimpath ./sweep -run '^$' -bench 'SweepBuiltin10k' -benchtime 1x -cpuprofile "$tmp/sweep.prof" -o "$tmp/sweep.test" >/dev/null
go test -trimpath ./model/exchange -run '^$' -bench 'Large$' -benchtime 1x -cpuprofile "$tmp/large.prof" -o "$tmp/exchange.test" >/dev/null
go test -trimpath ./model/smp -run '^$' -bench 'Scaling/(N160-D01|N080-D10)$' -benchtime 2x -cpuprofile "$tmp/smp.prof" -o "$tmp/smp.test" >/dev/null
go tool pprof -proto "$tmp/sweep.prof" "$tmp/large.prof" "$tmp/smp.prof" >cmd/parley/default.pgo
echo "wrote cmd/parley/default.pgo"
