"""facilitator: run live panel sessions on-site."""

__version__ = "0.1.0"
APP_NAME = "facilitator"
APP_ID = "org.facilitator.Facilitator"
