#!/usr/bin/env python3
# An "engine" for the kg-bench CLI contract that does no work: it answers
# each query line with the rows newsgraph gave for it, recorded beforehand in
# ANSWERS_DIR/<qid>.tsv, in one write. Timed through the harness's own adapter
# (peers/cli.mjs), it gives the floor of the contract: pipe I/O plus Node's
# line handling, with no engine time.
#   replay_engine.py load ...            (does nothing)
#   replay_engine.py shell ...           (reads FLOOR_ANSWERS, FLOOR_QUERIES)
import json, os, sys

if len(sys.argv) > 1 and sys.argv[1] == 'load':
    sys.exit(0)
answers = {}
for line in open(os.environ['FLOOR_QUERIES'], encoding='utf8'):
    qid, text = line.rstrip('\n').split('\t', 1)
    answers[text] = open(os.path.join(os.environ['FLOOR_ANSWERS'], qid + '.tsv'), 'rb').read()
out = sys.stdout.buffer
for line in sys.stdin.buffer:
    text = line.decode('utf8').rstrip('\n')
    out.write(answers.get(text, b'%%ERR unknown query\n'))
    out.flush()
