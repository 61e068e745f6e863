# Trainscope: `make run` and `make test` do all set-up on a fresh Debian machine.

GO          ?= go
TAGS        := migrated_fynedo
BIN         := trainscope
VERSION     ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS     := -X main.version=$(VERSION)
BUILD_PKGS  := gcc libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev
TEST_PKGS   := xvfb xauth x11-utils poppler-utils qpdf
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
FYNE_TOOL   := fyne
export CGO_ENABLED := 1

.PHONY: run test build package deps test-deps fmt-check vet staticcheck unit clean

## run: install what is missing, build, and open the app on its default database
run: build
	./$(BIN)

## test: install what is missing, then gofmt, go vet, staticcheck and every test with -race
test: test-deps fmt-check vet staticcheck unit

## build: the trainscope binary in this folder
build: deps
	$(GO) build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o $(BIN) .

## package: a Linux desktop package (tar.xz with .desktop file and icon)
package: deps
	$(GO) tool $(FYNE_TOOL) package -os linux -tags $(TAGS) -release

deps:
	@scripts/ensure-packages.sh $(BUILD_PKGS)

test-deps: deps
	@scripts/ensure-packages.sh $(TEST_PKGS)

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt: these files need formatting:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet -tags $(TAGS) ./...

staticcheck:
	$(GO) run $(STATICCHECK) -tags $(TAGS) ./...

# The GUI tests use Fyne's test driver and need no display; xvfb-run gives
# the few that start a real window one.
unit:
	xvfb-run -a -s "-screen 0 1280x800x24" $(GO) test -race -tags $(TAGS) -timeout 20m ./...

clean:
	rm -f $(BIN) *.tar.xz
