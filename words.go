// Package minhbach holds what the minhbach binary carries of the Kon Tum
// portal's own folder: the catalogue of words, i18n/vi.toml and
// i18n/en.toml, which Hugo reads from the portal for the templates and
// internal/msg reads from here for everything Go and the command line say.
package minhbach

import "embed"

// Words is the catalogue: i18n/vi.toml and i18n/en.toml.
//
//go:embed i18n/vi.toml i18n/en.toml
var Words embed.FS
