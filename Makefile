# Detente — build, test, demo. One build system: this Makefile.
#   make          build libdetente.a and ./detente
#   make demo     install missing Debian packages, build, run the main job on the sample
#   make check    install, build, run the whole test suite
#   make asan     the test suite under AddressSanitizer + UBSan
#   make fuzz     build the libFuzzer targets (clang)
#   make bench    run the benchmarks in bench/

CC       ?= cc
BUILD    ?= build
OPT      ?= -O2
CFLAGS_W  = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wstrict-prototypes -Werror \
            -Wno-sign-conversion
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -I/usr/include/libxml2
CFLAGS   ?= $(OPT) -g
ALL_CFLAGS = $(CFLAGS_W) $(CFLAGS) $(EXTRA_CFLAGS)
LDLIBS   += -lsqlite3 -lz -ldl -lpthread -lm

LIB_SRC  := $(sort $(wildcard src/util/*.c src/text/*.c src/dict/*.c src/coder/*.c src/ingest/*.c \
                              src/store/*.c src/analysis/*.c src/report/*.c))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
TEST_SRC := tests/harness.c $(sort $(wildcard tests/test_*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/cameo_table.o
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/%.o)
DEPS     := $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)

# Debian packages the build and the tests need.
# wget, python3 and r-cran-tm give the ingest tests a locally written WARC and real
# Reuters-21578 articles.
DEB_PKGS := gcc make libsqlite3-dev libxml2-dev zlib1g-dev libcurl4-openssl-dev wget python3 r-cran-tm

.PHONY: all deps demo check test asan fuzz bench bench-build clean
BIN      ?= detente
all: $(BUILD)/libdetente.a $(BIN)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

# The CAMEO code table is kept in data/ and compiled into the library.
$(BUILD)/gen/cameo_table.c: data/cameo-codes.tsv tools/gen-cameo.sh
	@mkdir -p $(dir $@)
	sh tools/gen-cameo.sh $< > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/cameo_table.o: $(BUILD)/gen/cameo_table.c
	$(CC) $(CPPFLAGS) -Isrc $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/libdetente.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(BUILD)/libdetente.a
	$(CC) $(ALL_CFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libdetente.a $(LDFLAGS) $(LDLIBS)

$(BUILD)/run-tests: $(TEST_OBJ) $(BUILD)/libdetente.a
	$(CC) $(ALL_CFLAGS) -o $@ $(TEST_OBJ) $(BUILD)/libdetente.a $(LDFLAGS) $(LDLIBS)

$(BUILD)/bench/store_bench: bench/store_bench.c $(BUILD)/libdetente.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libdetente.a $(LDFLAGS) $(LDLIBS)

deps:
	@sh tools/install-deps.sh $(DEB_PKGS)

demo: deps
	@$(MAKE) --no-print-directory all
	@sh tools/demo.sh

check: deps
	@$(MAKE) --no-print-directory all $(BUILD)/run-tests $(BENCH_BIN)
	@./$(BUILD)/run-tests

test: all $(BUILD)/run-tests
	@./$(BUILD)/run-tests $(T)


asan:
	@$(MAKE) --no-print-directory BUILD=build-asan OPT=-O1 \
	  EXTRA_CFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  LDFLAGS="-fsanitize=address,undefined" BIN=build-asan/detente build-asan/run-tests build-asan/detente
	@DETENTE_BIN=build-asan/detente ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ./build-asan/run-tests

fuzz:
	@sh fuzz/build.sh

BENCH_SRC := $(sort $(wildcard bench/*.c))
BENCH_BIN := $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)

$(BUILD)/bench/%: bench/%.c $(BUILD)/libdetente.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libdetente.a $(LDFLAGS) $(LDLIBS)

bench-build: $(BENCH_BIN)

# The benchmarks also want /usr/bin/time.
bench: all $(BENCH_BIN)
	@sh tools/install-deps.sh $(DEB_PKGS) time
	@sh bench/run.sh

clean:
	rm -rf build build-asan build-fuzz detente

-include $(DEPS)
