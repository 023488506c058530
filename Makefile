# GluteCoach: the two commands the README promises, plus install and the benchmarks.
#   make run      builds and starts GluteCoach (the interactive assessment for now)
#   make test     installs what the tests need when missing, then runs every test
#   make install  puts glute on the PATH: $(PREFIX)/bin/glute, PREFIX=~/.local by default
#   make bench    times the engine, the commands and the daily calls against long histories
#   make bench-form  times the form-analysis pipeline over an hour of 60 fps landmarks
#   make bench-http  glute serve's getToday and logSet against nginx at 1, 16 and 64 connections

SWIFT ?= swift
PREFIX ?= $(HOME)/.local
RELEASE_BIN = .build/release/glute
DEBUG_BIN = .build/debug/glute
# Every release build uses the same flags, so that one build never invalidates another's.
RELEASE_FLAGS = -c release --static-swift-stdlib -Xswiftc -warnings-as-errors

.PHONY: run test bench bench-form bench-http build release deps test-deps cases lint clean install uninstall

deps:
	@scripts/ensure-deps.sh

test-deps:
	@scripts/ensure-deps.sh --with-test-tools

build: deps
	$(SWIFT) build -Xswiftc -warnings-as-errors

# scripts/quiet-build.sh leaves out the toolchain's own link warning about mktemp (see the script).
release: deps
	@scripts/quiet-build.sh $(SWIFT) build $(RELEASE_FLAGS)

run: release
	$(RELEASE_BIN) assess

# The binary and its bundled resources go to $(PREFIX)/lib/glutecoach, with a link on the PATH,
# so the installed glute keeps working after 'make clean'.
install: release
	@scripts/install.sh .build/release "$(PREFIX)"

uninstall:
	rm -rf "$(PREFIX)/lib/glutecoach" "$(PREFIX)/bin/glute"

# Three passes: the command-line tests (each runs glute and waits for it) and the server's tests
# (real servers under load: 64 connections, SIGKILL, schemathesis) each get the machine to
# themselves, so no pass starves another's threads or sockets. scripts/test-pass.sh runs each
# under a time limit and once more if its process stalls (docs/testing.md).
test: test-deps lint
	$(SWIFT) build --build-tests -Xswiftc -warnings-as-errors
	PATH="$(CURDIR)/.venv/bin:$$PATH" scripts/test-pass.sh 900 --skip GluteServerTests --skip GluteCLITests
	PATH="$(CURDIR)/.venv/bin:$$PATH" scripts/test-pass.sh 900 --filter GluteCLITests
	PATH="$(CURDIR)/.venv/bin:$$PATH" scripts/test-pass.sh 900 --filter GluteServerTests
	$(MAKE) --no-print-directory cases

# House style: the toolchain's formatter with the rules in .swift-format (tests may force-unwrap).
lint:
	$(SWIFT) format lint --strict --recursive Sources Package.swift

# The example assessments, checked by the shared checker against the built binary.
# It runs against a throwaway database so that it never touches your own.
cases:
	GLUTE_DATABASE=$$(mktemp -d)/cases.sqlite python3 Tests/GluteCLITests/Fixtures/tools/check-cases.py $(DEBUG_BIN)

bench: release
	.build/release/GluteBench --glute $(RELEASE_BIN) --cases Tests/GluteCLITests/Fixtures/cases

bench-form: release
	.build/release/GluteFormBench

clean:
	rm -rf .build .venv

# glute serve against nginx serving the same bytes (a benchmark, not a test): a seeded database,
# GET /api/me/today and durable POST /api/me/sets at 1, 16 and 64 connections, ratios and peak RSS.
# BENCH_HTTP_ARGS passes options to scripts/bench-http.sh, e.g. BENCH_HTTP_ARGS="--rounds 3".
bench-http: release
	scripts/bench-http-glute.sh $(RELEASE_BIN) $(BENCH_HTTP_ARGS)
