// Package search builds the portal's client-side search index and
// implements, in Go, the query algorithm that static/js/search.js runs in
// the browser, so that ranking is unit-tested here and the bytes a query
// downloads can be measured (QueryCost). TestClientMatchesQuery runs the
// client in Node over the same index and checks that both agree.
//
// # Why this shape
//
// The index must be served by any file host, from a sub-path or a plain
// folder (file://), and a query must download little (at most 150 KB) even
// for 100,000+ documents. Chromium blocks fetch() of local files, so every
// index file is a small script that hands its data to a global callback and
// is loaded with a <script src> tag:
//
//	window.__mbShard&&window.__mbShard("d/3",<JSON value>);
//
// A positional inverted index does not fit that budget: in Vietnamese the
// most frequent syllables ("các", "của", "nhân", "dân", ...) occur in most
// documents, several times each, and their positions alone would weigh
// hundreds of kilobytes. So the index keeps, per word, only sets of
// documents, and answers phrases with sets of documents per adjacent word
// pair (bigram). Every set but a word's own is stored as a subset of that
// word's documents, which keeps the sets of frequent words small too.
//
// # Words
//
// A word is a maximal run of letters, numbers and combining marks (the
// client's [\p{L}\p{N}\p{M}]+). Its form is its lower-case NFC spelling
// ("đắk"); its token is its folded spelling (fold.String: NFD, nonspacing
// marks dropped, đ→d, lower case: "dak"). The index is keyed by tokens;
// forms are kept to rank exact spellings first. Words longer than 40 runes
// are skipped. Two words of one field are adjacent (a bigram) when only
// spaces, apostrophes, hyphens or slashes stand between them (so the parts
// of "45/BC-SNV" are a phrase); other punctuation and line breaks break
// phrases. Two words joined by a single apostrophe and nothing else
// ("H'Drai") are also indexed as one word ("hdrai"), adjacent to the words
// around them, as people type such names. A document has three fields,
// each its own phrases: the title, the text and the status label (so that
// "quá hạn" finds overdue tasks); only the title counts as title.
//
// # Numbers and sets
//
// Numbers are varints in the 64 URL-safe base64 digits
// (A–Z a–z 0–9 - _): little-endian groups of 5 bits, a digit ≥ 32 meaning
// "more follows", at most 6 digits. A set is a subset of a base of n
// members (all documents, or the documents of one token) holding indices
// into that base. Its gaps are the first index, then each difference
// between two indices minus one. It is encoded as the shortest of:
//
//	"l" varints   the gaps of the members
//	"c" varints   the gaps of the non-members (the complement)
//	"r" Rice      the gaps of the members, Rice-coded
//	"s" Rice      the gaps of the non-members, Rice-coded
//	"b" bits      a bitmap: one digit per six indices, bit i%6 of digit i/6
//
// Rice coding: varint(count), one digit k, then for each gap g: g>>k as
// that many 1 bits and a 0 bit, then the k low bits of g, most significant
// first; the bits fill digits six at a time, most significant first, the
// last digit padded with 0 bits.
//
// A set reference is either the encoded string itself (short sets) or a
// number k: the set is then the JSON string in file "p/k".
//
// # Files
//
// Keys name files without the ".js" extension; Build returns them as paths.
//
// manifest.js:
//
//	{"v":2,"docs":N,"chunk":C,"kinds":[...],"statuses":[...],
//	 "dict":[firstToken0, firstId0, firstToken1, firstId1, ...]}
//
// Documents are numbered 0..N-1 by kind, then URL (so ties rank that way):
// tasks and milestones, then agencies, reports, pages, other kinds. Tokens
// are numbered in JavaScript string order (UTF-16 code units); dictionary
// shard "d/i" (about 2 KB) holds the tokens from firstToken_i up to (not
// including) firstToken_{i+1}, the first of them numbered firstId_i.
//
// d/i.js holds an array of entries, one per token, in token order, each
// [token, df, D, V, T, G] with trailing "" fields left out:
//
//   - df: the number of documents containing the token.
//   - D: the set of those documents (base: all N documents).
//   - V: the forms the token is written with. "" means one form equal to
//     the token; a string is the single form (its set is D); an array
//     [form, set, form, set, ...] gives each form's documents as a subset
//     of D.
//   - T: the documents with the token in their title, and the length of
//     each title: a set reference whose string is the set (a subset of D),
//     a ".", then one varint per member, in order, the number of words of
//     its title (at most 31: longer titles count as 31). "" means none, or
//     that the string would be longer than 4096 bytes: a word in that many
//     titles (some 2% of 100,000) gets no title bonus, which would mean
//     little and cost much to download.
//   - G: the bigrams starting with the token; "" means none. A string is
//     the group itself; an array [firstId, k, firstId, k, ...] is a
//     directory of group parts "b/k" (about 2 KB each), each holding the
//     followers numbered from firstId on; a number k means that directory
//     is the JSON array in "b/k".
//
// A group (a JSON string) lists followers in token order, each as
// varint(id − previous id, the first of a part relative to 0), varint(L),
// then either L characters of a set encoding or, when L is 0, varint(k)
// for a set in "p/k". Each set holds the documents where the token is
// directly followed by that follower, as a subset of the token's D.
//
// m/i.js holds documents i·C .. i·C+C−1 as an array of
// [url, title, kindIndex, statusIndex, excerpt], the indices pointing into
// the manifest's kinds and statuses, the excerpt the first ~200 characters
// of the text, for snippets.
//
// # Query algorithm (Query here, search.js in the browser)
//
//  1. Split the query into words (at most 8). The last word, when its token
//     has two or more runes, is a prefix: it matches the token itself and
//     other tokens that start with it (completions), most frequent first, as
//     long as their estimated sizes, min(⌈N/6⌉, 2·min(df, N−df)) + 16 each,
//     add up to at most 16384 bytes, 8 tokens in all.
//  2. A word's scoring tokens are its own token when the index has it (then
//     completions only make documents match: "thon" scores with "thôn",
//     never with "thông"), else its completions. Per word i: M_i, the
//     documents containing it or a completion; E_i, those containing its own
//     token exactly as typed (a word typed without diacritics matches every
//     spelling); T_i, those with a scoring token in the title, with the
//     title's length. Per adjacent pair of query words: P_i, the documents
//     where word i's own token is directly followed by a scoring token of
//     word i+1.
//  3. Candidates: the documents in every M_i (AND). If none, and the query
//     has several words, the documents in any M_i (OR), and the answer says
//     it fell back.
//  4. Score: 1 per query word in the title, plus per phrase pair 2 when
//     word i+1 is a whole word, 1 when it is a completion, doubled when
//     both words are in the title (taken as the pair being in the title).
//     So a title phrase outweighs a text phrase, a text phrase a lone
//     title word, and "sáp nhập thôn" scores a pair more than "sáp nhập các
//     thôn".
//  5. Rank by, in order: more matched words (Σ M_i, less than k only when
//     falling back), more exact words (Σ E_i), higher score, more title
//     words (Σ T_i), fewer other words in the title (a title that is just
//     the query first: the agency "Sở Nội vụ" before the milestone "Mốc 5a
//     — Sở Nội vụ"), then document number (kind, then URL).
//  6. Load metadata chunks only for the page of results shown (PageSize).
package search

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Doc is one searchable thing.
type Doc struct {
	URL    string // site-relative, no leading slash, e.g. "nhiem-vu/sap-xep-don-vi-cap-xa/"
	Title  string
	Kind   string // "task", "milestone", "agency", "report", "page" (ranks ties in that order)
	Status string // status label to show with the result (already translated), may be ""; searchable
	Text   string // the text to search (plain text, Vietnamese with diacritics)
}

