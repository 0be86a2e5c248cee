# A thin wrapper over CMake. `make demo` and `make check` install what is
# missing on Debian (apt-get, with sudo when not root), then build.
#
# Hardening (docs/security.md): `make faults` kills scans and fills disks,
# `make concurrency` runs scans and readers on one store at once, `make lint`
# runs cppcheck, clang-tidy and the clang-format check (`make format`
# applies .clang-format), `make memcheck` runs the CLI tests under
# valgrind, `make fuzz FUZZ_SECONDS=N` runs the libFuzzer targets.

BUILD        ?= build
CHECK_BUILD  ?= build-check
FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 60
FAULT_BUILD  ?= build-faults
FAULT_TRIALS ?= 120
CONCURRENCY_ROUNDS ?= 20
LINT_BUILD   ?= build-lint
MEMCHECK_BUILD ?= build-memcheck
BROWSER_BUILD ?= build-browser
CLANG_TIDY   ?= clang-tidy-14
CLANG_FORMAT ?= clang-format-14
JOBS         ?= $(shell nproc 2>/dev/null || echo 2)
PREFIX       ?= /usr/local

DEB_PACKAGES = gcc make cmake pkg-config libyaml-dev libsqlite3-dev \
               libcmocka-dev libutf8proc-dev libssl-dev sqlite3 \
               libgraphviz-dev graphviz python3 python3-networkx \
               libzip-dev libexpat1-dev libxlsxwriter-dev
BENCH_PACKAGES = python3 python3-yaml python3-networkx time bc valgrind
FUZZ_PACKAGES = clang libclang-rt-dev
FORMAT_PACKAGES = clang-format-14
LINT_PACKAGES = cppcheck clang-tidy-14 $(FORMAT_PACKAGES)
FAULT_PACKAGES = sqlite3 python3 util-linux
MEMCHECK_PACKAGES = valgrind
# What `make check` needs beyond the build: the JSON Schema test's validator.
TEST_PACKAGES = python3 python3-yaml python3-jsonschema python3-openpyxl unzip
DOCS_PACKAGES = libreoffice-calc poppler-utils python3-pil
BROWSER_PACKAGES = chromium nodejs

SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build demo check test bench fuzz faults concurrency install lint format \
	format-check memcheck \
	screenshots browser-test clean

all: build

# Install only what dpkg does not already have.
define apt_install
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "netmap: installing $$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

deps:
	$(call apt_install,$(DEB_PACKAGES))

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@rm -f $(BUILD)/demo.db $(BUILD)/demo.db-wal $(BUILD)/demo.db-shm
	$(BUILD)/netmap scan --db $(BUILD)/demo.db data/

check: deps
	$(call apt_install,$(TEST_PACKAGES))
	cmake -S . -B $(CHECK_BUILD) -DCMAKE_BUILD_TYPE=Debug -DBUILD_TESTING=ON \
		-DNETMAP_WERROR=ON -DNETMAP_SANITIZE=address,undefined
	cmake --build $(CHECK_BUILD) -j $(JOBS)
	cd $(CHECK_BUILD) && ctest --output-on-failure -j $(JOBS)

test: check

bench: build
	$(call apt_install,$(BENCH_PACKAGES))
	bench/run.sh $(BUILD) $(SCALES)
	bench/sheets.sh $(BUILD) region

fuzz: deps
	$(call apt_install,$(FUZZ_PACKAGES))
	CC=clang cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=Debug \
		-DBUILD_TESTING=OFF -DNETMAP_FUZZ=ON
	cmake --build $(FUZZ_BUILD) -j $(JOBS)
	tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

# SIGKILL during scans (FAULT_TRIALS of them), a full disk, foreign,
# corrupted and newer stores, a read-only store; FAULT_SEED=N repeats a run.
faults: deps
	$(call apt_install,$(FAULT_PACKAGES))
	cmake -S . -B $(FAULT_BUILD) -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF
	cmake --build $(FAULT_BUILD) -j $(JOBS) --target netmap
	tests/faults/run.sh $(FAULT_BUILD) $(FAULT_TRIALS)

concurrency: deps
	$(call apt_install,$(FAULT_PACKAGES))
	cmake -S . -B $(FAULT_BUILD) -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF
	cmake --build $(FAULT_BUILD) -j $(JOBS) --target netmap
	tests/concurrency/run.sh $(FAULT_BUILD) $(CONCURRENCY_ROUNDS)

