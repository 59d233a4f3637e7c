#!/usr/bin/env python3
"""exit_code.py N PROGRAM [ARGS...]: runs PROGRAM; exits 0 when it exited
with status N, 1 (with a message) otherwise. For lit tests that check the
exit code of a program egopt compiled."""
import subprocess
import sys

if len(sys.argv) < 3:
    sys.exit("usage: exit_code.py N PROGRAM [ARGS...]")
want = int(sys.argv[1])
got = subprocess.call(sys.argv[2:])
if got != want:
    sys.exit("%s exited with %d, expected %d" % (sys.argv[2], got, want))
