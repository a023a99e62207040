#!/usr/bin/env python3
"""Quality figures for Briefdesk through its own CLI (the code path users get).

Summaries: ROUGE-1/2/L F1 (the reference scorer shared/tools/rouge.py) of
`briefdesk summarize --json` on the BBC dev set (sentence count = reference
count) and the CNN dev set (3 sentences), beside the lead baseline built from
the same sentence splitting. Entities: per-type P/R/F1 of `briefdesk tag
--conll` on CoNLL-2003 dev (exact spans). Cards: `briefdesk actors --json` on
the seed article against shared/eval/seed-gold.json. Web pages: the body of
`briefdesk extract --json` on the dev pages of scrapinghub's
article-extraction-benchmark, scored as that benchmark's evaluate.py does.
"""
import argparse
import collections
import concurrent.futures
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile


def run_json(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def summarize(binary, files, n):
    """Returns {path: [sentence texts]} for files summarised to n sentences."""
    got = {}
    chunk = 200
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
        jobs = [ex.submit(run_json, [binary, "summarize", "--json", "--sentences", str(n)] + files[i:i + chunk])
                for i in range(0, len(files), chunk)]
        for j in jobs:
            for obj in j.result():
                got[obj["path"]] = [s["text"] for s in obj["sentences"]]
    return got


def mean_rouge(rouge, pairs):
    tot = [0.0, 0.0, 0.0]
    for ref, sys_ in pairs:
        for k, v in enumerate(rouge.score(ref, sys_)):
            tot[k] += v
    n = max(len(pairs), 1)
    return [100 * t / n for t in tot]


def row(name, r):
    print(f"  {name:<28} ROUGE-1 {r[0]:6.2f}  ROUGE-2 {r[1]:6.2f}  ROUGE-L {r[2]:6.2f}")


def eval_summaries(binary, shared, rouge, tmp, limit):
    # BBC: title line, blank line, text, as in the source files.
    recs = [json.loads(l) for l in open(os.path.join(shared, "eval/summaries/bbc.jsonl"), encoding="utf-8")]
    recs = recs[:limit] if limit else recs
    by_n = collections.defaultdict(list)
    ref = {}
    for r in recs:
        p = os.path.join(tmp, "bbc", r["id"] + ".txt")
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w", encoding="utf-8") as f:
            f.write(r["title"] + "\n\n" + r["text"])
        by_n[len(r["summary_sentences"])].append(p)
        ref[p] = " ".join(r["summary_sentences"])
    ours, lead = {}, {}
    everything = summarize(binary, list(ref), 100000)
    for n, files in sorted(by_n.items()):
        ours.update(summarize(binary, files, n))
        for p in files:
            lead[p] = everything.get(p, [])[:n]
    print(f"BBC News Summary dev ({len(ref)} articles, sentences = reference count)")
    row("lead", mean_rouge(rouge, [(ref[p], " ".join(lead.get(p, []))) for p in ref]))
    row("briefdesk", mean_rouge(rouge, [(ref[p], " ".join(ours.get(p, []))) for p in ref]))
    print("  peers (issue 4): sumy TextRank 78.0 / 70.8 / 48.9")

    recs = [json.loads(l) for l in open(os.path.join(shared, "eval/summaries/cnndm.jsonl"), encoding="utf-8")]
    recs = recs[:limit] if limit else recs
    ref = {}
    for r in recs:
        p = os.path.join(tmp, "cnn", r["id"] + ".txt")
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w", encoding="utf-8") as f:
            f.write(r["text"])
        ref[p] = " ".join(re.sub(r"\s+\.$", "", h) for h in r["highlights"])
    ours = summarize(binary, list(ref), 3)
    everything = summarize(binary, list(ref), 100000)
    print(f"CNN dev ({len(ref)} stories, 3 sentences, human highlights)")
    row("lead-3", mean_rouge(rouge, [(ref[p], " ".join(everything.get(p, [])[:3])) for p in ref]))
    row("briefdesk", mean_rouge(rouge, [(ref[p], " ".join(ours.get(p, []))) for p in ref]))
    print("  peers (issue 4): lead-3 26.9 / 9.9 / 18.2 (best)")


def spans(tags):
    out, start, typ = set(), None, None
    for i, t in enumerate(tags + ["O"]):
        if t.startswith("B-") or t == "O" or (t.startswith("I-") and t[2:] != typ):
            if start is not None:
                out.add((start, i, typ))
                start, typ = None, None
            if t.startswith("B-") or t.startswith("I-"):
                start, typ = i, t[2:]
    return out


def eval_ner(binary, shared):
    path = os.path.join(shared, "eval/ner/conll2003-dev.conll")
    out = subprocess.run([binary, "tag", "--conll", path], check=True, capture_output=True, text=True).stdout
    gold_tags, pred_tags = [], []
    for line in out.splitlines():
        cols = line.split()
        if not cols or cols[0] == "-DOCSTART-":
            gold_tags.append("O")
            pred_tags.append("O")
            continue
        gold_tags.append(cols[-2])
        pred_tags.append(cols[-1])
    g, p = spans(gold_tags), spans(pred_tags)
    print("CoNLL-2003 dev, exact-span entities (briefdesk tag --conll)")
    micro = [0, 0, 0]
    for typ in ["PER", "ORG", "LOC", "MISC"]:
        gt = {s for s in g if s[2] == typ}
        pt = {s for s in p if s[2] == typ}
        tp = len(gt & pt)
        pr = tp / len(pt) if pt else 0
        rc = tp / len(gt) if gt else 0
        f = 2 * pr * rc / (pr + rc) if pr + rc else 0
        if typ != "MISC":
            micro = [micro[0] + tp, micro[1] + len(pt), micro[2] + len(gt)]
        print(f"  {typ:<5} P {pr:.3f}  R {rc:.3f}  F1 {f:.3f}")
    pr, rc = micro[0] / max(micro[1], 1), micro[0] / max(micro[2], 1)
    f = 2 * pr * rc / (pr + rc) if pr + rc else 0
    print(f"  PER+ORG+LOC micro  P {pr:.3f}  R {rc:.3f}  F1 {f:.3f}   (prose default: 0.536; goal 0.85)")


def norm(s):
    return " ".join(re.findall(r"\w+", s.lower().replace("’", "'")))


def eval_cards(binary, shared):
    gold_all = json.load(open(os.path.join(shared, "eval/seed-gold.json"), encoding="utf-8"))
    print("Seed article cards and metadata (shared/eval/seed-gold.json)")
    for gold in gold_all:
        path = os.path.normpath(os.path.join(shared, "eval", gold["file"]))
        got = run_json([binary, "actors", "--json", path])[0]["actors"]
        meta = run_json([binary, "summarize", "--json", "--sentences", str(len(gold["summary_sentences"])), path])[0]
        names = lambda a: {norm(a["name"])} | {norm(x) for x in a.get("aliases", [])}
        matched, split, type_ok, role_ok, roles = 0, 0, 0, 0, 0
        used = set()
        for ga in gold["actors"]:
            hits = [i for i, pa in enumerate(got) if names(ga) & names(pa)]
            if not hits:
                continue
            matched += 1
            split += len(hits) > 1
            pa = got[hits[0]]
            used.update(hits)
            type_ok += pa["type"] == ga["type"]
            if ga["role"]:
                roles += 1
                role_ok += norm(ga["role"]) in norm(pa.get("role", "")) or (pa.get("role") and norm(pa["role"]) in norm(ga["role"]))
        q_gold = sum(len(a["quotes"]) for a in gold["actors"])
        q_ok = 0
        for ga in gold["actors"]:
            pa = next((p for p in got if names(ga) & names(p)), None)
            if not pa:
                continue
            for q in ga["quotes"]:
                q_ok += any(norm(q) and (norm(q) in norm(x) or norm(x) in norm(q)) and norm(x) for x in pa["quotes"])
        bad = [n for n in gold["not_actors"] if any(norm(n) in names(pa) for pa in got)]
        n = len(gold["actors"])
        print(f"  actors found {matched}/{n}, cards {len(got)} (precision {len(used)}/{len(got)}), split actors {split}")
        print(f"  type right {type_ok}/{matched}, role right {role_ok}/{roles}, quotes attributed {q_ok}/{q_gold}, non-actors shown {bad or 'none'}")
        md = gold["metadata"]
        print(f"  byline {'ok' if meta['byline'] == md['byline'] else 'got ' + repr(meta['byline'])}, "
              f"credit {'ok' if meta['source'] == md['credit'] else 'got ' + repr(meta['source'])}")
        want = {norm(s) for s in gold["summary_sentences"]}
        have = [norm(s["text"]) for s in meta["sentences"]]
        print(f"  summary: {sum(h in want for h in have)}/{len(want)} of the gold sentences chosen")


_WORD = re.compile(r"\w+")


def shingles(text, n=4):
    """The benchmark's shingles: runs of n \\w+ tokens, counted. Its
    evaluate.py compiles the pattern with IGNORECASE, which does not fold
    case, so tokens keep their case; lower=True folds them as well."""
    toks = _WORD.findall(text or "")
    return collections.Counter(tuple(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i:i + n])


def shingle_match(true, pred, lower=False):
    """(tp, fp, fn) of the page, normalised to sum to 1 as the benchmark
    does, so that long articles weigh no more than short ones."""
    if lower:
        true, pred = (true or "").lower(), (pred or "").lower()
    t, p = shingles(true), shingles(pred)
    tp = sum(min(t[k], p[k]) for k in t.keys() | p.keys())
    fp = sum(max(0, p[k] - t[k]) for k in p)
    fn = sum(max(0, t[k] - p[k]) for k in t)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def page_pr(tp, fp, fn):
    """The benchmark's per-page precision and recall (None where undefined)."""
    prec = 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)
    rec = 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)
    return (prec if tp + fp > 0 else None), (rec if tp + fn > 0 else None)


