# GluteCoach: the two commands the README promises, plus the benchmark.
#   make run    builds and starts GluteCoach (the interactive assessment for now)
#   make test   installs what the tests need when missing, then runs every test
#   make bench  times the engine and the command (a benchmark, not a test)
#   make bench-form  times the form-analysis pipeline over an hour of 60 fps landmarks
#   make bench-http  glute serve's getToday and logSet against nginx at 1, 16 and 64 connections

SWIFT ?= swift
RELEASE_BIN = .build/release/glute
DEBUG_BIN = .build/debug/glute

.PHONY: run test bench bench-form bench-http build release deps test-deps cases lint clean

deps:
	@scripts/ensure-deps.sh

test-deps:
	@scripts/ensure-deps.sh --with-test-tools

build: deps
	$(SWIFT) build -Xswiftc -warnings-as-errors

release: deps
	$(SWIFT) build -c release --static-swift-stdlib -Xswiftc -warnings-as-errors

run: release
	$(RELEASE_BIN) assess

test: test-deps lint
	$(SWIFT) build --build-tests -Xswiftc -warnings-as-errors
	PATH="$(CURDIR)/.venv/bin:$$PATH" $(SWIFT) test --skip-build
	$(MAKE) --no-print-directory cases

# House style: the toolchain's formatter with the rules in .swift-format (tests may force-unwrap).
lint:
	$(SWIFT) format lint --strict --recursive Sources Package.swift

# The example assessments, checked by the shared checker against the built binary.
# It runs against a throwaway database so that it never touches your own.
cases:
	GLUTE_DATABASE=$$(mktemp -d)/cases.sqlite python3 Tests/GluteCLITests/Fixtures/tools/check-cases.py $(DEBUG_BIN)

bench: release
	$(SWIFT) build -c release --static-swift-stdlib --product GluteBench
	.build/release/GluteBench --glute $(RELEASE_BIN) --cases Tests/GluteCLITests/Fixtures/cases

clean:
	rm -rf .build .venv

bench-form:
	$(SWIFT) build -c release --product GluteFormBench -Xswiftc -warnings-as-errors
	.build/release/GluteFormBench

# glute serve against nginx serving the same bytes (a benchmark, not a test): a seeded database,
# GET /api/me/today and durable POST /api/me/sets at 1, 16 and 64 connections, ratios and peak RSS.
# BENCH_HTTP_ARGS passes options to scripts/bench-http.sh, e.g. BENCH_HTTP_ARGS="--rounds 3".
bench-http: release
	scripts/bench-http-glute.sh $(RELEASE_BIN) $(BENCH_HTTP_ARGS)
