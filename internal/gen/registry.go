package gen

import (
	"fmt"
	"strings"

	"github.com/minhbach/minhbach/internal/plan"
)

// agency is a generated agency.
type agency struct {
	id, name, nameEn, short, head, kind string
	reports                             bool
}

// group is a generated group of agencies.
type group struct {
	id, name, nameEn, head string
	members                []int // indices into generator.agencies
}

// The central agencies every generated plan has: the issuer, the compiler
// of the reports and the Government Office.
const (
	issuerID    = "chinh-phu"
	compilerID  = "bo-noi-vu"
	minAgencies = 3
)

// deptsFirst is how many departments each province contributes before any
// province contributes the rest.
const deptsFirst = 10

// maxAgencies is the most agencies the vocabulary can name.
func maxAgencies() int {
	n := minAgencies
	for _, p := range provinces {
		n += 1 + len(departments) + len(p.districts)
	}
	return n
}

// buildRegistry makes exactly sc.Agencies agencies: the central ones, then
// province by province its People's Committee, its departments and its
// district-level committees interleaved; then the groups.
func (g *generator) buildRegistry() {
	g.agencies = []*agency{
		{id: issuerID, name: "Chính phủ", nameEn: "Government", short: "CP", head: "Thủ tướng", kind: "khac"},
		{id: compilerID, name: "Bộ Nội vụ", nameEn: "Ministry of Home Affairs", short: "BNV", head: "Bộ trưởng", kind: "khac", reports: true},
		{id: "van-phong-chinh-phu", name: "Văn phòng Chính phủ", nameEn: "Government Office", short: "VPCP", head: "Bộ trưởng, Chủ nhiệm", kind: "van-phong", reports: true},
	}
	used := map[string]bool{}
	for _, a := range g.agencies {
		used[a.id] = true
	}
	n := g.sc.Agencies
	add := func(a *agency) {
		if len(g.agencies) >= n {
			return
		}
		a.reports = true
		g.agencies = append(g.agencies, a)
	}
	dept := func(p province, d department) *agency {
		kind := "so"
		if strings.HasPrefix(d.name, "Văn phòng") {
			kind = "van-phong"
		}
		return &agency{
			id:     slugify(d.name+" "+p.name, 80),
			name:   d.name + " tỉnh " + p.name,
			nameEn: d.en + ", " + ascii(p.name) + " Province",
			short:  d.short + " " + p.name,
			head:   d.head,
			kind:   kind,
		}
	}
	for _, p := range provinces {
		if len(g.agencies) >= n {
			break
		}
		add(&agency{
			id: "ubnd-tinh-" + slugify(p.name, 40), name: "Ủy ban nhân dân tỉnh " + p.name,
			nameEn: ascii(p.name) + " Provincial People's Committee", short: "UBND tỉnh " + p.name,
			head: "Chủ tịch", kind: "tinh",
		})
		for i := 0; i < max(deptsFirst, len(p.districts)); i++ {
			if i < deptsFirst {
				add(dept(p, departments[i]))
			}
			if i < len(p.districts) {
				add(g.district(p, p.districts[i], used))
			}
		}
	}
	for _, p := range provinces {
		for _, d := range departments[deptsFirst:] {
			add(dept(p, d))
		}
	}
	g.index = map[string]int{}
	for i, a := range g.agencies {
		g.index[a.id] = i
	}

	var depts, districts, provs []int
	for i, a := range g.agencies {
		switch a.kind {
		case "so", "van-phong":
			if a.id != "van-phong-chinh-phu" {
				depts = append(depts, i)
			}
		case "huyen":
			districts = append(districts, i)
		case "tinh":
			provs = append(provs, i)
		}
	}
	// Groups of each kind of unit, in chunks: the formats take the chunk's
	// number.
	for _, kind := range []struct {
		units            []int
		id, name, nameEn string
		head             string
	}{
		{districts, "ubnd-cac-huyen-vung-%d", "Ủy ban nhân dân các huyện, thị xã, thành phố vùng %d", "District-level People's Committees, region %d", "Chủ tịch"},
		{depts, "cac-so-nganh-khoi-%d", "Các sở, ban, ngành khối %d", "Provincial departments, cluster %d", "Thủ trưởng"},
		{provs, "ubnd-cac-tinh-nhom-%d", "Ủy ban nhân dân các tỉnh nhóm %d", "Provincial People's Committees, group %d", "Chủ tịch"},
	} {
		for k, chunk := range g.chunks(kind.units) {
			g.groups = append(g.groups, &group{
				id:      fmt.Sprintf(kind.id, k+1),
				name:    fmt.Sprintf(kind.name, k+1),
				nameEn:  fmt.Sprintf(kind.nameEn, k+1),
				head:    kind.head,
				members: chunk,
			})
		}
	}
	for i, a := range g.agencies {
		if a.reports {
			g.reporting = append(g.reporting, i)
		}
	}
}

