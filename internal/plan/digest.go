package plan

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"regexp"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// digestForm is how a digest is written: "sha256:" and 64 hex digits.
var digestForm = regexp.MustCompile(`^sha256:[0-9a-f]{64}$`)

// ContentDigest returns the SHA-256 of what the report says, written
// "sha256:<hex>": its agency, period, number, date, sample flag, every
// update (milestone, member, state, done date, progress, evidence, note) in
// order, and its narrative — not its approval, and not how the file is
// written (line ends, a byte-order mark, comments, the order of keys, Unicode
// composed or not), so that only a change of content changes it. It is
// meant for a report as loaded (Load fills in each update's member).
func (r *Report) ContentDigest() string { return r.contentDigest("\n") }

// contentDigest is ContentDigest with nl as the line end inside each
// update's evidence and note. Before the loader turned "\r\n" into "\n"
// (in every string it reads, see cleanText), a report saved on Windows
// was approved with "\r\n" inside a multi-line note, and its digest
// says so: digest accepts that digest too, as the same content.
func (r *Report) contentDigest(nl string) string {
	clean := func(s string) string {
		s = norm.NFC.String(strings.TrimSpace(s))
		if nl != "\n" {
			s = strings.ReplaceAll(s, "\n", nl)
		}
		return s
	}
	type update struct {
		Milestone, Member, State, DoneOn string
		Progress                         *int
		Evidence                         []string
		Note                             string
	}
	c := struct {
		Format                       string
		Agency, Period, Number, Date string
		Sample                       bool
		Updates                      []update
		Body                         string
	}{Format: "minhbach-report-digest/1", Agency: r.Agency, Period: r.Period, Number: norm.NFC.String(r.Number), Date: r.Date.String(), Sample: r.Sample}
	for _, u := range r.Updates {
		member := u.Member
		if member == "" {
			member = r.Agency
		}
		ev := make([]string, len(u.Evidence))
		for i, e := range u.Evidence {
			ev[i] = clean(e)
		}
		c.Updates = append(c.Updates, update{u.Milestone, member, u.State, u.DoneOn.String(), u.Progress, ev, clean(u.Note)})
	}
	body := strings.ReplaceAll(r.Body, "\r\n", "\n")
	var lines []string
	for _, l := range strings.Split(body, "\n") {
		lines = append(lines, strings.TrimRight(l, " \t"))
	}
	c.Body = norm.NFC.String(strings.TrimSpace(strings.Join(lines, "\n")))
	b, _ := json.Marshal(c)
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:])
}

// Amended reports whether the report was changed after it was approved.
func (r *Report) Amended() bool { return len(r.Approval.Amendments) > 0 }

// digest checks the approval's digest and amendments: the digest's form,
// and, for an approved report, that its content is still what was
// approved.
func (c *reportCheck) digest(r *Report) {
	a := r.Approval
	if a.Digest != "" && !digestForm.MatchString(a.Digest) {
		c.foundValue("approval.digest", "approval.digestForm", a.Digest)
		return
	}
	for i, am := range a.Amendments {
		if am.On.IsZero() || strings.TrimSpace(am.Reason) == "" {
			c.found("approval.amendments", "approval.amendment", i+1)
		}
	}
	if a.State == Approved && a.Digest != "" && a.Digest != r.ContentDigest() && a.Digest != r.contentDigest("\r\n") {
		c.foundValue("approval.digest", "approval.changed", a.ApprovedOn.Vietnamese(), r.File)
	}
}
