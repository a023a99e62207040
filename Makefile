# Briefdesk build, run and test targets. Every target installs what is missing
# first (scripts/deps.sh is idempotent and quick when nothing is missing).

export PATH := /usr/local/go/bin:$(HOME)/go/bin:$(PATH)
# Fyne reads the UI language from the locale and rejects "C".
export LANG := en_US.UTF-8
unexport LC_ALL
# FTS5 is compiled into SQLite only with this tag: use it on every go command.
TAGS := -tags sqlite_fts5
GO ?= go
BIN := bin/briefdesk
# The one version, from FyneApp.toml (which fyne package reads too), given to
# every build; see internal/buildinfo.
VERSION ?= $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -X briefdesk/internal/buildinfo.version=$(VERSION)
SHARED ?= ../shared
# Tests that need the evaluation data fail, rather than skip, when this is set.
export BRIEFDESK_SHARED := $(abspath $(SHARED))
FUZZTIME ?= 60s

.PHONY: all deps build run test vet fmt-check bench eval fuzz screenshots example model package clean

all: build

deps:
	@bash scripts/deps.sh

build: deps
	$(GO) build $(TAGS) -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/briefdesk

# Opens the window; a new library starts with the bundled sample articles.
run: build
	./$(BIN)

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet: deps
	$(GO) vet $(TAGS) ./...

# Everything headless: unit, integration and GUI tests (Xvfb for the real
# window), the race detector, and the fuzz targets on their seed corpora.
# The CUPS virtual printer is set up here, not by the tests: they print to
# the queue named in BRIEFDESK_TEST_PRINTER, and skip printing without it.
test: deps fmt-check vet
	@if out=$$(bash scripts/cups-pdf.sh 2>&1); then \
	  export BRIEFDESK_TEST_PRINTER="$$(echo "$$out" | sed -n 's/^printer=//p')" BRIEFDESK_TEST_PRINTER_OUT="$$(echo "$$out" | sed -n 's/^output=//p')"; \
	else echo "note: CUPS virtual printer not available ($$out); print tests will skip"; fi; \
	set -x; xvfb-run -a -s "-screen 0 1400x900x24" $(GO) test $(TAGS) -race -count=1 -timeout 15m ./...

bench: deps
	$(GO) test $(TAGS) -run '^$$' -bench . -benchmem ./...

# Quality figures on the evaluation data beside the clone (../shared/eval).
eval: build
	python3 scripts/eval.py --bin $(BIN) --shared $(SHARED)

# Longer fuzzing of every Fuzz target (FUZZTIME each).
fuzz: deps
	@for pkg in $$($(GO) list ./internal/...); do \
	  for f in $$($(GO) test $(TAGS) -list 'Fuzz.*' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test $(TAGS) -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

# Screenshots of the real window under Xvfb, for the README (docs/screenshots).
screenshots: build
	bash scripts/screenshots.sh $(BIN)

# The README's example brief (docs/brief-example.png), made by the CLI from
# the bundled sample articles.
example: build
	./$(BIN) brief --classification "UNCLASSIFIED // FOR OFFICIAL USE ONLY" -o bin/brief-example.pdf \
	  assets/samples/01-halvard-valley-troop-pullback.txt assets/samples/02-halvard-ceasefire-what-comes-next.html
	pdftoppm -png -r 90 -singlefile bin/brief-example.pdf docs/brief-example

# Retrains the embedded entity model on CoNLL-2003 train (deterministic; some
# minutes on 2 cores) and scores it on dev.
model: deps
	$(GO) run $(TAGS) ./internal/nlp/nertrain -train $(SHARED)/eval/ner/conll2003-train.conll \
	  -dev $(SHARED)/eval/ner/conll2003-dev.conll -out internal/nlp/model/ner.gob.gz

package: deps
	$(GO) install fyne.io/tools/cmd/fyne@v1.7.4
	cp FyneApp.toml cmd/briefdesk/ && cd cmd/briefdesk && GOFLAGS="-ldflags=$(subst $() ,=,$(LDFLAGS))" fyne package -release --tags sqlite_fts5; rm -f cmd/briefdesk/FyneApp.toml

clean:
	rm -rf bin dist
