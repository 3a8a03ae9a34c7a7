package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/plan"
)

// skipped tells, as warnings, every file under content/ and data/ the load
// did not read, and the notices about files it did read (such as one
// converted from UTF-16). A folder skipped as a whole is one line with its
// count of files; hidden and operating-system files are one line in all.
func (a *app) skipped(p *plan.Project) {
	if p == nil {
		return
	}
	if len(p.Notices) > 0 {
		a.say(a.err, "cli.notices", len(p.Notices))
		for _, n := range p.Notices {
			fmt.Fprintln(a.err, "  "+n.Text(a.lang))
		}
	}
	if len(p.Skipped) == 0 {
		return
	}
	a.say(a.err, plural("cli.skipped", len(p.Skipped)), len(p.Skipped))
	var junk []string
	folders := map[string][]plan.Skipped{}
	var order []string
	for _, s := range p.Skipped {
		switch {
		case s.Junk() && s.Folder == "":
			junk = append(junk, s.File)
		case s.Folder != "":
			if _, seen := folders[s.Folder]; !seen {
				order = append(order, s.Folder)
			}
			folders[s.Folder] = append(folders[s.Folder], s)
		default:
			fmt.Fprintln(a.err, "  "+s.Text(a.lang))
		}
	}
	sort.Strings(order)
	for _, f := range order {
		s := folders[f][0]
		n := len(folders[f])
		fmt.Fprintln(a.err, "  "+msg.Get(a.lang, plural("cli.skippedFolder", n), f+"/", n, msg.Get(a.lang, s.Key, s.Args...)))
	}
	if len(junk) > 0 {
		names := map[string]bool{}
		var list []string
		for _, j := range junk {
			base := j[strings.LastIndex(j, "/")+1:]
			if !names[base] {
				names[base] = true
				list = append(list, base)
			}
		}
		sort.Strings(list)
		if len(list) > 4 {
			list = append(list[:4], "…")
		}
		fmt.Fprintln(a.err, "  "+msg.Get(a.lang, plural("cli.skippedJunk", len(junk)), len(junk), strings.Join(list, ", "), msg.Get(a.lang, "skip.hidden")))
	}
}

// plural picks key+".one" for one thing, key otherwise.
func plural(key string, n int) string {
	if n == 1 {
		return key + ".one"
	}
	return key
}
