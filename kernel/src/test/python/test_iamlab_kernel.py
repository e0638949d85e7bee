"""The IAM Lab kernel under jupyter_kernel_test: every test the library offers, through a real Jupyter client.

Run by KernelConformanceTests (mvn test) with Debian's /usr/bin/python3, JUPYTER_PATH pointing at a kernelspec
written for the test, and IAMLAB_KERNEL_NAME naming it. By hand:

    JUPYTER_PATH=... IAMLAB_KERNEL_NAME=iamlab /usr/bin/python3 -m unittest -v test_iamlab_kernel
"""

import os
import unittest

import jupyter_kernel_test


class IamLabKernelTests(jupyter_kernel_test.KernelTests):

    kernel_name = os.environ.get("IAMLAB_KERNEL_NAME", "iamlab")

    # kernel_info
    language_name = "java"
    file_extension = ".jshell"

    # stream output
    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'

    # complete_request: JShell's suggestions, and the kernel's magics
    completion_samples = [
        {"text": "System.currentTimeMi", "matches": {"currentTimeMillis()"}},
        {"text": "%lsm", "matches": {"%lsmagic"}},
        {"text": "%%ia", "matches": {"%%iam"}},
    ]

    # is_complete_request
    complete_code_samples = ["1 + 1", "int x = 5;", "void f() { }", "%%iam\naccount('111122223333') {"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "Math.max(1,", "String s = \"a\" +"]
    invalid_code_samples = ["}", "int z = 5 +;"]

    # errors: one error output, nothing else
    code_generate_error = "int boom = 1 / 0;"

    # execute_result, also for %%iam cells
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"IAM" + " Lab"', "result": "IAM Lab"},
        {"code": "%%iam\n[1, 2, 3].sum()", "result": "6"},
    ]

    # display_data with text/html
    code_display_data = [
        {"code": 'display(html("<b>IAM Lab</b>"));', "mime": "text/html"},
        {"code": "display(Decision.EXPLICITLY_DENIED);", "mime": "text/html"},
        {"code": "%%iam\naccount('111122223333') { user('alice') }\nexplain user('alice'), 's3:GetObject', "
                 "'arn:aws:s3:::logs/a.txt'", "mime": "text/html"},
    ]

    # history: tail, range and search (the pattern matches one of code_execute_result)
    code_history_pattern = "6 ?*"
    supported_history_operations = ("tail", "range", "search")

    # inspect_request: signatures of a JDK method
    code_inspect_sample = "Math.max"

    # the pager: %help opens the magics reference in the help panel
    code_page_something = "%help"

    # clear_output
    code_clear_output = "clearOutput();"


if __name__ == "__main__":
    unittest.main()
