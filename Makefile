# Preflight — the README's two commands are `make run` and `make test`.
# Both install what a fresh Debian machine lacks (via apt-get when root; otherwise they print
# the command to run) and then build.

SHELL := /bin/bash
SWIFT ?= swift
PREFIX ?= /usr/local
CONFIG ?= debug
BIN_DIR = .build/$(CONFIG)

.PHONY: all build release run test bench fuzz install deps deps-test clean

all: build

## deps: install the build dependencies (libjansson-dev, pkg-config) when missing.
deps:
	@scripts/ensure-packages.sh build

## deps-test: also install the editors the end-to-end client tests drive (neovim, emacs-nox +
## elpa-eglot, nodejs).
deps-test:
	@scripts/ensure-packages.sh test

build: deps
	$(SWIFT) build -c $(CONFIG)

release: deps
	$(SWIFT) build -c release

run: build
	@scripts/run-examples.sh $(BIN_DIR)/preflight

test: deps-test
	$(SWIFT) build --build-tests
	PREFLIGHT_BIN=$(CURDIR)/.build/debug/preflight PREFLIGHT_MODELS=$(CURDIR)/models \
	  $(SWIFT) test --skip-build

bench: release
	@bench/run.sh

fuzz: deps
	@Fuzz/run.sh

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/preflight
	install -m 755 .build/release/preflight $(DESTDIR)$(PREFIX)/bin/preflight
	cp -R models $(DESTDIR)$(PREFIX)/share/preflight/

clean:
	rm -rf .build
