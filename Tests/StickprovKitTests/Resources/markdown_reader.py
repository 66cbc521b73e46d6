#!/usr/bin/env python3
"""Reads Markdown from stdin the way a user's tool would and prints JSON:
{"html": the HTML the reader made, "text": that HTML's text content, entities decoded}.

Usage: markdown_reader.py python-markdown | pandoc-markdown | pandoc-gfm
A second reader for the tests of MarkdownText: python-markdown (pip install markdown)
and pandoc (apt-get install pandoc), each as a user would run it.
"""
import html.parser
import json
import subprocess
import sys


class TextOf(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def main():
    reader = sys.argv[1]
    source = sys.stdin.read()
    if reader == "python-markdown":
        import markdown
        out = markdown.markdown(source, extensions=["tables"])
    elif reader in ("pandoc-markdown", "pandoc-gfm"):
        out = subprocess.run(
            ["pandoc", "-f", reader.split("-", 1)[1], "-t", "html"],
            input=source, capture_output=True, text=True, check=True).stdout
    else:
        raise SystemExit("unknown reader " + reader)
    parser = TextOf()
    parser.feed(out)
    parser.close()
    print(json.dumps({"html": out, "text": " ".join("".join(parser.parts).split())}))


main()