// Format parameters. They trade the number of files for the bytes a query
// downloads; TestScale measures the result.
const (
	// FormatVersion is the "v" of the manifest.
	FormatVersion = 2
	// ChunkDocs is the number of documents per metadata chunk (m/i.js).
	// The first page of results loads up to PageSize chunks, mostly one
	// result each, so a larger chunk costs a query bytes while it saves
	// files: on TestScale's 110,000 documents, 2 makes 64,655 files and a
	// typical query fetches 91 KB at most (median 53 KB), 4 makes 37,155
	// files and 105 KB at most (median 64 KB), 8 makes 23,405 files and
	// 132 KB at most, too near the 150 KB budget.
	ChunkDocs = 4
	// PageSize is the number of results the client shows at a time, and so
	// the number whose metadata a query loads first.
	PageSize = 20
	// MaxWords is the number of query words considered; later ones are
	// ignored.
	MaxWords = 8
	// MaxCompletions is the number of tokens a prefix (the last query word)
	// stands for: the token equal to it, then the most frequent others.
	MaxCompletions = 8
	// PrefixBudget caps the estimated bytes of the completions a prefix
	// adds besides its own token (see estimateBytes).
	PrefixBudget = 16384

	dictTarget     = 2048 // bytes per dictionary shard, at least one entry
	inlineMax      = 40   // longest set kept inside a dictionary entry
	groupInlineMax = 64   // longest bigram group kept inside an entry
	groupPart      = 2048 // bytes per bigram group part file
	groupSetMax    = 512  // longest set kept inside a bigram group
	dirInlineMax   = 8    // most group parts listed inside an entry
	titleMax       = 4096 // longest title set kept at all
	maxTitleLen    = 31   // title lengths above are recorded as this
)

