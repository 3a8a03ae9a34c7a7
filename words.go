// Package minhbach holds what the minhbach binary carries of the Kon Tum
// portal's own folder: the catalogue of words, i18n/vi.toml and
// i18n/en.toml, which Hugo reads from the portal for the templates and
// internal/msg reads from here for everything Go and the command line say;
// and the stylesheet, static/css/site.css, whose status colours
// (--st-<status>) internal/chart reads for the pictures and the cards.
package minhbach

import "embed"

// Words is the catalogue: i18n/vi.toml and i18n/en.toml.
//
//go:embed i18n/vi.toml i18n/en.toml
var Words embed.FS

// Stylesheet is the portal's stylesheet, static/css/site.css: the one place
// the status colours are written (internal/chart.Colors reads them).
//
//go:embed static/css/site.css
var Stylesheet []byte
