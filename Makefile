# Pantau — the two commands are `make run` and `make test` (see README.md).
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release
DB ?= var/pantau.db
LISTEN ?= 127.0.0.1:8080

.PHONY: run test build web deps deps-test bench fuzz clean format

run: build web
	@mkdir -p var
	./$(BUILD)/pantau seed --demo --db $(DB) --files var/files
	./$(BUILD)/pantau serve --db $(DB) --listen $(LISTEN) --web web/dist --files var/files

test:
	bash scripts/test.sh

deps:
	bash scripts/install-deps.sh

deps-test:
	bash scripts/install-deps.sh --test

build: deps
	cmake -S . -B $(BUILD) -G Ninja $(CMAKE_FLAGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

web: deps
	@if [ -f web/package.json ]; then bash scripts/npm-install.sh web && cd web && npm run build; fi

bench: build
	bash bench/run.sh

fuzz: deps-test
	bash scripts/fuzz.sh 60

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp')

clean:
	rm -rf $(BUILD) build-fuzz
