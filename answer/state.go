package answer

// State is what a scenario holds at one snapshot with one variant: the
// actors' capabilities, the stances and the red lines as the models read
// them there, each marked where it differs from the base with the
// snapshot or variant that set it. parley show prints it (--snapshot,
// --variant); GET /api/scenarios/{id}/resolved returns it beside the
// flat scenario (ask.State makes it for both).
type State struct {
	// Snapshot is the snapshot as asked ("latest", "base" or a date);
	// Variant the variant's id ("" for none).
	Snapshot string `json:"snapshot"`
	Variant  string `json:"variant"`
	// RecordedOn is the date of the recorded state read: the base's
	// as_of or the latest snapshot dated on or before Snapshot; omitted
	// when the scenario states no date (a peer format).
	RecordedOn string `json:"recorded_on,omitempty"`
	// At names the state in words, as a heading reads it: "the latest
	// snapshot (2026-03-20)", "the base (as of 2026-03-03)",
	// "2026-03-25 (the snapshot of 2026-03-20)", each followed by
	// ", variant ID" when a variant applies.
	At string `json:"at"`
	// Heading is the line every door heads the state with: "Shown at "
	// At, and where it differs from the base, how often and that each
	// difference is marked: "Shown at the latest snapshot (2026-03-20):
	// 12 differences from the base, each marked with the snapshot or
	// variant that set it".
	Heading string `json:"heading"`
	// StancesText counts the stances there by what they rest on, and
	// those set since the base: "Stances at the latest snapshot
	// (2026-03-20): 37 (20 quoted, 15 assumed, 2 with neither; 3 set
	// since the base)".
	StancesText string        `json:"stances_text"`
	Actors      []StateActor  `json:"actors"`
	Stances     []StateStance `json:"stances"`
	RedLines    []StateLimit  `json:"red_lines"`
	// Changed counts the capabilities, stances and red lines that differ
	// from the base.
	Changed int `json:"changed"`
	// Coverage is the evidence coverage of the stances in this state,
	// headed by At.
	Coverage Coverage `json:"coverage"`
}

// StateActor is one actor in a state.
type StateActor struct {
	ID         string  `json:"id"`
	Name       string  `json:"name"`
	Capability float64 `json:"capability"`
	// Basis is what the capability rests on there.
	Basis string `json:"basis"`
	// SetBy is "" where the capability is the base's, else the snapshot
	// (its date) or the variant (variant:ID) that set it; SetByText
	// says so with the base's value ("" when SetBy is).
	SetBy     string `json:"set_by"`
	SetByText string `json:"set_by_text"`
	// BaseCapability is the base's capability where SetBy is set;
	// omitted for an actor the base does not hold and where SetBy is "".
	BaseCapability *float64 `json:"base_capability,omitempty"`
}

// StateStance is one stance in a state.
type StateStance struct {
	Actor    string  `json:"actor"`
	Issue    string  `json:"issue"`
	Position float64 `json:"position"`
	// Salience is on the salience scale.
	Salience float64 `json:"salience"`
	Basis    string  `json:"basis"`
	// SetBy, SetByText: as StateActor's, for the position or salience.
	SetBy     string `json:"set_by"`
	SetByText string `json:"set_by_text"`
	// BasePosition and BaseSalience are the base's where SetBy is set;
	// omitted for a stance the base does not hold and where SetBy is "".
	BasePosition *float64 `json:"base_position,omitempty"`
	BaseSalience *float64 `json:"base_salience,omitempty"`
}

// StateLimit is one red line in a state, or a red line of the base that
// the state drops (RedLine "none").
type StateLimit struct {
	Actor   string `json:"actor"`
	Issue   string `json:"issue"`
	RedLine string `json:"red_line"`
	// Basis is what it rests on there; "" for one dropped.
	Basis string `json:"basis"`
	// SetBy, SetByText: as StateActor's.
	SetBy     string `json:"set_by"`
	SetByText string `json:"set_by_text"`
	// Base is the base's red line where SetBy is set ("" where the base
	// states none).
	Base string `json:"base,omitempty"`
	// Text is the red line in words, its actor and issue by name, what
	// it rests on and SetByText: "Ukraine on Territory: <= 40 (quoted;
	// set by snapshot 2026-03-20, base <= 30)".
	Text string `json:"text"`
}
