# Ember build. `make` builds build/release/ember; `make test` runs unit + golden tests;
# `make test-asan` / `make test-tsan` the same under sanitizers; `make bench` the benchmarks.
# MODE=release|debug|asan|tsan selects a build tree under build/$(MODE).

MODE ?= release
BUILD := build/$(MODE)
GEN := $(BUILD)/gen
OBJ := $(BUILD)/obj
PREFIX ?= /usr/local

CC := $(if $(filter default,$(origin CC)),gcc,$(CC))
RE2C ?= re2c
LEMON ?= lemon
LEMPAR ?= /usr/share/lemon/lempar.c

CPPFLAGS += -iquote vm -iquote vm/etf -iquote compiler -I$(GEN) -MMD -MP -D_GNU_SOURCE
CFLAGS += -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Werror -pthread
# The libraries Ember is built on are linked statically (their .a files come with the -dev
# packages): mapping and relocating nine shared libraries was most of a 10 ms start-up.
STATIC_LIBS := -lgmp -lutf8proc -lffi -ledit -ltinfo -lbsd -lmd -lpcre2-8 -lz -lcrypto
LDLIBS += -Wl,-Bstatic $(STATIC_LIBS) -Wl,-Bdynamic -lm -latomic -pthread
# libcrypto (:crypto, vm/shared/crypto.c) holds ~17,000 pointers that a position-independent
# executable relocates at every start (about 100 page faults, 1-2 ms); a fixed-address
# executable needs none, so release and debug builds link with -no-pie (the sanitizers keep PIE).
ifneq ($(filter release debug,$(MODE)),)
  LDLIBS += -no-pie
endif

ifeq ($(MODE),release)
  CFLAGS += -O2 -g -DNDEBUG
else ifeq ($(MODE),debug)
  CFLAGS += -O0 -g3
else ifeq ($(MODE),asan)
  SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
  CFLAGS += -O1 -g $(SAN)
  LDFLAGS += $(SAN)
else ifeq ($(MODE),tsan)
  CFLAGS += -O1 -g -fsanitize=thread
  LDFLAGS += -fsanitize=thread
endif

