package ingest

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Readability keeps the one block of the page that scores best, with its
// siblings when they score nearly as well. A long feature built as
// chapters, each in its own deeply nested block between full-width
// pictures, loses every chapter but the longest. The chapters are found
// again by structure: blocks alike to the one kept (same tag, same class)
// that stand beside it and hold prose but no headline of their own.

// maxChapterClimb bounds how far above the kept text a chapter's wrapper
// is looked for.
const maxChapterClimb = 8

// chapterParas returns the paragraphs of the chapters before and after
// the one readability kept, read from root (the page as readability got
// it). paras are the paragraphs it kept.
func chapterParas(root *html.Node, paras []string) (before, after []string) {
	first, last := "", ""
	for _, p := range paras {
		if len(p) >= 60 {
			if first == "" {
				first = p
			}
			last = p
		}
	}
	if first == "" {
		return nil, nil
	}
	var a, b *html.Node
	for _, n := range leafBlocks(root) {
		t := textOf(n)
		if a == nil && t == first {
			a = n
		}
		if t == last {
			b = n
		}
	}
	if a == nil || b == nil {
		return nil, nil
	}
	kept := commonAncestor(a, b)
	for up := 0; kept != nil && kept.Parent != nil && up < maxChapterClimb; up, kept = up+1, kept.Parent {
		if kept.DataAtom == atom.Body || kept.DataAtom == atom.Html {
			break
		}
		var chapters []*html.Node
		for s := kept.Parent.FirstChild; s != nil; s = s.NextSibling {
			if s != kept && alike(s, kept) && chapterLike(s) {
				chapters = append(chapters, s)
			}
		}
		if len(chapters) == 0 {
			continue
		}
		seenKept := false
		for s := kept.Parent.FirstChild; s != nil; s = s.NextSibling {
			if s == kept {
				seenKept = true
				continue
			}
			if !alike(s, kept) || !chapterLike(s) {
				continue
			}
			c := cloneTree(s)
			pruneContent(c)
			if seenKept {
				after = append(after, blockText(c)...)
			} else {
				before = append(before, blockText(c)...)
			}
		}
		return before, after
	}
	return nil, nil
}

// commonAncestor is the deepest element holding both a and b.
func commonAncestor(a, b *html.Node) *html.Node {
	up := map[*html.Node]bool{}
	for n := a; n != nil; n = n.Parent {
		up[n] = true
	}
	for n := b; n != nil; n = n.Parent {
		if up[n] {
			return n
		}
	}
	return nil
}

// alike reports two elements built the same way: the same tag and the
// same class, which must say something unless they are sections.
func alike(s, kept *html.Node) bool {
	if s.Type != html.ElementNode || s.DataAtom != kept.DataAtom {
		return false
	}
	class := attr(kept, "class")
	if class == "" && kept.DataAtom != atom.Section {
		return false
	}
	return attr(s, "class") == class
}

// chapterLike reports a block that reads as a chapter of the same story:
// prose in paragraphs, few links, and no headline, byline or header of
// its own (which the next story on an endless page has).
func chapterLike(n *html.Node) bool {
	if findElem(n, atom.H1) != nil || findElem(n, atom.Header) != nil || findElem(n, atom.Form) != nil {
		return false
	}
	size := textLen(n, 1<<20)
	if size < 150 || linkTextLen(n)*4 > size {
		return false
	}
	long := 0
	for _, l := range leafBlocks(n) {
		if furnitureKind(l) == kindMeta {
			return false
		}
		if len(textOf(l)) >= 80 {
			long++
		}
	}
	return long >= 2
}

// cloneTree copies n and everything under it, detached from the page.
func cloneTree(n *html.Node) *html.Node { return cloneDepth(n, 0) }

func cloneDepth(n *html.Node, depth int) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace,
		Attr: append([]html.Attribute(nil), n.Attr...)}
	if depth > 512 {
		return c // as deep as blockText reads
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.AppendChild(cloneDepth(k, depth+1))
	}
	return c
}