// Build returns the index files, keyed by path relative to the index folder
// (e.g. "manifest.js", "d/0.js"). The output depends only on docs, not on
// their order (documents are numbered by kind and URL, documents of the same
// kind rank and URL keeping their input order).
func Build(docs []Doc) map[string][]byte {
	files := map[string][]byte{}
	_ = Write(docs, func(path string, data []byte) error {
		files[path] = data
		return nil
	})
	return files
}

// Write makes the index files Build returns and hands each to put as soon
// as it is made, with its path relative to the index folder, so that the
// files are not held together; an error from put stops it.
func Write(docs []Doc, put func(path string, data []byte) error) error {
	b := &builder{out: put}
	b.index(docs)
	b.emit()
	return b.err
}

// builder holds the state of one Build.
type builder struct {
	docs []Doc
	out  func(path string, data []byte) error
	err  error // the first error from out

	folds     []string  // folded tokens by fold id, in order of appearance
	forms     []string  // forms by form id
	formFold  []int32   // fold id of each form
	termDocs  [][]int32 // documents of each fold id
	titleDocs [][]int32 // documents with the fold id in their title
	formDocs  [][]int32 // documents of each form id
	pairs     []pair    // bigrams, by fold id until emit renumbers them
	titleLen  []int     // number of words in each document's title

	order  []int32 // fold ids in token order
	termOf []int32 // token number of each fold id

	pFiles, bFiles int
}

// pair is one bigram occurrence: token a directly followed by b in doc.
type pair struct{ a, b, doc int32 }

// pairKey packs the bigram a, b (ids, never negative) into one number that
// sorts as the pair does: by a, then b.
func pairKey(a, b int32) uint64 { return uint64(a)<<32 | uint64(b) }

// intern returns the id of s, its place in list, adding it to list and
// ids when it is new (then isNew is true).
func intern(ids map[string]int32, list *[]string, s string) (id int32, isNew bool) {
	if id, ok := ids[s]; ok {
		return id, false
	}
	id = int32(len(*list))
	ids[s] = id
	*list = append(*list, s)
	return id, true
}

// addDoc adds doc to the set of id, sets[id], unless it is already its
// last document (last[id]): documents come in order, each once.
func addDoc(sets [][]int32, last []int32, id, doc int32) {
	if last[id] != doc {
		last[id] = doc
		sets[id] = append(sets[id], doc)
	}
}

