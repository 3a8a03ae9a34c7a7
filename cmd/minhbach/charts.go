package main

import "github.com/minhbach/minhbach/internal/site"

// defaultCharts returns the chart drawer of the portal.
func defaultCharts() site.Charts { return nil }
