package scenario

// index answers Actor, Issue and stanceOf in constant time, with exactly
// the answers of the linear scans (the first match wins), so validation
// and resolution stay linear in actors and stances.
type index struct {
	s       *Scenario
	ids     map[string]int // actor id → first actor with it
	aliases map[string]int // alias → first actor with it
	stances map[[2]string]int
}

func (s *Scenario) newIndex() *index {
	x := &index{s: s, ids: make(map[string]int, len(s.Actors)), aliases: map[string]int{}, stances: make(map[[2]string]int, len(s.Stances))}
	for i := range s.Actors {
		if _, ok := x.ids[s.Actors[i].ID]; !ok {
			x.ids[s.Actors[i].ID] = i
		}
	}
	for i := range s.Actors {
		for _, al := range s.Actors[i].Aliases {
			if _, ok := x.aliases[al]; !ok {
				x.aliases[al] = i
			}
		}
	}
	for i := range s.Stances {
		x.addStance(i)
	}
	return x
}

// addStance records s.Stances[i] unless an earlier stance has its key.
func (x *index) addStance(i int) {
	k := [2]string{x.s.Stances[i].Actor, x.s.Stances[i].Issue}
	if _, ok := x.stances[k]; !ok {
		x.stances[k] = i
	}
}

// actor is s.Actor(id).
func (x *index) actor(id string) *Actor {
	if i, ok := x.ids[id]; ok {
		return &x.s.Actors[i]
	}
	if i, ok := x.aliases[id]; ok {
		return &x.s.Actors[i]
	}
	return nil
}

// stanceOf is s.stanceOf(id, issue).
func (x *index) stanceOf(id, issue string) *Stance {
	a := x.actor(id)
	if a == nil {
		if i, ok := x.stances[[2]string{id, issue}]; ok {
			return &x.s.Stances[i]
		}
		return nil
	}
	best := -1
	for _, name := range append([]string{a.ID}, a.Aliases...) {
		if i, ok := x.stances[[2]string{name, issue}]; ok && (best < 0 || i < best) {
			best = i
		}
	}
	if best < 0 {
		return nil
	}
	return &x.s.Stances[best]
}

// removeActors removes the actors named by ids (an id or alias each, looked
// up among the actors not yet removed, as Actor would), every actor sharing
// the removed one's id, and the stances naming any of them by id or alias.
// unknown is called, in order, for each id no remaining actor has. It
// returns the actors and stances left.
func removeActors(actors []Actor, stances []Stance, ids []string, unknown func(i int, id string, left func() []Actor)) ([]Actor, []Stance) {
	if len(ids) == 0 {
		return actors, stances
	}
	x := (&Scenario{Actors: actors}).newIndex()
	goneIDs := map[string]bool{}
	goneNames := map[string]bool{}
	left := func() []Actor {
		var out []Actor
		for _, a := range actors {
			if !goneIDs[a.ID] {
				out = append(out, a)
			}
		}
		return out
	}
	for k, id := range ids {
		a := x.actor(id)
		if a != nil && goneIDs[a.ID] {
			// The first match is gone: look among the rest, as Actor would.
			a = (&Scenario{Actors: left()}).Actor(id)
		}
		if a == nil {
			if unknown != nil {
				unknown(k, id, left)
			}
			continue
		}
		goneIDs[a.ID] = true
		goneNames[a.ID] = true
		for _, al := range a.Aliases {
			goneNames[al] = true
		}
	}
	keptA := make([]Actor, 0, len(actors))
	for _, a := range actors {
		if !goneIDs[a.ID] {
			keptA = append(keptA, a)
		}
	}
	keptS := make([]Stance, 0, len(stances))
	for _, st := range stances {
		if !goneNames[st.Actor] {
			keptS = append(keptS, st)
		}
	}
	return keptA, keptS
}
