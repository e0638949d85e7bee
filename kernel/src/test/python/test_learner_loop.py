"""The learner's loop through a real Jupyter client: cells run again, cells that failed and were fixed, Run All
after an error (stop_on_error), and the lesson notebooks run twice in one kernel.

Run by LearnerLoopTests (mvn test) with Debian's /usr/bin/python3, JUPYTER_PATH pointing at a kernelspec written
for the test, IAMLAB_KERNEL_NAME naming it and IAMLAB_NOTEBOOKS the lessons' directory. By hand:

    JUPYTER_PATH=... IAMLAB_KERNEL_NAME=iamlab IAMLAB_NOTEBOOKS=../../../../notebooks \\
        /usr/bin/python3 -m unittest -v test_learner_loop
"""

import glob
import os
import unittest

import nbformat
from jupyter_client.manager import start_new_kernel

TIMEOUT = 120

SETUP = """%%iam
account('111122223333', alias: 'shop') {
    bucket 'shop-logs'
    policy('ReadLogs') { allow 's3:GetObject' on 'arn:aws:s3:::shop-logs/*' }
    group('developers') { attach 'ReadLogs' }
    alice = user('alice') { groups 'developers' }
}"""

WORLD = "%%iam\nworld"


class LearnerLoopTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=os.environ.get("IAMLAB_KERNEL_NAME", "iamlab"),
                                          startup_timeout=TIMEOUT)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def setUp(self):
        self.assertEqual("ok", self.run_cell("%reset")["status"])

    # Talking to the kernel

    def send(self, code, cell_id=None, stop_on_error=True):
        """Sends an execute_request as JupyterLab does (with the cell's ID in the metadata); returns its msg_id."""
        content = dict(code=code, silent=False, store_history=True, user_expressions={}, allow_stdin=False,
                       stop_on_error=stop_on_error)
        msg = self.kc.session.msg("execute_request", content,
                                  metadata={"cellId": cell_id} if cell_id else {})
        self.kc.shell_channel.send(msg)
        return msg["header"]["msg_id"]

    def reply(self, msg_id):
        """The execute_reply to msg_id, and the outputs the request had on IOPub until the kernel was idle."""
        while True:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        outputs = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status":
                if msg["content"]["execution_state"] == "idle":
                    break
                continue
            outputs.append(msg)
        content = dict(reply["content"])
        content["outputs"] = outputs
        return content

    def run_cell(self, code, cell_id=None, stop_on_error=True):
        return self.reply(self.send(code, cell_id, stop_on_error))

    def value(self, code):
        reply = self.run_cell(code)
        self.assertEqual("ok", reply["status"], reply)
        shown = [o["content"]["data"]["text/plain"] for o in reply["outputs"]
                 if o["msg_type"] in ("execute_result", "display_data")]
        self.assertEqual(1, len(shown), [o["msg_type"] for o in reply["outputs"]])
        return shown[0]

    def assert_ok(self, reply):
        self.assertEqual("ok", reply["status"], reply.get("evalue", reply))

    # Re-running

    def test_the_same_setup_cell_twice_leaves_the_world_one_run_leaves(self):
        self.assert_ok(self.run_cell(SETUP, cell_id="setup"))
        once = self.value(WORLD)
        self.assert_ok(self.run_cell(SETUP, cell_id="setup"))
        self.assertEqual(once, self.value(WORLD))

    def test_a_cell_run_twice_is_the_same_cell_by_its_code_when_the_client_sends_no_cell_id(self):
        self.assert_ok(self.run_cell(SETUP))
        once = self.value(WORLD)
        self.assert_ok(self.run_cell(SETUP))
        self.assertEqual(once, self.value(WORLD))

    def test_aws_and_java_cells_run_twice_too(self):
        self.assert_ok(self.run_cell(SETUP, cell_id="setup"))
        aws = "%%aws\naws iam create-user --user-name gina\naws iam create-access-key --user-name gina"
        java = 'alice.account().createUser("hank", "/").name()'
        for _ in range(2):
            self.assert_ok(self.run_cell(aws, cell_id="aws"))
            self.assert_ok(self.run_cell(java, cell_id="java"))
        self.assertEqual("[alice, gina, hank]", self.value(
            '%%iam\nworld.account("111122223333").users()*.name().sort()'))
        self.assertEqual("1", self.value("%%iam\nuser('gina').accessKeys().size()"), "one key, as one run makes")

    def test_a_cell_that_failed_on_a_typo_runs_once_fixed(self):
        typo = SETUP.replace("groups 'developers'", "groups 'developers'\n    alow 's3:PutObject'")
        failed = self.run_cell(typo, cell_id="setup")
        self.assertEqual("error", failed["status"])
        self.assertNotIn("duplicate", failed["evalue"])
        self.assertEqual("[]", self.value("%%iam\nworld.accounts()*.id()"),
                         "the failed cell left no account, bucket or user behind")
        self.assert_ok(self.run_cell(SETUP, cell_id="setup"))
        self.assertIn("alice", self.value(WORLD))

    def test_a_re_run_is_seen_by_later_cells_in_both_languages(self):
        self.assert_ok(self.run_cell(SETUP, cell_id="setup"))
        explain = "%%iam\nexplain alice, 's3:GetObject', 'arn:aws:s3:::shop-logs/a'"
        self.assertTrue(self.value(explain).startswith("Allowed"))
        self.assertEqual("[developers]", self.value("alice.groups().stream().map(g -> g.name()).toList()"))
        self.assert_ok(self.run_cell(SETUP.replace("{ groups 'developers' }", "{ }"), cell_id="setup"))
        self.assertTrue(self.value(explain).startswith("ImplicitlyDenied"), "explain sees the re-defined alice")
        self.assertEqual("[]", self.value("alice.groups().stream().map(g -> g.name()).toList()"),
                         "Java's alice is the re-defined alice too")

    def test_a_name_another_cell_defined_is_a_duplicate_that_names_that_cell(self):
        first = self.run_cell("%%iam\nuser('erin') { }", cell_id="first")
        self.assert_ok(first)
        second = self.run_cell("%%iam\nuser('erin') { }", cell_id="second")
        self.assertEqual("error", second["status"])
        self.assertIn("duplicate user `erin`", second["evalue"])
        self.assertIn("cell [%d] defined it" % first["execution_count"], second["evalue"])
        self.assertIn("%reset", second["evalue"])

    # stop_on_error

    def test_after_a_failed_cell_the_queued_cells_are_aborted(self):
        ids = [self.send("int fails = 1 / 0;"), self.send("int second = 2;"), self.send("%%iam\nuser('ivy') { }")]
        replies = [self.reply(i) for i in ids]
        self.assertEqual(["error", "aborted", "aborted"], [r["status"] for r in replies])
        self.assertEqual([], [o["msg_type"] for r in replies[1:] for o in r["outputs"]],
                         "an aborted cell shows nothing")
        self.assertEqual("[]", self.value("%%iam\nworld.accounts()*.users().flatten()*.name()"),
                         "the aborted %%iam cell did not run")
        self.assert_ok(self.run_cell("int later = 3;"))

    def test_requests_other_than_execute_are_still_answered_while_queued_cells_are_aborted(self):
        failing = self.send("int fails = 1 / 0;")
        complete = self.kc.complete("Math.ma", 7)
        later = self.send("int third = 3;")
        shell = {}
        while len(shell) < 3:
            msg = self.kc.get_shell_msg(timeout=TIMEOUT)
            shell[msg["parent_header"].get("msg_id")] = msg["content"]
        self.assertEqual("error", shell[failing]["status"])
        self.assertEqual("ok", shell[complete]["status"])
        self.assertTrue(any(m.startswith("max") for m in shell[complete]["matches"]), shell[complete])
        self.assertEqual("aborted", shell[later]["status"], "the cell queued behind the completion is aborted")
        self.assert_ok(self.run_cell("int fourth = 4;"))

    def test_a_failed_cell_with_stop_on_error_false_aborts_nothing(self):
        ids = [self.send("int fails = 1 / 0;", stop_on_error=False), self.send("int second = 2;"),
               self.send("second + 1")]
        self.assertEqual(["error", "ok", "ok"], [self.reply(i)["status"] for i in ids])

    # The lessons

    def test_every_lesson_notebook_runs_twice_in_one_kernel(self):
        notebooks = sorted(glob.glob(os.path.join(os.environ["IAMLAB_NOTEBOOKS"], "*.ipynb")))
        self.assertTrue(notebooks, "the lessons are in IAMLAB_NOTEBOOKS")
        for path in notebooks:
            for with_ids in (True, False):
                with self.subTest(notebook=os.path.basename(path), cell_ids=with_ids):
                    self.assert_ok(self.run_cell("%reset"))
                    cells = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
                    worlds = []
                    for run in range(2):
                        for i, cell in enumerate(cells):
                            cell_id = (cell.get("id") or "cell-%d" % i) if with_ids else None
                            reply = self.run_cell(cell.source, cell_id=cell_id)
                            self.assertEqual("ok", reply["status"], "run %d of %s: %s" % (run + 1, path, reply))
                            self.assertEqual([], [o for o in reply["outputs"] if o["msg_type"] == "error"])
                        worlds.append(self.value(WORLD))
                    self.assertEqual(worlds[0], worlds[1], "the second Run All leaves the world the first left")

if __name__ == "__main__":
    unittest.main()
