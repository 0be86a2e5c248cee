# A thin wrapper over CMake. `make demo` and `make check` install what is
# missing on Debian (apt-get, with sudo when not root), then build.

BUILD        ?= build
CHECK_BUILD  ?= build-check
FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 60
JOBS         ?= $(shell nproc 2>/dev/null || echo 2)
PREFIX       ?= /usr/local

DEB_PACKAGES = gcc make cmake pkg-config libyaml-dev libsqlite3-dev \
               libcmocka-dev libutf8proc-dev libssl-dev sqlite3 \
               libgraphviz-dev graphviz python3 python3-networkx
BENCH_PACKAGES = python3 python3-yaml python3-networkx time
FUZZ_PACKAGES = clang libclang-rt-dev

SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build demo check test bench fuzz install lint clean

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
	cmake -S . -B $(CHECK_BUILD) -DCMAKE_BUILD_TYPE=Debug -DBUILD_TESTING=ON \
		-DNETMAP_WERROR=ON -DNETMAP_SANITIZE=address,undefined
	cmake --build $(CHECK_BUILD) -j $(JOBS)
	cd $(CHECK_BUILD) && ctest --output-on-failure -j $(JOBS)

test: check

bench: build
	$(call apt_install,$(BENCH_PACKAGES))
	bench/run.sh $(BUILD) $(SCALES)

fuzz: deps
	$(call apt_install,$(FUZZ_PACKAGES))
	CC=clang cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=Debug \
		-DBUILD_TESTING=OFF -DNETMAP_FUZZ=ON
	cmake --build $(FUZZ_BUILD) -j $(JOBS)
	tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

lint: deps
	cmake -S . -B $(BUILD) -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
		--inline-suppr -I include src src/cli

clean:
	rm -rf $(BUILD) $(CHECK_BUILD) $(FUZZ_BUILD)
