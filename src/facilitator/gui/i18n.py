"""The desktop app's language: the system's by default, or the one chosen in the menu."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from facilitator.assets import asset_path

LANGUAGES = {"en": "English", "fr": "Français", "es": "Español"}
SETTING = "language"


def chosen_language() -> str:
    """The menu's choice if any, else the system language when we have it, else English."""
    chosen = str(QSettings().value(SETTING, "") or "")
    if chosen in LANGUAGES:
        return chosen
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def set_language(code: str) -> None:
    """Remember the menu's choice ("" = follow the system); it applies at the next start."""
    QSettings().setValue(SETTING, code if code in LANGUAGES else "")


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load facilitator's and Qt's own translations (dialog buttons) for ``language``."""
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    from PySide6.QtCore import QLibraryInfo  # its class and enum only when Qt's are loaded

    sources = [
        (f"facilitator_{language}", str(asset_path("i18n"))),
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ]
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def help_page(language: str) -> str:
    """The quick-start and troubleshooting page in ``language`` (HTML we wrote ourselves)."""
    path = asset_path("help", f"{language}.html")
    if not path.exists():
        path = asset_path("help", "en.html")
    return path.read_text(encoding="utf-8")
