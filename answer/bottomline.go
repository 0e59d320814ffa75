package answer

// BottomLine is what a forecast of several models comes to, issue by
// issue, in the words every door prints first (ask.BottomLine, built from
// the models already run): where the lead forecast lands, how sure (the
// calibrated model's 80% interval and likeliest option), how far the
// models agree, and what bears on it (a model that did not settle, a red
// line the lead forecast crosses).
type BottomLine struct {
	// Head says in one line what the bottom line is and what it is not.
	Head string `json:"head"`
	// Lead names the model whose forecast leads (ask's lead rule, the
	// brief's: the default sweep model when it ran, else the first).
	Lead string `json:"lead"`
	// Calibrated names the model whose predictive distribution gives each
	// issue's interval and likeliest option; omitted when none ran.
	Calibrated string `json:"calibrated,omitempty"`
	// Outcomes is how many outcomes the scenario records after the
	// forecast's date: those a backtest scores every model on (0: none).
	Outcomes int `json:"outcomes"`
	// Issues are the issues in the scenario's order.
	Issues []BottomLineIssue `json:"issues"`
}

// BottomLineIssue is one issue's bottom line: its sentence (Text) and the
// numbers it says, for a program or the page to place.
type BottomLineIssue struct {
	Issue string `json:"issue"`
	Name  string `json:"name"`
	// Text is the issue's bottom line in one sentence, every door's words.
	Text string `json:"text"`
	// LeadModel is the model whose forecast of the issue leads; "" when no
	// model gave one.
	LeadModel string `json:"lead_model"`
	// Forecast is the lead forecast; Settled false and Range its range
	// when it did not settle.
	Forecast Num `json:"forecast"`
	// Between holds the two neighbouring options, in scale order, that a
	// settled lead forecast lies near the midpoint of (ask's
	// KnifeEdgeShare): the text names both, nearer Nearest; omitted
	// otherwise.
	Between []Anchor  `json:"between,omitempty"`
	Settled bool      `json:"settled"`
	Range   *Interval `json:"range,omitempty"`
	// Nearest are the labelled options nearest the lead forecast (its
	// nearest).
	Nearest []Anchor `json:"nearest"`
	// Agree counts the models, of Models (those that gave a forecast of
	// the issue), whose nearest options are the lead's.
	Agree  int `json:"agree"`
	Models int `json:"models"`
	// Low and High span every model's forecast of the issue, one that did
	// not settle counted by its whole range; LowModels and HighModels are
	// the models at each end (as the issue's decimals write it).
	Low        Num      `json:"low"`
	High       Num      `json:"high"`
	LowModels  []string `json:"low_models"`
	HighModels []string `json:"high_models"`
	// Interval80 and Likeliest are the calibrated model's 80% interval and
	// likeliest options (its Distribution's); omitted when it gives none.
	Interval80 *Interval `json:"interval80,omitempty"`
	Likeliest  []Likely  `json:"likeliest,omitempty"`
	// Unsettled names the models whose forecast of the issue did not
	// settle; omitted when every one did.
	Unsettled []string `json:"unsettled,omitempty"`
	// RedLines are the red lines the lead forecast crosses on the issue
	// (RedLineCrossing's RedLine); omitted when none.
	RedLines []string `json:"red_lines,omitempty"`
}
