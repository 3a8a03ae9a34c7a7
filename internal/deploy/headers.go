package deploy

import (
	"path"
	"strings"
)

// contentTypes are the types of the files a build holds, by extension,
// the same on every machine (mime.TypeByExtension reads the system's
// tables, which differ).
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".webmanifest": "application/manifest+json",
	".xml":         "application/xml",
	".xsl":         "application/xml",
	".csv":         "text/csv; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".md":          "text/markdown; charset=utf-8",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/x-icon",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".ttf":         "font/ttf",
	".otf":         "font/otf",
	".pdf":         "application/pdf",
	".xlsx":        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".ods":         "application/vnd.oasis.opendocument.spreadsheet",
	".zip":         "application/zip",
	".wasm":        "application/wasm",
}

// headersOf returns the headers of the slash path p: the type of its
// extension (application/octet-stream when unknown), and what the first
// matcher of p sets.
func headersOf(cfg *Config, p string) headers {
	h := headers{ContentType: contentTypes[strings.ToLower(path.Ext(p))]}
	if h.ContentType == "" {
		h.ContentType = "application/octet-stream"
	}
	if m := cfg.match(p); m != nil {
		if m.ContentType != "" {
			h.ContentType = m.ContentType
		}
		h.CacheControl = m.CacheControl
		h.ContentEncoding = m.ContentEncoding
	}
	return h
}