// index tokenizes every document and collects the sets.
func (b *builder) index(in []Doc) {
	b.docs = slices.Clone(in)
	slices.SortStableFunc(b.docs, compareDocs)
	b.titleLen = make([]int, len(b.docs))

	sp := newSplitter()
	foldID := map[string]int32{}
	formID := map[string]int32{}
	var lastTerm, lastTitle, lastForm []int32
	// ids returns the fold id and form id of the word (fold, form), giving
	// it new ones when it is new.
	ids := func(fold, form string) (fid, mid int32) {
		fid, isNew := intern(foldID, &b.folds, fold)
		if isNew {
			b.termDocs = append(b.termDocs, nil)
			b.titleDocs = append(b.titleDocs, nil)
			lastTerm = append(lastTerm, -1)
			lastTitle = append(lastTitle, -1)
		}
		mid, isNew = intern(formID, &b.forms, form)
		if isNew {
			b.formFold = append(b.formFold, fid)
			b.formDocs = append(b.formDocs, nil)
			lastForm = append(lastForm, -1)
		}
		return fid, mid
	}
	// spellingIDs holds the fold id and form id of each spelling the
	// splitter has returned (word.spelling), so that a word costs the
	// splitter's one look-up, not two more.
	var spellingIDs [][2]int32
	// occur records that the word with ids (fid, mid) occurs in doc, in its
	// title when title.
	occur := func(doc, fid, mid int32, title bool) {
		addDoc(b.termDocs, lastTerm, fid, doc)
		if title {
			addDoc(b.titleDocs, lastTitle, fid, doc)
		}
		addDoc(b.formDocs, lastForm, mid, doc)
	}
	// docPairs holds the bigrams of one document, each as a<<32|b.
	var docPairs []uint64
	var ws []word // the words of one field
	for d, doc := range b.docs {
		doc32 := int32(d)
		docPairs = docPairs[:0]
		for field, text := range []string{doc.Title, doc.Text, doc.Status} {
			ws = sp.appendWords(ws[:0], text)
			if field == 0 {
				b.titleLen[d] = len(ws)
			}
			// prev is the word before, joined the word made of the two words
			// before when they were joined by an apostrophe, before the
			// word before prev when adjacent to it (-1: none).
			prev, joined, before := int32(-1), int32(-1), int32(-1)
			for i, w := range ws {
				if int(w.spelling) == len(spellingIDs) {
					fid, mid := ids(w.fold, w.form)
					spellingIDs = append(spellingIDs, [2]int32{fid, mid})
				}
				fid := spellingIDs[w.spelling][0]
				occur(doc32, fid, spellingIDs[w.spelling][1], field == 0)
				if w.brk {
					prev, joined, before = -1, -1, -1
				}
				// H'Drai: "hdrai" too, adjacent to the words around it.
				j := int32(-1)
				if w.join && i > 0 {
					if f := ws[i-1].fold + w.fold; utf8.RuneCountInString(f) <= maxTokenRunes {
						var mid int32
						j, mid = ids(f, ws[i-1].form+w.form)
						occur(doc32, j, mid, field == 0)
						if before >= 0 {
							docPairs = append(docPairs, pairKey(before, j))
						}
					}
				}
				if prev >= 0 {
					docPairs = append(docPairs, pairKey(prev, fid))
				}
				if joined >= 0 {
					docPairs = append(docPairs, pairKey(joined, fid))
				}
				before, prev, joined = prev, fid, j
			}
		}
		slices.Sort(docPairs)
		for _, k := range slices.Compact(docPairs) {
			b.pairs = append(b.pairs, pair{int32(k >> 32), int32(uint32(k)), doc32})
		}
	}

	b.order = make([]int32, len(b.folds))
	for i := range b.order {
		b.order[i] = int32(i)
	}
	slices.SortFunc(b.order, func(x, y int32) int { return jsCompare(b.folds[x], b.folds[y]) })
	b.termOf = make([]int32, len(b.folds))
	for t, fid := range b.order {
		b.termOf[fid] = int32(t)
	}
	for i := range b.pairs {
		b.pairs[i].a = b.termOf[b.pairs[i].a]
		b.pairs[i].b = b.termOf[b.pairs[i].b]
	}
	// The pairs came document by document, so two stable counting sorts,
	// by follower and then by token, order them by token, follower and
	// document, in time linear in their number: this is the largest sort
	// of a Build.
	sorted := make([]pair, len(b.pairs))
	countSort(sorted, b.pairs, len(b.folds), func(p pair) int32 { return p.b })
	countSort(b.pairs, sorted, len(b.folds), func(p pair) int32 { return p.a })
}

// countSort copies src to dst (as long) ordered by key, each key in
// 0..n-1, keeping the order of src among equal keys.
func countSort(dst, src []pair, n int, key func(pair) int32) {
	start := make([]int, n+1) // start[k+1] counts key k, then start[k] is its first place
	for _, p := range src {
		start[key(p)+1]++
	}
	for k := 1; k <= n; k++ {
		start[k] += start[k-1]
	}
	for _, p := range src {
		k := key(p)
		dst[start[k]] = p
		start[k]++
	}
}

// kindRank orders kinds for ties: tasks and milestones, then agencies,
// reports, pages, and any other kind last.
func kindRank(kind string) int {
	switch kind {
	case "task", "milestone":
		return 0
	case "agency":
		return 1
	case "report":
		return 2
	case "page":
		return 3
	}
	return 4
}

