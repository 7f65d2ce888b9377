from __future__ import annotations

import pytest

from khabar.config import DEFAULT_DB, Settings, settings_from_env
from khabar.errors import ConfigError


def test_defaults_without_environment() -> None:
    settings = settings_from_env({})
    assert settings == Settings()
    assert settings.db == DEFAULT_DB
    assert "khabar" in settings.fetch.user_agent


def test_environment_then_flags() -> None:
    env = {"KHABAR_DB": "env.db", "KHABAR_TOKEN": "s3cret"}
    assert settings_from_env(env).db == "env.db"
    assert settings_from_env(env, db="flag.db").db == "flag.db"
    assert settings_from_env(env, db=None).db == "env.db"
    assert settings_from_env(env).api_token == "s3cret"


def test_bad_digits_setting_is_refused() -> None:
    with pytest.raises(ConfigError, match="digits"):
        settings_from_env({"KHABAR_DIGITS": "roman"})
