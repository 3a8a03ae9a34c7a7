package view

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// md renders report narratives. It is goldmark with its safe defaults, as
// Hugo configures it: raw HTML is omitted and links with dangerous schemes
// (javascript:, vbscript:, data: other than images…) are dropped. Reports
// are rendered here, in Go, rather than handed to Hugo as page content, so
// that report text never goes through Hugo's shortcode processing.
var md = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))

// renderMarkdown returns the HTML of a report narrative.
func renderMarkdown(src string) string {
	var b bytes.Buffer
	if err := md.Convert([]byte(src), &b); err != nil {
		// goldmark only fails when the writer does; a bytes.Buffer does not.
		return ""
	}
	return b.String()
}
