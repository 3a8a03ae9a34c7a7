package feed

import (
	"bytes"
	"encoding/xml"
	"fmt"
)

// The Atom 1.0 (RFC 4287) elements the feeds use. Text is always character
// data that encoding/xml escapes, so no input can break out of its element.

// atomNS is the Atom namespace.
const atomNS = "http://www.w3.org/2005/Atom"

type atomFeed struct {
	XMLName   xml.Name      `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string        `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID        string        `xml:"id"`
	Title     atomText      `xml:"title"`
	Subtitle  atomText      `xml:"subtitle"`
	Updated   string        `xml:"updated"`
	Links     []atomLink    `xml:"link"`
	Author    atomPerson    `xml:"author"`
	Generator atomGenerator `xml:"generator"`
	Entries   []atomEntry   `xml:"entry"`
}

type atomEntry struct {
	ID      string     `xml:"id"`
	Title   atomText   `xml:"title"`
	Updated string     `xml:"updated"`
	Links   []atomLink `xml:"link"`
	Summary atomText   `xml:"summary"`
	Content atomText   `xml:"content"`
}

// atomText is a text construct: Type is "text" or "html"; for "html" Body is
// HTML markup, which encoding/xml escapes once more as character data.
type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Body string `xml:",chardata"`
}

type atomLink struct {
	Rel      string `xml:"rel,attr"`
	Type     string `xml:"type,attr,omitempty"`
	Hreflang string `xml:"hreflang,attr,omitempty"`
	Href     string `xml:"href,attr"`
	Title    string `xml:"title,attr,omitempty"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomGenerator struct {
	Name string `xml:",chardata"`
}

// encode writes f as an XML document with a trailing newline.
func encode(f *atomFeed) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("feed %s: %w", f.ID, err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("feed %s: %w", f.ID, err)
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}