// district makes the People's Committee of a district-level unit written
// as in provinces ("tp:", "tx:" or a huyện).
func (g *generator) district(p province, d string, used map[string]bool) *agency {
	kind, kindEn, idPrefix := "huyện", "District", "ubnd-"
	switch {
	case strings.HasPrefix(d, "tp:"):
		d, kind, kindEn, idPrefix = d[3:], "thành phố", "City", "ubnd-thanh-pho-"
	case strings.HasPrefix(d, "tx:"):
		d, kind, kindEn, idPrefix = d[3:], "thị xã", "Town", "ubnd-thi-xa-"
	}
	id := idPrefix + slugify(d, 60)
	if used[id] {
		id += "-" + slugify(p.name, 20)
	}
	used[id] = true
	return &agency{
		id:     id,
		name:   "Ủy ban nhân dân " + kind + " " + d,
		nameEn: ascii(d) + " " + kindEn + " People's Committee",
		short:  "UBND " + kind + " " + d,
		head:   "Chủ tịch",
		kind:   "huyen",
	}
}

// chunks splits members, in order, into groups of 5 to 15; none when
// there are fewer than 5.
func (g *generator) chunks(members []int) [][]int {
	var out [][]int
	rem := members
	if len(rem) < 5 {
		return nil
	}
	for len(rem) > 0 {
		var size int
		switch {
		case len(rem) <= 15:
			size = len(rem)
		case len(rem) < 20:
			size = len(rem) / 2
		default:
			size = 5 + g.r.IntN(11)
			if len(rem)-size < 5 {
				size = len(rem) - 5
			}
		}
		out = append(out, rem[:size:size])
		rem = rem[size:]
	}
	return out
}

// writeRegistry writes data/agencies.toml.
func (g *generator) writeRegistry() error {
	var b buffer
	b.WriteString("# Agencies, groups and overseeing roles of a generated plan (plangen, scale " + g.sc.Name + ").\n")
	for _, x := range roles {
		b.table("roles", "id", x.id, "title", x.title, "title_en", x.en)
	}
	for _, a := range g.agencies {
		b.table("agencies", "id", a.id, "name", a.name, "name_en", a.nameEn, "short", a.short, "head", a.head, "kind", a.kind)
		b.kvRaw("", "reports", fmt.Sprint(a.reports))
	}
	for _, gr := range g.groups {
		b.table("groups", "id", gr.id, "name", gr.name, "name_en", gr.nameEn, "head", gr.head)
		b.WriteString("members = [\n")
		for _, m := range gr.members {
			b.WriteString("  ")
			quote(&b.Buffer, g.agencies[m].id)
			b.WriteString(",\n")
		}
		b.WriteString("]\n")
	}
	g.st.Agencies, g.st.Groups, g.st.Roles = len(g.agencies), len(g.groups), len(roles)
	return g.w.file(plan.AgenciesFile, b.Bytes())
}
