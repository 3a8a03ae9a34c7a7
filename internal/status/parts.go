package status

// Part is one agency's part of one milestone in a snapshot: the whole
// milestone when the agency owns it, or its share when the milestone is
// owned by a group the agency is a member of on the snapshot's day (the
// members Derive counted, plan.Registry.MembersAt).
type Part struct {
	Milestone *Milestone
	// Member is the agency's share of a group milestone, and nil when the
	// agency owns the milestone itself.
	Member *Member
}

// Status is the status of the part: the milestone's, or the member's.
func (p Part) Status() Status {
	if p.Member != nil {
		return p.Member.Status
	}
	return p.Milestone.Status
}

// PartsOf returns, in plan order, the parts agency has in s's milestones:
// what the agency reports on as of s.AsOf.
func (s *Snapshot) PartsOf(agency string) []Part {
	var out []Part
	for _, t := range s.Tasks {
		for _, ms := range t.Milestones {
			if ms.Milestone.Owner == agency {
				out = append(out, Part{Milestone: ms})
				continue
			}
			for _, mem := range ms.Members {
				if mem.Agency != nil && mem.Agency.ID == agency && mem.Agency.ID != ms.Milestone.Owner {
					out = append(out, Part{Milestone: ms, Member: mem})
				}
			}
		}
	}
	return out
}