// compareDocs orders documents as they are numbered: by kind (kindRank),
// then URL.
func compareDocs(x, y Doc) int {
	if c := cmp.Compare(kindRank(x.Kind), kindRank(y.Kind)); c != 0 {
		return c
	}
	return strings.Compare(x.URL, y.URL)
}

// manifest is the JSON of manifest.js.
type manifest struct {
	V        int      `json:"v"`
	Docs     int      `json:"docs"`
	Chunk    int      `json:"chunk"`
	Kinds    []string `json:"kinds"`
	Statuses []string `json:"statuses"`
	Dict     []any    `json:"dict"`
}

// emit writes every file.
func (b *builder) emit() {
	n := len(b.docs)
	formsOf := make([][]int32, len(b.folds))
	for mid, fid := range b.formFold {
		formsOf[fid] = append(formsOf[fid], int32(mid))
	}

	var dict []any
	var shard [][]byte
	shardBytes := 0
	flush := func() {
		if len(shard) == 0 {
			return
		}
		key := fileKey('d', len(dict)/2-1)
		body := append([]byte{'['}, slices.Concat(joinComma(shard)...)...)
		b.put(key, append(body, ']'))
		shard, shardBytes = shard[:0], 0
	}
	pi := 0 // next pair
	for t, fid := range b.order {
		docs := b.termDocs[fid]
		entry := []any{b.folds[fid], len(docs), b.setRef(encodeSet(docs, n), inlineMax)}

		// Forms.
		forms := formsOf[fid]
		slices.SortFunc(forms, func(x, y int32) int { return jsCompare(b.forms[x], b.forms[y]) })
		switch {
		case len(forms) == 1 && b.forms[forms[0]] == b.folds[fid]:
			entry = append(entry, "")
		case len(forms) == 1:
			entry = append(entry, b.forms[forms[0]])
		default:
			var v []any
			for _, mid := range forms {
				v = append(v, b.forms[mid], b.setRef(encodeSet(relative(b.formDocs[mid], docs), len(docs)), inlineMax))
			}
			entry = append(entry, v)
		}

		// Title. A word in so many titles that its set is large is left
		// without one: its title bonus would mean little and cost much.
		if td := b.titleDocs[fid]; len(td) > 0 {
			set := append([]byte(encodeSet(relative(td, docs), len(docs))), '.')
			for _, d := range td {
				set = appendVarint(set, min(b.titleLen[d], maxTitleLen))
			}
			if len(set) <= titleMax {
				entry = append(entry, b.setRef(string(set), inlineMax))
			} else {
				entry = append(entry, "")
			}
		} else {
			entry = append(entry, "")
		}

		// Bigrams.
		end := pi
		for end < len(b.pairs) && b.pairs[end].a == int32(t) {
			end++
		}
		entry = append(entry, b.group(b.pairs[pi:end], docs))
		pi = end

		for len(entry) > 3 && entry[len(entry)-1] == "" {
			entry = entry[:len(entry)-1]
		}
		js := marshal(entry)
		if shardBytes > 0 && shardBytes+len(js)+1 > dictTarget {
			flush()
		}
		if len(shard) == 0 {
			dict = append(dict, b.folds[fid], t)
		}
		shard = append(shard, js)
		shardBytes += len(js) + 1
	}
	flush()

	// Metadata chunks.
	kinds, kindIdx := table(b.docs, func(d Doc) string { return d.Kind })
	statuses, statusIdx := table(b.docs, func(d Doc) string { return d.Status })
	for c := 0; c*ChunkDocs < n; c++ {
		var rows []any
		for d := c * ChunkDocs; d < min(n, (c+1)*ChunkDocs); d++ {
			doc := b.docs[d]
			rows = append(rows, []any{doc.URL, doc.Title, kindIdx[doc.Kind], statusIdx[doc.Status], excerpt(doc.Text)})
		}
		b.put(fileKey('m', c), marshal(rows))
	}

	if dict == nil {
		dict = []any{}
	}
	b.put("manifest", marshal(manifest{V: FormatVersion, Docs: n, Chunk: ChunkDocs, Kinds: kinds, Statuses: statuses, Dict: dict}))
}

