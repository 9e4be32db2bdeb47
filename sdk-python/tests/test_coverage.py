"""Every operation of nozle.yaml has a method, the models are current, and the version is one."""

import inspect
import re
import shutil
import subprocess
import unittest

from support import ROOT, SDK

import nozle
from nozle.models import OPERATIONS

# Operations an application does not call from Python: the browser SDK's WebSocket, and the
# endpoint Stripe itself calls.
NOT_FOR_THE_SDK = {"realtime", "receiveStripeWebhook"}


def methods_by_operation(client: nozle.Nozle) -> dict[str, str]:
    found: dict[str, str] = {}
    owners = [("", client)] + [(f"{name}.", value) for name, value in vars(client).items() if not name.startswith("_")]
    for prefix, owner in owners:
        for name, method in inspect.getmembers(owner, inspect.ismethod):
            operation = getattr(method, "__nozle_operation__", None)
            if operation is not None:
                found[operation] = prefix + name
    return found


class Coverage(unittest.TestCase):
    def test_every_operation_has_a_method(self) -> None:
        found = methods_by_operation(nozle.Nozle("sk_test"))
        missing = sorted(set(OPERATIONS) - NOT_FOR_THE_SDK - set(found))
        self.assertEqual(missing, [], "operations of nozle.yaml without a method in the Python SDK")
        self.assertEqual(sorted(set(found) - set(OPERATIONS)), [], "methods tagged with an operation the spec does not have")

    @unittest.skipIf(shutil.which("node") is None, "node is not installed")
    def test_models_py_is_generated_from_the_current_spec(self) -> None:
        check = subprocess.run(["node", str(SDK / "scripts" / "generate_models.mjs"), "--check"], cwd=ROOT, capture_output=True, text=True)
        self.assertEqual(check.returncode, 0, check.stderr)

    def test_the_version_is_the_one_in_pyproject(self) -> None:
        pyproject = (SDK / "pyproject.toml").read_text()
        self.assertEqual(re.search(r'^version = "([^"]+)"', pyproject, re.M).group(1), nozle.VERSION)  # type: ignore[union-attr]


if __name__ == "__main__":
    unittest.main()
