package answer

// HeldFixed is what an answer that varies the inputs (a sweep, a
// sensitivity analysis, advice over draws, a robust deal analysis, the
// brief's inputs-only interval) held at the stated values because the
// scenario gives it no range: how many positions and saliences of the
// Stances stances, and capabilities of the Actors actors, and how many
// of those held stances (a position or a salience of theirs, or both)
// and capabilities rest on no quote, only on an assumption
// (Scenario.AssumedCount's kinds). The answer's intervals, tornado and
// shares say nothing of these inputs' doubt; Text says so in one
// sentence, "" when every input has a range.
type HeldFixed struct {
	Positions           int    `json:"positions"`
	Saliences           int    `json:"saliences"`
	Capabilities        int    `json:"capabilities"`
	Stances             int    `json:"stances"`
	Actors              int    `json:"actors"`
	AssumedStances      int    `json:"assumed_stances"`
	AssumedCapabilities int    `json:"assumed_capabilities"`
	Text                string `json:"text"`
}