// group returns the G field of an entry for the bigrams ps (all starting
// with the same token, sorted by follower), whose sets are subsets of docs.
func (b *builder) group(ps []pair, docs []int32) any {
	if len(ps) == 0 {
		return ""
	}
	type part struct {
		first int32
		enc   []byte
	}
	var parts []part
	var cur []byte
	var first, prev int32
	for i := 0; i < len(ps); {
		j := i
		for j < len(ps) && ps[j].b == ps[i].b {
			j++
		}
		follower := ps[i].b
		members := make([]int32, j-i)
		for k := i; k < j; k++ {
			members[k-i] = ps[k].doc
		}
		i = j

		// body is the follower's set: L and the digits, or 0 and a file.
		var body []byte
		if set := encodeSet(relative(members, docs), len(docs)); len(set) > groupSetMax {
			body = appendVarint(appendVarint(nil, 0), b.putSet(set))
		} else {
			body = append(appendVarint(nil, len(set)), set...)
		}
		e := append(appendVarint(nil, int(follower-prev)), body...)
		if len(cur) > 0 && len(cur)+len(e) > groupPart {
			parts = append(parts, part{first, cur})
			cur = nil
		}
		if len(cur) == 0 { // a part's first follower is relative to 0
			first = follower
			e = append(appendVarint(nil, int(follower)), body...)
		}
		cur = append(cur, e...)
		prev = follower
	}
	parts = append(parts, part{first, cur})
	if len(parts) == 1 && len(parts[0].enc) <= groupInlineMax {
		return string(parts[0].enc)
	}
	dir := make([]any, 0, 2*len(parts))
	for _, p := range parts {
		k := b.bFiles
		b.bFiles++
		b.put(fileKey('b', k), marshal(string(p.enc)))
		dir = append(dir, p.first, k)
	}
	if len(parts) <= dirInlineMax {
		return dir
	}
	k := b.bFiles
	b.bFiles++
	b.put(fileKey('b', k), marshal(dir))
	return k
}

// setRef returns set itself when it is at most max bytes long, or else the
// number of the p/ file it is written to.
func (b *builder) setRef(set string, max int) any {
	if len(set) <= max {
		return set
	}
	return b.putSet(set)
}

// putSet writes set to a new p/ file and returns its number.
func (b *builder) putSet(set string) int {
	k := b.pFiles
	b.pFiles++
	b.put(fileKey('p', k), marshal(set))
	return k
}

// put stores the file for key holding the JSON body.
func (b *builder) put(key string, body []byte) {
	if b.err == nil {
		b.err = b.out(key+".js", wrap(key, body))
	}
}

// relative returns the positions in base (sorted) of the members of sub
// (sorted, a subset of base).
func relative(sub, base []int32) []int32 {
	out := make([]int32, 0, len(sub))
	j := 0
	for _, v := range sub {
		for j < len(base) && base[j] < v {
			j++
		}
		out = append(out, int32(j))
	}
	return out
}

// table returns the sorted distinct values of key over docs and the index of
// each.
func table(docs []Doc, key func(Doc) string) ([]string, map[string]int) {
	idx := map[string]int{}
	for _, d := range docs {
		idx[key(d)] = 0
	}
	vals := make([]string, 0, len(idx))
	for v := range idx {
		vals = append(vals, v)
	}
	slices.Sort(vals)
	for i, v := range vals {
		idx[v] = i
	}
	return vals, idx
}

// joinComma returns parts with a comma between each two.
func joinComma(parts [][]byte) [][]byte {
	out := make([][]byte, 0, 2*len(parts))
	for i, p := range parts {
		if i > 0 {
			out = append(out, []byte{','})
		}
		out = append(out, p)
	}
	return out
}

// jsCompare compares two strings as JavaScript does: by UTF-16 code units.
func jsCompare(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			ua, ub := utf16Units(ra), utf16Units(rb)
			if c := cmp.Compare(ua[0], ub[0]); c != 0 {
				return c
			}
			return cmp.Compare(ua[1], ub[1])
		}
		a, b = a[na:], b[nb:]
	}
	return cmp.Compare(len(a), len(b))
}

// utf16Units returns the UTF-16 code units of r (the second 0 for a rune of
// the Basic Multilingual Plane).
func utf16Units(r rune) [2]uint16 {
	if r1, r2 := utf16.EncodeRune(r); r1 != utf8.RuneError || r2 != utf8.RuneError {
		return [2]uint16{uint16(r1), uint16(r2)}
	}
	return [2]uint16{uint16(r), 0}
}