# cppcheck and clang-tidy (.clang-tidy) over the sources: zero findings.
# False positives are suppressed, with reasons, in .cppcheck-suppressions.
# Then the format check: every tracked C file as clang-format-14 writes it
# (.clang-format); `make format` rewrites them so.
lint: deps
	$(call apt_install,$(LINT_PACKAGES))
	cmake -S . -B $(LINT_BUILD) -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DBUILD_TESTING=OFF >/dev/null
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability --inline-suppr \
		--suppressions-list=.cppcheck-suppressions -D_POSIX_C_SOURCE=200809L \
		--template='{file}:{line}:{column}: {severity}: {message} [{id}]' \
		-I include -I $(LINT_BUILD)/include src src/cli
	@status=0; ls src/*.c src/cli/*.c | xargs -P $(JOBS) -n 4 $(CLANG_TIDY) -p $(LINT_BUILD) \
		--quiet 2>$(LINT_BUILD)/clang-tidy.err || status=$$?; \
	grep -v 'warnings\? generated\|Suppressed .* warnings\|Use -header-filter\|non-user code' \
		$(LINT_BUILD)/clang-tidy.err >&2; \
	if [ $$status = 0 ]; then echo "lint: cppcheck and clang-tidy: no findings"; fi; \
	exit $$status
	$(MAKE) --no-print-directory format-check

format-check:
	$(call apt_install,$(FORMAT_PACKAGES))
	CLANG_FORMAT=$(CLANG_FORMAT) .ci/format

format:
	$(call apt_install,$(FORMAT_PACKAGES))
	CLANG_FORMAT=$(CLANG_FORMAT) .ci/format -i

# The HTML report in headless Chromium (tests/browser/report.test.cjs):
# Debian's chromium, playwright-core at the version package-lock.json pins,
# installed into $(BROWSER_BUILD)/node_modules without install scripts (it
# downloads no browser). Reports, screenshots and the city-scale page's time
# to interactive land in $(BROWSER_BUILD).
browser-test: build
	$(call apt_install,$(BROWSER_PACKAGES))
	@command -v npm >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq npm; }
	mkdir -p $(BROWSER_BUILD)
	cp tests/browser/package.json tests/browser/package-lock.json $(BROWSER_BUILD)/
	cd $(BROWSER_BUILD) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	node tests/browser/report.test.cjs $(BUILD)/netmap $(BROWSER_BUILD)

# valgrind memcheck on a plain build (no sanitizer): the CLI tests, which
# run the real binary on small data, with every child traced; zero errors
# and zero leaks (definite, indirect or possible).
MEMCHECK = valgrind --quiet --error-exitcode=97 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect,possible --show-leak-kinds=definite,indirect,possible \
	--trace-children=yes --trace-children-skip='*/sh,*/bash,*/rm,*/mkdir,*/ln,*/python3*' \
	--log-file=$(CURDIR)/$(MEMCHECK_BUILD)/valgrind/%p.log
memcheck: deps
	$(call apt_install,$(MEMCHECK_PACKAGES))
	cmake -S . -B $(MEMCHECK_BUILD) -DCMAKE_BUILD_TYPE=Debug -DBUILD_TESTING=ON
	cmake --build $(MEMCHECK_BUILD) -j $(JOBS) --target netmap test_cli
	rm -rf $(MEMCHECK_BUILD)/valgrind && mkdir -p $(MEMCHECK_BUILD)/valgrind
	cd $(MEMCHECK_BUILD)/tests && NO_COLOR=1 LC_ALL=C.UTF-8 $(MEMCHECK) ./test_cli
	@for f in $(MEMCHECK_BUILD)/valgrind/*.log; do \
		if [ -s "$$f" ]; then echo "memcheck: $$f"; cat "$$f"; bad=1; fi; \
	done; \
	echo "memcheck: $$(ls $(MEMCHECK_BUILD)/valgrind | wc -l) processes, $${bad:+errors}$${bad:-no errors, no leaks}"; \
	[ -z "$$bad" ]

# The template screenshots in docs/images/ (LibreOffice -> PDF -> pdftoppm).
screenshots: build
	$(call apt_install,$(DOCS_PACKAGES))
	docs/images/make-screenshots.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(CHECK_BUILD) $(FUZZ_BUILD) $(FAULT_BUILD) $(LINT_BUILD) $(MEMCHECK_BUILD) \
		$(BROWSER_BUILD)
