#!/usr/bin/env python3
"""A Prisma generator that does nothing but speak the protocol, reading each request line whole.

Used by bench/generate_bench.sh to time what prismapp (or Prisma) itself spends building the DMMF
and handing the `generate` request to a generator, without the generator's own cost: the oracle's
fake-generator.js rescans its growing buffer for every 64 KB chunk of stdin, which for the 63 MB
request of the 500-model schema takes tens of seconds in Node.
"""
import json
import re
import sys

for line in sys.stdin.buffer:
    if not line.strip():
        continue
    # The generate request (tens of MB) is not parsed: only its method and id are read, so that the
    # measurement is the sender's, not json.loads's.
    if len(line) > 1_000_000:
        head = line[:200].decode("utf-8", "replace")
        ids = re.findall(r'"id":\s*(\d+)', line[-200:].decode("utf-8", "replace"))
        request = {"method": "generate" if '"generate"' in head else "?", "id": int(ids[-1]) if ids else None}
    else:
        request = json.loads(line)
    if request.get("method") == "getManifest":
        result = {"manifest": {"prettyName": "Null Generator", "defaultOutput": "./null-out",
                               "requiresGenerators": [], "requiresEngines": []}}
    else:
        result = None
    sys.stderr.write(json.dumps({"jsonrpc": "2.0", "id": request["id"], "result": result}) + "\n")
    sys.stderr.flush()
    if request.get("method") == "generate":
        break
