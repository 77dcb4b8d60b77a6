# An open() that fails and is not caught: the traceback shows the caller's line only.
import os

os.makedirs('/tmp/pml_io_tb', exist_ok=True)
os.rmdir('/tmp/pml_io_tb')
with open('/tmp/pml_io_tb/missing.txt') as f:
    print(f.read())
