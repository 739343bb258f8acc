#!/usr/bin/env python3
"""Fills unfinished translations in a .ts file from a JSON dict {source: translation or [plural forms]}.
Usage: scripts/fill-ts.py qml/i18n/samla_sv.ts MAP.json (prints the sources the map lacks)."""
import json, sys, re, html
ts, mapping = sys.argv[1], json.load(open(sys.argv[2], encoding='utf-8'))
text = open(ts, encoding='utf-8').read()
def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;').replace("'", '&apos;')
missing = []
def repl(m):
    src = html.unescape(m.group(2))
    if src not in mapping:
        missing.append(src)
        return m.group(0)
    value = mapping[src]
    if isinstance(value, list):
        forms = ''.join('\n            <numerusform>' + esc(v) + '</numerusform>' for v in value)
        return m.group(1) + '<translation>' + forms + '\n        </translation>'
    return m.group(1) + '<translation>' + esc(value) + '</translation>'
text = re.sub(r'(<source>([^<]*)</source>\s*(?:<comment>[^<]*</comment>\s*)?(?:<extracomment>[^<]*</extracomment>\s*)?)'
              r'<translation type="unfinished">(?:\s*<numerusform></numerusform>)*\s*</translation>', repl, text)
text = re.sub(r'(<source>([^<]*)</source>\s*(?:<comment>[^<]*</comment>\s*)?(?:<extracomment>[^<]*</extracomment>\s*)?)'
              r'<translation type="unfinished">[^<]*</translation>', repl, text)
open(ts, 'w', encoding='utf-8').write(text)
for s in missing: print('MISSING:', s)
