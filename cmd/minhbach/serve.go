package main

import (
	"fmt"

	"github.com/minhbach/minhbach/internal/serve"
)

// serveAddr is where serve listens: 127.0.0.1 only, unless hosts are
// allowed for reviewers on the local network, when it listens on every
// interface (the preview still answers only to its own names, see
// internal/serve). A host that is not a host name or an IP address is a
// usage error.
func (a *app) serveAddr(port int, hosts []string) (string, error) {
	for _, h := range hosts {
		if _, err := serve.HostName(h); err != nil {
			a.say(a.err, "cli.serve.badHost", h)
			return "", exitError{2}
		}
	}
	if len(hosts) > 0 {
		return fmt.Sprintf(":%d", port), nil
	}
	return fmt.Sprintf("127.0.0.1:%d", port), nil
}

// sayAllowedHosts prints the addresses of the preview on the local network,
// with a warning, and another when drafts are shown.
func (a *app) sayAllowedHosts(srv *serve.Server, hosts []string, drafts bool) {
	if len(hosts) == 0 {
		return
	}
	for _, h := range hosts {
		a.say(a.out, "cli.serve.allowHost", srv.HostURL(h))
	}
	a.say(a.out, "cli.serve.allowHostWarning")
	if drafts {
		a.say(a.out, "cli.serve.allowHostDrafts")
	}
}
