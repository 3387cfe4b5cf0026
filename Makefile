# Developer shortcuts. The README's two commands do not need make.
PY ?= .venv/bin/python
UIC ?= .venv/bin/pyside6-uic
RUFF ?= .venv/bin/ruff
FORMS := $(patsubst ui/%.ui,src/facilitator/gui/forms/ui_%.py,$(wildcard ui/*.ui))

.PHONY: forms translations test bench
forms: $(FORMS)

# uic imports every class a form might use; each PySide6 class imported makes its Python
# enums then (~6 ms at start-up for the main window's form): ruff drops the unused ones.
src/facilitator/gui/forms/ui_%.py: ui/%.ui
	$(UIC) --from-imports $< -o $@
	$(RUFF) check --quiet --isolated --select F401 --fix $@

# Qt Linguist: refresh the .ts files from the sources (new strings appear unfinished,
# removed ones are dropped), then compile every .ts to the .qm the app loads.
LUPDATE ?= .venv/bin/pyside6-lupdate
LRELEASE ?= .venv/bin/pyside6-lrelease
LANGUAGES := fr es
# gui/ and its rooms (gui/polls/, …); not the forms pyside6-uic makes from ui/*.ui.
TR_SOURCES := $(sort $(wildcard src/facilitator/gui/*.py)) \
  $(sort $(filter-out src/facilitator/gui/forms/%,$(wildcard src/facilitator/gui/*/*.py))) \
  $(sort $(wildcard ui/*.ui))

translations:
	for lang in $(LANGUAGES); do \
	  $(LUPDATE) $(TR_SOURCES) -no-obsolete -locations none -source-language en \
	    -target-language $$lang -ts resources/i18n/facilitator_$$lang.ts || exit 1; \
	done
	$(LRELEASE) $(foreach lang,$(LANGUAGES),resources/i18n/facilitator_$(lang).ts)

test:
	./scripts/test

bench:
	./scripts/bench
