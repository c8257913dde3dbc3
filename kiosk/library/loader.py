"""`python -m kiosk.library.loader`: reads and checks the pages and languages for the kiosk.

Run by kiosk.library.load, never by hand. It reads one Request (a pickle) on stdin and
writes two pickles on stdout: the Listing as soon as the names are known, then the
Loaded pages and languages. Nothing else may reach stdout, so it is kept for the answers
and file descriptor 1 points nowhere while the work runs.
"""

from __future__ import annotations

import os
import pickle
import sys

from kiosk.library.load import Request, list_languages, load_everything


def main() -> int:
    request = pickle.load(sys.stdin.buffer)
    if not isinstance(request, Request):
        return 2
    answers = os.fdopen(os.dup(1), "wb")
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)  # print() and C libraries now write nowhere
    os.close(null)
    with answers:
        pickle.dump(list_languages(request), answers, protocol=pickle.HIGHEST_PROTOCOL)
        answers.flush()
        pickle.dump(load_everything(request), answers, protocol=pickle.HIGHEST_PROTOCOL)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
