"""jupyter_kernel_test's conformance suite, with every sample attribute set, run against pymemlab."""
import unittest

import jupyter_kernel_test


class PymemlabKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "pymemlab"
    language_name = "python"
    file_extension = ".py"

    code_hello_world = "print('hello, world')"
    code_stderr = "import sys; print('test', file=sys.stderr)"

    completion_samples = [
        {"text": "zi", "matches": {"zip"}},
        # The cursor is counted in code points: the emoji is one, not two UTF-16 units.
        {"text": "'\U0001F600'; zi", "matches": {"zip"}},
        {"text": "import sy", "matches": {"sys"}},
        {"text": "%lsma", "matches": {"%lsmagic"}},
    ]

    complete_code_samples = ["1", "print('hello, world')", "def f(x):\n  return x*2\n\n\n", "%lsmagic", "len?"]
    incomplete_code_samples = ["print('''hello", "def f(x):\n  x+=1", "for i in range(3):", "x = [1,"]
    invalid_code_samples = ["import = 7q", "1 +* 2)"]

    code_page_something = "len?"

    code_generate_error = "raise ValueError('boom')"

    code_execute_result = [
        {"code": "1+2+3", "result": "6"},
        {"code": "[n * n for n in range(4)]", "result": "[0, 1, 4, 9]"},
        {"code": "'h\u00e9\U0001F600'", "result": "'h\u00e9\U0001F600'"},
    ]

    code_display_data = [
        {"code": "from IPython.display import HTML, display\ndisplay(HTML('<b>memory</b>'))", "mime": "text/html"},
        {"code": "from IPython.display import Markdown, display\ndisplay(Markdown('*pools*'))", "mime": "text/markdown"},
        {"code": "display(42)", "mime": "text/plain"},
    ]

    code_history_pattern = "1?2*"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "zip"

    code_clear_output = "from IPython.display import clear_output\nclear_output()"


if __name__ == "__main__":
    unittest.main()
