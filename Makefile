# GluteCoach: the two commands the README promises, plus the benchmark.
#   make run    builds and starts GluteCoach: glute serve on SQLite at http://127.0.0.1:8080
#   make test   installs what the tests need when missing, then runs every test (Swift, cases, browser)
#   make screenshots  refreshes docs/today.png, the web app's Today page that the README shows
#   make bench  times the engine and the command (a benchmark, not a test)
#   make bench-form  times the form-analysis pipeline over an hour of 60 fps landmarks
#   make bench-http  glute serve's getToday and logSet against nginx at 1, 16 and 64 connections

SWIFT ?= swift
RELEASE_BIN = .build/release/glute
DEBUG_BIN = .build/debug/glute

.PHONY: run test bench bench-form bench-http build release deps test-deps cases browser screenshots lint clean

deps:
	@scripts/ensure-deps.sh

test-deps:
	@scripts/ensure-deps.sh --with-test-tools

build: deps
	$(SWIFT) build -Xswiftc -warnings-as-errors

release: deps
	$(SWIFT) build -c release --static-swift-stdlib -Xswiftc -warnings-as-errors

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

test: test-deps lint
	$(SWIFT) build --build-tests -Xswiftc -warnings-as-errors
	PATH="$(CURDIR)/.venv/bin:$$PATH" $(SWIFT) test --skip-build
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
