# GluteCoach: the two commands the README promises, plus install and the benchmarks.
#   make run      builds and starts GluteCoach: glute serve on SQLite at http://127.0.0.1:8080
#   make test     installs what the tests need when missing, then runs every test (Swift, cases, browser)
#   make install  puts glute on the PATH: $(PREFIX)/bin/glute, PREFIX=~/.local by default
#   make screenshots  refreshes docs/today.png, the web app's Today page that the README shows
#   make bench    times the engine, the commands and the daily calls against long histories
#   make bench-form  times the form-analysis pipeline over an hour of 60 fps landmarks
#   make bench-http  glute serve's getToday and logSet against nginx at 1, 16 and 64 connections

SWIFT ?= swift
PREFIX ?= $(HOME)/.local
RELEASE_BIN = .build/release/glute
DEBUG_BIN = .build/debug/glute
# Every release build uses the same flags, so that one build never invalidates another's.
RELEASE_FLAGS = -c release --static-swift-stdlib -Xswiftc -warnings-as-errors

.PHONY: run test bench bench-form bench-http build release deps test-deps cases browser screenshots lint clean install uninstall

deps:
	@scripts/ensure-deps.sh

test-deps:
	@scripts/ensure-deps.sh --with-test-tools

build: deps
	$(SWIFT) build -Xswiftc -warnings-as-errors

# scripts/quiet-build.sh leaves out the toolchain's own link warning about mktemp (see the script).
release: deps
	@scripts/quiet-build.sh $(SWIFT) build $(RELEASE_FLAGS)

# The web app and the API on the default database ($$GLUTE_DATABASE, else ~/.local/share/glutecoach);
# `make run DATABASE=path` picks another. The terminal assessment stays `glute assess`.
DATABASE ?=
DATABASE_FLAG = $(if $(DATABASE),--database $(DATABASE))
run: release
	@echo "GluteCoach: open http://127.0.0.1:8080/ in a browser (Ctrl-C stops the server)."
	@echo "People sign up there. The first coach account:"
	@echo "  printf '%s\\\\n' 'a long passphrase' | $(RELEASE_BIN) account create EMAIL --role coach --password-stdin $(DATABASE_FLAG)"
	@echo "(in another terminal, while the server runs: it signs in at once)."
	$(RELEASE_BIN) serve --host 127.0.0.1 --port 8080 $(DATABASE_FLAG)

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
	$(MAKE) --no-print-directory browser

# The web app in a real browser (Debian's Chromium through Playwright) against the built glute serve;
# screenshots of every page at phone and desktop size land in .build/screenshots.
browser: test-deps build
	.venv/bin/python -m pytest -q -p no:cacheprovider Tests/Browser

# docs/today.png: the Today page at phone size, for the README.
screenshots: test-deps build
	.venv/bin/python Tests/Browser/screenshots.py docs/today.png

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
