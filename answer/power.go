package answer

// PowerRequest asks how much voting power each actor has under an issue's
// decision rule (or in an ad-hoc weighted voting game).
type PowerRequest struct {
	Target
	// Issue is an issue id whose decision rule is the game; "" every issue
	// with a decision rule.
	Issue string `json:"issue,omitempty"`
	// Quota and Weights give an ad-hoc game instead: a coalition wins when
	// its weight reaches Quota. Names name the players (default p1, p2, …).
	Quota   float64   `json:"quota,omitempty"`
	Weights []float64 `json:"weights,omitempty"`
	Names   []string  `json:"names,omitempty"`
	// Samples is the number of random orders and coalitions when a game
	// is not computed exactly (more than power.MaxExact players, or
	// weights that no power of ten makes small integers).
	Samples int `json:"samples"`
	// Seed seeds the sampling.
	Seed uint64 `json:"seed"`
}

// Power defaults.
const (
	DefaultPowerSamples = 100_000
	// MaxPowerSamples bounds a power request's samples.
	MaxPowerSamples = 10_000_000
	// MaxPowerPlayers bounds an ad-hoc game's players.
	MaxPowerPlayers = 10_000
)

// NewPowerRequest returns a power request with every default: the latest
// snapshot, every issue with a decision rule, 100,000 samples where
// sampling is needed, seed 1.
func NewPowerRequest() PowerRequest {
	return PowerRequest{Target: Target{Snapshot: DefaultSnapshot}, Samples: DefaultPowerSamples, Seed: DefaultSeed}
}

// Power answers a PowerRequest: one game per issue (or the ad-hoc game).
type Power struct {
	// Scenario is the case; nil for an ad-hoc game.
	Scenario *Scenario    `json:"scenario,omitempty"`
	Request  PowerRequest `json:"request"`
	Games    []PowerGame  `json:"games"`
	Warnings []string     `json:"warnings"`
}

// PowerGame is one weighted voting game and every player's power in it.
type PowerGame struct {
	// Issue and Name are the issue whose rule this is ("" for ad hoc).
	Issue string `json:"issue,omitempty"`
	Name  string `json:"name,omitempty"`
	// Rule is unanimity, qmv, majority or ad-hoc.
	Rule  string  `json:"rule"`
	Quota float64 `json:"quota"`
	Total float64 `json:"total"`
	// Exact is true when computed exactly; else Samples random orders and
	// coalitions were drawn and each index has a standard error.
	Exact   bool   `json:"exact"`
	Samples int    `json:"samples,omitempty"`
	Method  string `json:"method"`
	// Players in the rule's order.
	Players []PowerPlayer `json:"players"`
	// Veto lists the players in every winning coalition; Dummies those
	// never decisive (only when exact).
	Veto    []string `json:"veto"`
	Dummies []string `json:"dummies,omitempty"`
}

// PowerPlayer is one player's weight and power.
type PowerPlayer struct {
	ID     string  `json:"id"`
	Name   string  `json:"name,omitempty"`
	Weight float64 `json:"weight"`
	// Shapley is the Shapley–Shubik index; Banzhaf the normalised Banzhaf
	// index, null when sampled and no voter was seen to swing (0/0:
	// undefined); BanzhafAbs the absolute (Penrose–Banzhaf) measure.
	Shapley    float64 `json:"shapley"`
	Banzhaf    Num     `json:"banzhaf"`
	BanzhafAbs float64 `json:"banzhaf_abs"`
	// Swings is the number of coalitions of the others the player turns
	// from losing to winning (exact only).
	Swings *int64 `json:"swings,omitempty"`
	// The standard errors of a sampled game; omitted, even when sampled,
	// for an index whose event sampling never saw (see the Below fields).
	ShapleySE    *float64 `json:"shapley_se,omitempty"`
	BanzhafSE    *float64 `json:"banzhaf_se,omitempty"`
	BanzhafAbsSE *float64 `json:"banzhaf_abs_se,omitempty"`
	// ShapleyBelow and BanzhafAbsBelow, when sampling never saw the voter
	// pivotal (or swing), bound its index instead of a standard error of
	// 0: below 3/samples with 95% confidence (the rule of three). A
	// voter's banzhaf_se is omitted with banzhaf_abs_se.
	ShapleyBelow    *float64 `json:"shapley_below,omitempty"`
	BanzhafAbsBelow *float64 `json:"banzhaf_abs_below,omitempty"`
	Veto            bool     `json:"veto,omitempty"`
	Dummy           bool     `json:"dummy,omitempty"`
}
