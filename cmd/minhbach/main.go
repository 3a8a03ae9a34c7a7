// Command minhbach builds a transparency portal: a static website of a
// government plan, the agencies that carry it out and the status of every
// task, derived from the agencies' approved progress reports.
//
// The command is thin: it parses flags, calls internal/site and
// internal/plan, and prints what they return in the user's language.
package main

import (
	"os"
)

func main() {
	stop := startProfiles()
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
