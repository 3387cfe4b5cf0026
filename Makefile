# Developer shortcuts. The README's two commands do not need make.
PY ?= .venv/bin/python
UIC ?= .venv/bin/pyside6-uic
FORMS := $(patsubst ui/%.ui,src/facilitator/gui/forms/ui_%.py,$(wildcard ui/*.ui))

.PHONY: forms translations test bench
forms: $(FORMS)

src/facilitator/gui/forms/ui_%.py: ui/%.ui
	$(UIC) --from-imports $< -o $@

translations:
	$(PY) -m facilitator.gui.i18n_tool

test:
	./scripts/test

bench:
	./scripts/bench
