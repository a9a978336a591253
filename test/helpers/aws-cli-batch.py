# Many aws CLI command lines in one Python process: each is one JSON array of arguments (without
# "aws") on a line of stdin, run through the CLI's own driver, freshly created as the aws script does;
# each answer is one JSON line {"rc", "stderr"} on the original stdout. What the commands themselves
# print (and the help pager) goes nowhere.
import io
import json
import os
import sys

from awscli.clidriver import create_clidriver

answers = os.fdopen(os.dup(1), "w")
devnull = os.open(os.devnull, os.O_WRONLY)
os.dup2(devnull, 1)

for line in sys.stdin:
    err = io.StringIO()
    sys.stdout, sys.stderr = io.StringIO(), err
    try:
        rc = create_clidriver().main(json.loads(line))
    except SystemExit as exit:
        rc = exit.code
    finally:
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    answers.write(json.dumps({"rc": rc, "stderr": err.getvalue()}) + "\n")
    answers.flush()