def bench_scores(triples):
    """Mean precision, mean recall and the F1 of the two, as evaluate.py."""
    ps, rs = [], []
    for t in triples:
        p, r = page_pr(*t)
        if p is not None:
            ps.append(p)
        if r is not None:
            rs.append(r)
    mp, mr = sum(ps) / max(len(ps), 1), sum(rs) / max(len(rs), 1)
    return mp, mr, (2 * mp * mr / (mp + mr) if mp + mr else 0.0)


def tuning_half(page_id):
    """Splits the dev pages into a tuning half (True) and a check half, by a
    hash salted so that it is independent of the dev/held-out split."""
    return int(hashlib.sha256(("briefdesk-tune:" + page_id).encode()).hexdigest()[:8], 16) % 2 == 0


def article_body(obj):
    """The article body as Briefdesk imports it: the body paragraphs, after
    the dateline that import split off the first one ("BERLIN (AP) -"),
    which the benchmark's bodies keep."""
    head = [obj["dateline"] + " -"] if obj.get("dateline") else []
    return "\n".join(head + obj["paragraphs"])


def eval_html(binary, shared, tmp, show=0):
    root = os.path.join(shared, "eval/html")
    gold = json.load(open(os.path.join(root, "ground-truth.json"), encoding="utf-8"))
    os.makedirs(os.path.join(tmp, "html"), exist_ok=True)
    paths = {}
    for pid in sorted(gold):
        p = os.path.join(tmp, "html", pid + ".html")
        with gzip.open(os.path.join(root, "pages", pid + ".html.gz"), "rb") as src, open(p, "wb") as dst:
            dst.write(src.read())
        paths[p] = pid
    got = {}
    proc = subprocess.run([binary, "extract", "--json"] + list(paths), capture_output=True, text=True)
    for line in proc.stdout.splitlines():
        if line.strip():
            obj = json.loads(line)
            got[paths[obj["path"]]] = article_body(obj)
    failed = [l for l in proc.stderr.splitlines() if l.strip()]
    print(f"Web pages: scrapinghub article-extraction-benchmark dev ({len(gold)} pages, briefdesk extract --json, 4-word shingles)")
    halves = {"tuning half": [k for k in sorted(gold) if tuning_half(k)],
              "check half": [k for k in sorted(gold) if not tuning_half(k)],
              "all dev": sorted(gold)}
    for name, ids in halves.items():
        mp, mr, f = bench_scores([shingle_match(gold[k]["articleBody"], got.get(k, "")) for k in ids])
        lp, lr, lf = bench_scores([shingle_match(gold[k]["articleBody"], got.get(k, ""), lower=True) for k in ids])
        print(f"  {name:<12} ({len(ids):2d})  P {mp:.3f}  R {mr:.3f}  F1 {f:.3f}   (lower-cased: F1 {lf:.3f})")
    if failed:
        print(f"  {len(failed)} pages failed: " + "; ".join(failed[:3]))
    print("  peers on all 181 pages: rs_trafilatura 0.970, go_trafilatura 0.960, trafilatura 0.958, newspaper4k 0.949, readability.js 0.947")
    if show:
        # Worst pages of the tuning half only: the check half stays unseen.
        rows = []
        for k in halves["tuning half"]:
            p, r = page_pr(*shingle_match(gold[k]["articleBody"], got.get(k, "")))
            rows.append(((p or 0) + (r or 0), k, p, r))
        for _, k, p, r in sorted(rows)[:show]:
            print(f"    {k[:12]}  P {p or 0:.3f}  R {r or 0:.3f}  {gold[k]['url']}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="bin/briefdesk")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles of each set")
    ap.add_argument("--only", choices=["summary", "ner", "cards", "html"], default=None)
    ap.add_argument("--show", type=int, default=0, help="list the N worst pages of the web tuning half")
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    sys.path.insert(0, os.path.join(a.shared, "tools"))
    import rouge  # the reference scorer
    with tempfile.TemporaryDirectory() as tmp:
        if a.only in (None, "summary"):
            eval_summaries(binary, a.shared, rouge, tmp, a.limit)
        if a.only in (None, "ner"):
            eval_ner(binary, a.shared)
        if a.only in (None, "cards"):
            eval_cards(binary, a.shared)
        if a.only in (None, "html"):
            eval_html(binary, a.shared, tmp, a.show)


if __name__ == "__main__":
    main()