# Subsystems live in their own folders under vm/ (vm/regex/, vm/etf/, ...).
VM_SRCS := $(filter-out vm/main.c,$(wildcard vm/*.c)) $(wildcard vm/*/*.c)
COMPILER_SRCS := $(wildcard compiler/*.c)
GEN_SRCS := $(GEN)/lexer.c $(GEN)/parser.c
LIB_OBJS := $(VM_SRCS:%.c=$(OBJ)/%.o) $(COMPILER_SRCS:%.c=$(OBJ)/%.o) \
            $(OBJ)/gen/lexer.o $(OBJ)/gen/parser.o
MAIN_OBJ := $(OBJ)/vm/main.o
UNIT_SRCS := $(wildcard tests/unit/*.c)
UNIT_OBJS := $(UNIT_SRCS:%.c=$(OBJ)/%.o)
STDLIB_SRCS := $(sort $(wildcard stdlib/*.ex))

EMBER := $(BUILD)/ember
STAGE0 := $(BUILD)/ember-stage0

.DELETE_ON_ERROR:
.PHONY: all run test test-unit test-golden test-asan test-tsan test-stress bench deps golden-oracle \
        golden-bless install clean check-headers fuzz coverage

all: deps $(EMBER)

# ---- dependencies (Debian packages), installed when missing and running as root ----
DEB_PKGS := build-essential pkg-config re2c lemon libffi-dev libcriterion-dev libedit-dev \
            libgmp-dev libutf8proc-dev libncurses-dev libbsd-dev libpcre2-dev zlib1g-dev libssl-dev
ORACLE_PKGS := elixir erlang-nox
deps:
	@bash tools/deps.sh $(DEB_PKGS)

deps-oracle:
	@bash tools/deps.sh $(ORACLE_PKGS)

# ---- generated lexer and parser ----
$(GEN)/lexer.c: compiler/lexer.re | $(GEN)/parser.h
	@mkdir -p $(GEN)
	$(RE2C) -W -Werror -c -8 --encoding-policy fail --no-generation-date --no-version $< -o $@

$(GEN)/parser.c $(GEN)/parser.h &: compiler/parser.y
	@mkdir -p $(GEN)
	$(LEMON) -c -T$(LEMPAR) -d$(GEN) $<
	@touch $(GEN)/parser.c $(GEN)/parser.h

$(LIB_OBJS) $(MAIN_OBJ) $(UNIT_OBJS): | $(GEN)/parser.h

$(OBJ)/gen/%.o: $(GEN)/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-unused-parameter -Wno-unused-variable -c $< -o $@

$(OBJ)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(OBJ)/tests/%.o: CFLAGS += $(shell pkg-config --cflags criterion 2>/dev/null)

# ---- the binary: stage0 (no stdlib) compiles stdlib/*.ex, then the stdlib is embedded ----
$(STAGE0): $(LIB_OBJS) $(MAIN_OBJ) $(OBJ)/stdlib_empty.o
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(OBJ)/stdlib_empty.o: tools/stdlib_blob.S
	@mkdir -p $(dir $@) $(BUILD)/stdlib && : > $(BUILD)/stdlib/empty.bin
	$(CC) -c -DBLOB='"$(BUILD)/stdlib/empty.bin"' $< -o $@

$(BUILD)/stdlib/stdlib.bin: $(STAGE0) $(STDLIB_SRCS)
	@mkdir -p $(BUILD)/stdlib
	$(STAGE0) compile $(STDLIB_SRCS) -o $(BUILD)/stdlib --bundle $@

$(OBJ)/stdlib_blob.o: tools/stdlib_blob.S $(BUILD)/stdlib/stdlib.bin
	$(CC) -c -DBLOB='"$(BUILD)/stdlib/stdlib.bin"' $< -o $@

$(EMBER): $(LIB_OBJS) $(MAIN_OBJ) $(OBJ)/stdlib_blob.o
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# ---- running and testing ----
run: all
	$(EMBER) examples/hello.exs

$(BUILD)/unit_tests: $(LIB_OBJS) $(UNIT_OBJS) $(OBJ)/stdlib_blob.o
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(shell pkg-config --libs criterion 2>/dev/null)

# ---- the C library the FFI golden tests call (tests/golden/ffi, docs/ffi.md) ----
# Built with the mode's flags (so ASan/TSan builds instrument it too); the golden programs
# find it through EMBER_FFI_TESTLIB. The ffi area runs a second time on one scheduler, where
# a C call that blocked its scheduler would show (tests/golden/ffi/blocking.exs).
FFI_TESTLIB := $(BUILD)/ffi/libffi_testlib.so
export EMBER_FFI_TESTLIB := $(CURDIR)/$(FFI_TESTLIB)
$(FFI_TESTLIB): tests/ffi/ffi_testlib.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Wmissing-prototypes -fPIC -shared $(LDFLAGS) -o $@ $<
test test-golden: $(FFI_TESTLIB)

test: all $(BUILD)/unit_tests
	$(BUILD)/unit_tests --jobs 2
	bash tests/run_golden.sh $(EMBER) tests/golden
	EMBER_SCHEDULERS=1 bash tests/run_golden.sh $(EMBER) tests/golden/ffi
	bash tests/io_pool_test.sh $(EMBER)
	STRESS_SCALE=$${STRESS_SCALE:-10} bash tests/stress/run.sh $(EMBER) $${STRESS_SCALE:-10}

# ---- REPL end-to-end tests (tests/repl/README.md) ----
# pty_drive runs a command on a pseudo-terminal and follows a .pty script; toy_shell is its
# self-test's raw-mode program. Both are test tools, built with fixed flags in every MODE.
# test-repl checks the driver, then runs the REPL scripts and pipe cases against $(EMBER);
# it is also a prerequisite of `test`, so it runs before the rest of `make test`.
PTY_CFLAGS := -std=c11 -Wall -Wextra -Werror -D_GNU_SOURCE -O2 -g
REPL_TIMEOUT_DEFAULT := $(if $(filter asan tsan,$(MODE)),20,5)
.PHONY: test-repl

$(BUILD)/pty_drive: tests/repl/pty_drive.c
	@mkdir -p $(BUILD)
	$(CC) $(PTY_CFLAGS) $< -o $@ -lutil

$(BUILD)/toy_shell: tests/repl/selftest/toy_shell.c
	@mkdir -p $(BUILD)
	$(CC) $(PTY_CFLAGS) $< -o $@

test-repl: all $(BUILD)/pty_drive $(BUILD)/toy_shell
	bash tests/repl/selftest.sh $(BUILD)/pty_drive $(BUILD)/toy_shell
	REPL_TIMEOUT=$${REPL_TIMEOUT:-$(REPL_TIMEOUT_DEFAULT)} \
	    bash tests/repl/run.sh $(EMBER) $(BUILD)/pty_drive

test: test-repl

test-unit: all $(BUILD)/unit_tests
	$(BUILD)/unit_tests --jobs 2

test-golden: all
	bash tests/run_golden.sh $(EMBER) tests/golden

# Compiled-module tests (tests/aot/): `ember compile` lib/*.ex, then run main.exs with -pa or
# EMBER_PATH and compare with what elixirc + `elixir -pa` printed; plus Ember-only checks of
# corrupt .emb files and --dis. A prerequisite of `test`, so test-asan runs it on build/asan.
.PHONY: test-aot
test: test-aot
test-aot: all
	AOT_TIMEOUT=$${AOT_TIMEOUT:-$${GOLDEN_TIMEOUT:-30}} bash tests/aot/run.sh $(EMBER)

export ASAN_OPTIONS ?= abort_on_error=1:detect_leaks=1
export UBSAN_OPTIONS ?= print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS ?= suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0

# Sanitizer builds run several times slower: give each golden program more time.
test-asan:
	GOLDEN_TIMEOUT=$${GOLDEN_TIMEOUT:-120} STRESS_SCALE=$${STRESS_SCALE:-100} $(MAKE) MODE=asan test

# The concurrency tests under ThreadSanitizer (Criterion cannot run under it, so these are
# plain programs): the process, OTP, I/O and Logger golden areas, the I/O pool test and the
# stress programs scaled down 100x (tests/stress/README.md). TSAN_OPTIONS makes any report fail.
TSAN_AREAS := process otp io logger # plus the stdlib/ets_* golden tests (test-tsan)
test-tsan:
	$(MAKE) MODE=tsan all
	for area in $(TSAN_AREAS); do \
	    TSAN_OPTIONS="halt_on_error=1 exitcode=66" GOLDEN_TIMEOUT=$${GOLDEN_TIMEOUT:-120} \
	        bash tests/run_golden.sh build/tsan/ember tests/golden/$$area || exit 1; \
	done
	TSAN_OPTIONS="halt_on_error=1 exitcode=66" GOLDEN_TIMEOUT=$${GOLDEN_TIMEOUT:-120} \
	    bash tests/run_golden.sh build/tsan/ember tests/golden stdlib/ets_
	TSAN_OPTIONS="halt_on_error=1 exitcode=66" GOLDEN_TIMEOUT=$${GOLDEN_TIMEOUT:-120} \
	    bash tests/run_golden.sh build/tsan/ember tests/golden binary/append
	for prefix in stdlib/counters_ stdlib/atomics_ stdlib/persistent_term_ stdlib/crypto_; do \
	    TSAN_OPTIONS="halt_on_error=1 exitcode=66" GOLDEN_TIMEOUT=$${GOLDEN_TIMEOUT:-120} \
	        bash tests/run_golden.sh build/tsan/ember tests/golden $$prefix || exit 1; \
	done
	TSAN_OPTIONS="halt_on_error=1 exitcode=66" IO_POOL_TIMEOUT=60 bash tests/io_pool_test.sh build/tsan/ember
	TSAN_OPTIONS="halt_on_error=1 exitcode=66" STRESS_TIMEOUT=$${STRESS_TIMEOUT:-300} \
	    bash tests/stress/run.sh build/tsan/ember $${TSAN_STRESS_SCALE:-100}

# The stress programs at full size (1M processes, 10M messages, ...) on 1, 2 and 4 schedulers.
test-stress: all
	bash tests/stress/run.sh $(EMBER) $${STRESS_SCALE:-1}

golden-oracle: deps-oracle
	bash tests/check_oracle.sh tests/golden

golden-bless: deps-oracle
	bash tests/check_oracle.sh --bless tests/golden

# docs/coverage.md: Elixir's public API of the issue-12 modules, present in Ember or missing.
coverage: all deps-oracle
	bash tools/coverage.sh $(EMBER) docs/coverage.md

bench: all deps-oracle
	bash bench/run.sh $(EMBER)

# binary_to_term's fuzz driver (tests/fuzz/fuzz_etf.c): mutated encodings, under ASan in `make fuzz`.
$(BUILD)/fuzz_etf: $(LIB_OBJS) $(OBJ)/tests/fuzz/fuzz_etf.o $(OBJ)/tests/unit/fixtures.o $(OBJ)/stdlib_blob.o
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

fuzz: 
	$(MAKE) MODE=asan all build/asan/fuzz_etf
	bash tests/fuzz_compiler.sh build/asan/ember tests/golden
	timeout 300 build/asan/fuzz_etf $${FUZZ_ETF_COUNT:-2000000} $${FUZZ_SEED:-1}

install: all
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(EMBER) $(DESTDIR)$(PREFIX)/bin/ember

check-headers:
	@for h in vm/*.h vm/etf/*.h compiler/*.h; do echo "#include \"$$(basename $$h)\"" | \
	  $(CC) $(CPPFLAGS) $(CFLAGS) -x c -fsyntax-only - || exit 1; done
	@for h in vm/regex/*.h; do echo "#include \"regex/$$(basename $$h)\"" | \
	  $(CC) $(CPPFLAGS) $(CFLAGS) -x c -fsyntax-only - || exit 1; done

clean:
	rm -rf build

-include $(shell find $(OBJ) -name '*.d' 2>/dev/null)
