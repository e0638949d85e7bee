"""The kernel, started by jupyter_client from its kernelspec, against what a well-behaved front end never sends:
badly signed requests, malformed frames, random well-signed messages, and cells that call System.exit. Run by
KernelJupyterClientTests with IAMLAB_KERNEL_NAME naming the kernelspec."""

import os
import random
import time
import unittest

from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

KERNEL = os.environ.get("IAMLAB_KERNEL_NAME", "iamlab")
STAYS_UP = "the kernel stays up; use %reset for a fresh world or restart the kernel from the menu"


class BadMessagesTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=120)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def run_cell(self, code):
        outputs = []
        reply = self.kc.execute_interactive(code, timeout=60, output_hook=outputs.append)
        return reply["content"], outputs

    def result(self, code):
        content, outputs = self.run_cell(code)
        self.assertEqual("ok", content["status"], content)
        return [o["content"]["data"]["text/plain"] for o in outputs if o["msg_type"] == "execute_result"][0]

    def test_a_flood_of_badly_signed_requests_is_dropped_and_the_next_request_answered_at_once(self):
        bad = Session(key=b"not-the-key", session=self.kc.session.session)
        shell = self.kc.shell_channel.socket
        bad.send(shell, "execute_request", {"code": "int hacked = 1;", "silent": False, "store_history": True,
                                            "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        for _ in range(1000):
            bad.send(shell, "kernel_info_request", {})
        start = time.monotonic()
        reply = self.kc.kernel_info(reply=True, timeout=5)
        print("jupyter_client: kernel_info answered %.0f ms after 1001 badly signed requests"
              % ((time.monotonic() - start) * 1000))
        self.assertEqual("ok", reply["content"]["status"])
        self.assertEqual("CompilationError", self.run_cell("hacked")[0]["ename"])

    def test_malformed_frames_are_dropped(self):
        shell = self.kc.shell_channel.socket
        header = self.kc.session.msg_header("kernel_info_request")
        del header["msg_id"]
        signed = self.kc.session.sign
        for frames in ([b"junk"], [b"<IDS|MSG>"], [b"<IDS|MSG>", b"00", b"{}"],
                       [b"<IDS|MSG>", signed([b"{nope", b"{}", b"{}", b"{}"]), b"{nope", b"{}", b"{}", b"{}"]):
            shell.send_multipart(frames)
        self.kc.session.send(shell, "no_such_request", {})
        self.assertEqual("2", self.result("1 + 1"))

    def test_exit_in_a_java_or_iam_cell_is_refused_and_the_kernel_lives(self):
        self.assertEqual("ok", self.run_cell("int kept = 41;")[0]["status"])
        for code in ("System.exit(0);", "Runtime.getRuntime().halt(1);", "%%iam\nSystem.exit(0)"):
            content, _ = self.run_cell(code)
            self.assertEqual("error", content["status"], code)
            self.assertTrue(content["ename"].endswith("ExitRefused"), content)
            self.assertIn(STAYS_UP, content["evalue"])
            self.assertTrue(self.km.is_alive(), code)
        self.assertEqual("42", self.result("kept + 1"))

    def test_a_few_hundred_random_well_signed_messages_leave_the_kernel_answering(self):
        seed = int(os.environ.get("IAMLAB_FUZZ_SEED", time.time_ns()))
        rnd = random.Random(seed)
        types = ["execute_request", "kernel_info_request", "complete_request", "inspect_request",
                 "is_complete_request", "history_request", "comm_info_request", "comm_open", "input_reply",
                 "no_such_request"]
        keys = ["code", "cursor_pos", "detail_level", "hist_access_type", "n", "silent", "x"]

        def value(depth):
            kind = rnd.randrange(4 if depth > 2 else 6)
            return [lambda: rnd.randrange(-1000, 1000), lambda: rnd.random() < 0.5,
                    lambda: "".join(chr(rnd.randrange(32, 127)) for _ in range(rnd.randrange(30))),
                    lambda: None, lambda: content(depth + 1),
                    lambda: [value(depth + 1), value(depth + 1)]][kind]()

        def content(depth):
            return {rnd.choice(keys): value(depth) for _ in range(rnd.randrange(6))}

        for _ in range(300):
            self.kc.session.send(self.kc.shell_channel.socket, rnd.choice(types), content(0))
        self.assertEqual("2", self.result("1 + 1"), "seed %d" % seed)


if __name__ == "__main__":
    unittest.main()
