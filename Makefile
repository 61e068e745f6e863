# Trainscope: `make run` and `make test` do all set-up on a fresh Debian machine.

# scripts/go runs the Go that go.mod names (installing or fetching it when
# missing or too old); GO=go uses the one on PATH as it is.
GO          ?= scripts/go
TAGS        := migrated_fynedo
BIN         := trainscope
VERSION     ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS     := -X main.version=$(VERSION)
BUILD_PKGS  := gcc libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev
TEST_PKGS   := xvfb xauth x11-utils poppler-utils desktop-file-utils xz-utils qpdf
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
export CGO_ENABLED := 1

.PHONY: run test build package test-package test-go-setup deps test-deps fmt-check vet staticcheck unit clean

## run: install what is missing, build, and open the app on its default database
run: build
	./$(BIN)

## test: install what is missing, then gofmt, go vet, staticcheck, every test with -race and the package's install
test: test-deps fmt-check vet staticcheck unit test-package

## build: the trainscope binary in this folder
build: deps
	$(GO) build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o $(BIN) .

## package: Trainscope.tar.xz, a Linux desktop package (binary, .desktop file, icon, Makefile for make install)
package: deps
	GO="$(GO)" TAGS="$(TAGS)" scripts/package.sh "$(VERSION)" Trainscope.tar.xz

## test-package: build the package and install it into a temporary HOME and DESTDIR
test-package: test-deps
	GO="$(GO)" TAGS="$(TAGS)" scripts/test-package.sh "$(VERSION)"

## test-go-setup: check that scripts/go gets go.mod's Go from an older one (OLD_GO=/usr/lib/go-1.19/bin/go)
test-go-setup:
	scripts/test-go.sh "$(OLD_GO)"

deps:
	@scripts/ensure-packages.sh $(BUILD_PKGS)

test-deps: deps
	@scripts/ensure-packages.sh $(TEST_PKGS)

fmt-check:
	@out=$$("$$($(GO) env GOROOT)/bin/gofmt" -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt: these files need formatting:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet -tags $(TAGS) ./...

staticcheck:
	$(GO) run $(STATICCHECK) -tags $(TAGS) ./...

# The GUI tests use Fyne's test driver and need no display; xvfb-run gives
# the few that start a real window one.
unit: big-import
	xvfb-run -a -s "-screen 0 1280x800x24" $(GO) test -race -tags $(TAGS) -timeout 20m ./...

## big-import: the import of 33,000 trains (past SQLite's 32,766 variables), without -race, which only slows it (part of make test)
.PHONY: big-import
big-import: deps
	$(GO) test -tags $(TAGS) -run '^TestBigImport$$' -count=1 -timeout 20m ./data/

clean:
	rm -f $(BIN) *.tar.xz

## fuzz: each fuzz target for FUZZTIME (60s) on its own, outside make test (which runs their seeds)
# Minimizing a new input is capped at 5s: the seeds are whole bundles and
# databases, and minimizing one took the whole minute (docs/reliability.md).
FUZZTIME ?= 60s
# Each target as PACKAGE:NAME.
FUZZ_TARGETS := ./bundle/:FuzzDecode ./data/:FuzzImport ./data/:FuzzImportResponses ./data/:FuzzOpen ./data/:FuzzOpenFile ./internal/cli/:FuzzCommandLine
.PHONY: fuzz
fuzz: deps
	@for t in $(FUZZ_TARGETS); do \
		p=$${t%%:*}; f=$${t#*:}; \
		echo "== $$f in $$p for $(FUZZTIME)"; \
		$(GO) test -tags $(TAGS) -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 5s $$p || exit 1; \
	done

## kill: the long kill test, KILL_CYCLES (100) SIGKILLs of each kind of writer beside the 200 of answers, outside make test
KILL_CYCLES ?= 100
.PHONY: kill
kill: deps
	TRAINSCOPE_KILL_CYCLES=$(KILL_CYCLES) $(GO) test -tags $(TAGS) -count=1 -run '^(TestCrashKeepsAcknowledgedWrites|TestCrashEveryWriter)$$' -v -timeout 30m ./data/

## scale: databases of 1, 10, 100 and 500 sample trains (SCALE_SIZES; kept in SCALE_DIR), BenchmarkOpen on them, then open, report, export and import timed, alternated, with peak RSS, and the window's start to home against a Fyne hello world, outside make test
SCALE_DIR  ?= /tmp/trainscope-scale
SCALE_RUNS ?= 10
SCALE_SIZES ?= 1 10 100 500
.PHONY: scale
scale: build
	@scripts/ensure-packages.sh sqlite3 time
	mkdir -p $(SCALE_DIR)
	TRAINSCOPE_SCALE_DIR=$(SCALE_DIR) TRAINSCOPE_SCALE_SIZES="$(SCALE_SIZES)" $(GO) test -tags $(TAGS) -run '^$$' -bench '^BenchmarkOpen$$' -benchtime 10x -timeout 90m ./data/
	TRAINSCOPE_SCALE_SIZES="$(SCALE_SIZES)" scripts/scale.sh ./$(BIN) $(SCALE_DIR) $(SCALE_RUNS)
	@scripts/ensure-packages.sh xvfb
	GO="$(GO)" scripts/start.sh ./$(BIN) $(SCALE_RUNS) $(SCALE_DIR)/trains-1.db $(SCALE_DIR)/trains-500.db
