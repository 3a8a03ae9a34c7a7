package feed

import (
	"bytes"
	"encoding/xml"
	"html"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
)

// encodeXML is what encode wrote before it was written by hand: the
// reference encode must match byte for byte.
func encodeXML(f *atomFeed) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// hostileTexts are texts that test every branch of the escaping.
var hostileTexts = []string{
	"", "plain", "Nhiệm vụ Đắk Tô", `<a href="x">&amp;'</a>`, "tab\there\nnew\r\nline",
	"nul\x00 bell\x07 esc\x1b", "bad utf-8 \xff\xfe end", "\xe2\x82", "\uFFFD real", "\uFFFE\uFFFF",
	"emoji 😀 𝄞", "\U0010FFFF", "]]> <![CDATA[", "\u2028\u2029\u0085",
}

func hostileFeed(s string) *atomFeed {
	f := &atomFeed{
		Lang: s, ID: s, Title: atomText{Type: "text", Body: s}, Subtitle: atomText{Body: s}, Updated: s,
		Links:     []atomLink{{Rel: s, Href: s}, {Rel: "self", Type: s, Hreflang: s, Href: s, Title: s}},
		Author:    atomPerson{Name: s},
		Generator: atomGenerator{Name: s},
	}
	f.Entries = []atomEntry{
		{ID: s, Title: atomText{Type: "html", Body: s}, Updated: s, Links: f.Links, Summary: atomText{Body: s}, Content: atomText{Type: "html", Body: s + s}},
		{},
	}
	return f
}

// TestEncodeIsEncodingXML: every feed of the test portal, in both
// languages, and feeds of hostileTexts texts in every field, with and without
// entries, links and types, encode to the bytes encoding/xml writes.
func TestEncodeIsEncodingXML(t *testing.T) {
	var feeds []*atomFeed
	p := testProject(t)
	for _, lang := range []string{"vi", "en"} {
		root, err := langRoot(testBase, lang)
		if err != nil {
			t.Fatal(err)
		}
		hist := status.History(p)
		b := &builder{p: p, hist: hist, root: root, lang: lang, w: newWords(lang, p.Agencies), updated: map[*status.Period]plan.Date{}}
		for _, h := range hist {
			b.updated[h] = periodUpdated(h)
		}
		feeds = append(feeds, b.siteFeed())
		for _, tk := range p.Plan.Tasks {
			feeds = append(feeds, b.taskFeed(tk))
		}
		for _, a := range p.Agencies.Agencies {
			feeds = append(feeds, b.agencyFeed(a))
		}
	}
	for _, s := range hostileTexts {
		feeds = append(feeds, hostileFeed(s), &atomFeed{Lang: s})
	}
	entries := 0
	for _, f := range feeds {
		entries += len(f.Entries)
		want, err := encodeXML(f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := encode(f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("feed %q:\n got %q\nwant %q", f.ID, got, want)
		}
	}
	if len(feeds) < 20 || entries < 20 {
		t.Fatalf("only %d feeds with %d entries compared", len(feeds), entries)
	}
}

// TestEncodeCounter: the comparison finds a difference where there is
// one (a feed encoded, then changed by one character).
func TestEncodeCounter(t *testing.T) {
	f := hostileFeed("x")
	got, _ := encode(f)
	f.Entries[0].Summary.Body = "y"
	want, _ := encodeXML(f)
	if bytes.Equal(got, want) {
		t.Fatal("a changed feed encodes the same")
	}
}

// FuzzEscape: escape writes what xml.EscapeText writes, for any bytes.
func FuzzEscape(f *testing.F) {
	for _, s := range hostileTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want strings.Builder
		if err := xml.EscapeText(&want, []byte(s)); err != nil {
			t.Fatal(err)
		}
		var w xmlWriter
		w.escape(s)
		if string(w.b) != want.String() {
			t.Errorf("escape(%q) = %q, want %q", s, w.b, want.String())
		}
	})
}

// FuzzEncode: a feed with the same text in every field encodes to the
// bytes encoding/xml writes, for any text.
func FuzzEncode(f *testing.F) {
	for _, s := range hostileTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := encodeXML(hostileFeed(s))
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := encode(hostileFeed(s)); !bytes.Equal(got, want) {
			t.Errorf("%q:\n got %q\nwant %q", s, got, want)
		}
	})
}

// FuzzEscTo: escTo writes what html.EscapeString returns, and linkTo what
// link does, for any text.
func FuzzEscTo(f *testing.F) {
	for _, s := range hostileTexts {
		f.Add(s, s+"&")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		var s strings.Builder
		escTo(&s, a, b)
		if want := html.EscapeString(a + b); s.String() != want {
			t.Errorf("escTo(%q, %q) = %q, want %q", a, b, s.String(), want)
		}
		s.Reset()
		linkTo(&s, a, b, a)
		if want := link(a, b+a); s.String() != want {
			t.Errorf("linkTo(%q, %q) = %q, want %q", a, b, s.String(), want)
		}
	})
}
