package plan

import (
	"bytes"
	"io"
	"path"
	"strings"
)

// sniffed is what can be read of a report file that does not decode: the
// lines agency = "…", period = "…" and, under [approval], state = "…",
// as staff write them.
type sniffed struct {
	agency, period, state string
	front                 bool // the file starts with a +++ line
}

// sniffReport reads what it can of src, which need not be valid TOML nor
// valid UTF-8: the keys it looks for are ASCII.
func sniffReport(src []byte) sniffed {
	var s sniffed
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	lines := strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "+++" {
		return s
	}
	s.front = true
	table := ""
	for _, raw := range lines[1:] {
		line := strings.TrimSpace(raw)
		if line == "+++" {
			break
		}
		if strings.HasPrefix(line, "[") {
			table = strings.Trim(stripComment(line), "[] \t")
			continue
		}
		eq := strings.Index(line, "=")
		if eq < 0 {
			continue
		}
		key := strings.Trim(strings.TrimSpace(line[:eq]), `"'`)
		val := strings.Trim(stripComment(line[eq+1:]), "\"'“”‘’ \t")
		switch {
		case table == "" && key == "agency":
			s.agency = val
		case table == "" && key == "period":
			s.period = val
		case table == "approval" && key == "state", table == "" && key == "approval.state":
			if s.state != Approved { // approved once is approved: the safe side
				s.state = strings.ToLower(val)
			}
		}
	}
	return s
}

// unreadReport is the report file whose problems since before are that it
// could not be read (src is what was read of it, maybe nil). A report
// that says it is a draft, submitted or rejected is never published, so
// its problems become its own warnings and it is returned, marked Unread;
// one that looks approved, or whose state cannot be told, stays an error,
// since an approved record must never vanish unseen.
func (l *loader) unreadReport(file string, src []byte, before int) *Report {
	s := sniffReport(src)
	switch s.state {
	case Draft, Submitted, Rejected:
	default:
		return nil
	}
	r := &Report{File: file, Agency: s.agency, Period: s.period, Approval: Approval{State: s.state}, Unread: true, Pos: Pos{File: file, Line: 1, Col: 1}}
	if per, err := ParsePeriod(s.period); err == nil {
		r.PeriodInfo = per
	}
	r.Problems = append(r.Problems, l.ps.list[before:]...)
	r.Problems.sort()
	l.ps.list = l.ps.list[:before]
	return r
}

// checkSkippedReports makes an error of a skipped file under content/ that
// is an approved report: skipped, it would leave the site with only a
// warning. It also points at a misnamed data file when the real one is
// missing.
func (l *loader) checkSkippedReports() {
	for _, s := range l.skipped {
		if s.Key == "skip.dataName" && s.Folder == "" {
			// data/plan.toml.txt beside no data/plan.toml: the missing
			// file is told, and so is where it most likely is.
			if _, err := l.fs.Stat(l.abs(s.Args[0].(string))); err != nil {
				l.ps.add(Pos{File: s.File, Line: 1, Col: 1}, "skip.dataInstead", s.Args[0])
			}
			continue
		}
		switch s.Key {
		case "skip.hidden", "skip.lockFile", "skip.office", "skip.linkOutside", "skip.linkBroken", "skip.linkLoop":
			continue
		}
		if !strings.HasPrefix(s.File, "content/") || l.readReal[s.real] {
			continue // the same file, reached through a link, is read
		}
		src, ok := l.peek(s.File)
		if !ok {
			continue
		}
		if text, _, err := decodeText(src); err == nil {
			src = text
		}
		sn := sniffReport(src)
		if !sn.front || sn.state != Approved {
			continue
		}
		where := ""
		if _, err := ParsePeriod(sn.period); err == nil && ValidID(sn.agency) {
			where = ReportsDir + "/" + sn.period + "/" + sn.agency + ".md"
		} else if s.Key == "skip.nearMiss" {
			where = path.Join(path.Dir(s.File), s.Args[0].(string))
		} else {
			where = ReportsDir + "/…/….md"
		}
		l.ps.add(Pos{File: s.File, Line: 1, Col: 1}, "skip.approved", where)
	}
}

// peek reads a skipped file, up to the size of a report, without telling
// any problem.
func (l *loader) peek(rel string) ([]byte, bool) {
	f, err := l.fs.Open(l.abs(rel))
	if err != nil {
		return nil, false
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || fi.IsDir() {
		return nil, false
	}
	src, err := io.ReadAll(io.LimitReader(f, l.opt.maxReport))
	return src, err == nil
}
