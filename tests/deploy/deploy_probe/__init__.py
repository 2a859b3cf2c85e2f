"""Test-only views added to the example project for the deployment tests (never shipped).

tests/deploy/conftest.py builds the WAR from a copy of examples/mysite plus this package, with
``deploy_probe.settings`` (the example's settings, this URLconf in front of the example's).
"""
