package plan

import "github.com/minhbach/minhbach/internal/msg"

// Registry holds the agencies, groups of agencies and overseeing roles a
// plan names.
type Registry struct {
	Agencies []*Agency `toml:"agencies"`
	Groups   []*Group  `toml:"groups"`
	Roles    []*Role   `toml:"roles"`
	// Kinds are the plan's own agency kinds; none means AgencyKinds.
	Kinds []*Kind `toml:"kinds"`

	agencies map[string]*Agency
	groups   map[string]*Group
	roles    map[string]*Role
}

// Agency is one organisation: a department, an office, a district
// committee.
type Agency struct {
	ID     string `toml:"id"`
	Name   string `toml:"name"`
	NameEn string `toml:"name_en"`
	Short  string `toml:"short"`
	// Head is the title of the person who leads it ("Giám đốc").
	Head string `toml:"head"`
	Kind string `toml:"kind"`
	// Reports says whether the agency must send a report every regular
	// period.
	Reports bool `toml:"reports"`
	// ReportsFrom and ReportsUntil bound the duty to report (a period id or
	// a day; either may be left out); Duty is them as days, filled in by
	// Load. See ReportsOn and MustReport.
	ReportsFrom  Bound `toml:"reports_from"`
	ReportsUntil Bound `toml:"reports_until"`
	Duty         Span  `toml:"-"`
	// Aliases are former ids: their pages' addresses redirect to this
	// agency's page.
	Aliases []string `toml:"aliases"`

	Pos Pos `toml:"-"`
}

// Group is a set of agencies that a milestone can name as one owner, each
// member of which must do the work and report on it.
type Group struct {
	ID     string `toml:"id"`
	Name   string `toml:"name"`
	NameEn string `toml:"name_en"`
	Head   string `toml:"head"`
	// Members lists every agency that is or was a member, once each, in
	// the order first listed; filled in by Load from Membership. Who is a
	// member on a given day is told by Registry.MembersAt.
	Members []string `toml:"-"`
	// Membership is the members as written: ids (members from the start)
	// or tables with from and until (see Member).
	Membership []Member `toml:"members"`
	// Aliases are former ids, as for an agency.
	Aliases []string `toml:"aliases"`
	// Partial says that the members listed are not every unit the group's
	// name stands for (the plan's "các cơ quan, đơn vị" holds units the
	// portal does not track yet); Scope and ScopeEn then say what the list
	// holds and what it leaves out, and every page that counts the
	// group's members says so.
	Partial bool   `toml:"partial"`
	Scope   string `toml:"scope"`
	ScopeEn string `toml:"scope_en"`

	Pos Pos `toml:"-"`
}

// Role is an overseeing office (not a person), such as the chairman of the
// provincial committee.
type Role struct {
	ID      string `toml:"id"`
	Title   string `toml:"title"`
	TitleEn string `toml:"title_en"`

	Pos Pos `toml:"-"`
}

// AgencyKinds are the values Agency.Kind may take.
// "so" is a department (sở), "thanh-tra" the provincial inspectorate,
// "van-phong" an office, "ban" a board (Ban Dân tộc, Ban Quản lý Khu kinh
// tế), "huyen" a district-level People's Committee, "tinh" a provincial
// body, "dang" a Party body, "doan-the" a mass organisation.
var AgencyKinds = []string{"so", "thanh-tra", "van-phong", "ban", "huyen", "tinh", "dang", "doan-the", "khac"}

// Kind is an agency kind a plan declares in agencies.toml ([[kinds]]),
// for a plan whose agencies are not a province's (a ministry's Vụ and
// Cục, say): its id, which an agency's kind names and which addresses
// its list (loai-co-quan/<id>/), and its plural name in both languages.
type Kind struct {
	ID     string `toml:"id"`
	Name   string `toml:"name"`
	NameEn string `toml:"name_en"`
	Pos    Pos    `toml:"-"`
}

// KindIDs returns the kinds an agency may have, in the order lists show
// them: the plan's own ([[kinds]]) when it declares any, else AgencyKinds.
func (r *Registry) KindIDs() []string {
	if len(r.Kinds) == 0 {
		return AgencyKinds
	}
	out := make([]string, len(r.Kinds))
	for i, k := range r.Kinds {
		out[i] = k.ID
	}
	return out
}

// KindName names the agency kind id, plural, as lists say it in l: the
// name the plan gives it ([[kinds]]; in English its name_en, else its
// name), else the catalogue's kind_<id>, else id itself.
func (r *Registry) KindName(l msg.Lang, id string) string {
	if k := r.Kind(id); k != nil {
		if l == msg.EN && k.NameEn != "" {
			return k.NameEn
		}
		return k.Name
	}
	if key := "kind_" + id; msg.Has(key) {
		return msg.Get(l, key)
	}
	return id
}

// Kind returns the kind with id the plan declares, or nil (always nil for
// a plan that declares none: AgencyKinds are named by the catalogue).
func (r *Registry) Kind(id string) *Kind {
	for _, k := range r.Kinds {
		if k.ID == id {
			return k
		}
	}
	return nil
}

// Agency returns the agency with id, or nil.
func (r *Registry) Agency(id string) *Agency { return r.agencies[id] }

// Group returns the group with id, or nil.
func (r *Registry) Group(id string) *Group { return r.groups[id] }

// Role returns the role with id, or nil.
func (r *Registry) Role(id string) *Role { return r.roles[id] }

// Members returns the agencies an owner id stands for at any time: the
// agency itself, or every member a group has ever had. To judge or to list
// who holds a share on a day, use MembersAt.
func (r *Registry) Members(owner string) []*Agency {
	if a := r.agencies[owner]; a != nil {
		return []*Agency{a}
	}
	var out []*Agency
	if g := r.groups[owner]; g != nil {
		for _, m := range g.Members {
			if a := r.agencies[m]; a != nil {
				out = append(out, a)
			}
		}
	}
	return out
}

// OwnerName returns the name of the agency or group id, or the id itself.
func (r *Registry) OwnerName(id string) string {
	if a := r.agencies[id]; a != nil {
		return a.Name
	}
	if g := r.groups[id]; g != nil {
		return g.Name
	}
	return id
}

func (r *Registry) index() {
	r.agencies = map[string]*Agency{}
	r.groups = map[string]*Group{}
	r.roles = map[string]*Role{}
	for _, a := range r.Agencies {
		if _, dup := r.agencies[a.ID]; !dup {
			r.agencies[a.ID] = a
		}
	}
	for _, g := range r.Groups {
		if _, dup := r.groups[g.ID]; !dup {
			r.groups[g.ID] = g
		}
	}
	for _, x := range r.Roles {
		if _, dup := r.roles[x.ID]; !dup {
			r.roles[x.ID] = x
		}
	}
}
