package snap

// Fitted are the parameters of the default model, printed by
//
//	go run ./model/snap/cmd/snapfit format/deu/testdata
//
// (snapfit.Fit on the 140 train issues of DEU III: θ by grid on train MAE, the
// rest by maximum likelihood, the τ by train coverage); TestFitRederivesFitted
// re-derives them. The figures that command printed are in docs/skill.md.
var Fitted = Params{Dist: 2.8623837913851484, End: -0.5041103372298678, Ref: 0.6840692808255991, Share: -0.3755266170637291, Stated: -0.472504215391495, Cont: 0.3928571407436752, Scale: 0.4986723083727141, Snap: 0.2, Tau80: 0.1344, Tau95: 0.0576}

// BandScale is the Laplace scale of the compromise-band benchmark, a share
// of the scale's range: the least train CRPS on FitBand's grid (same
// command).
const BandScale = 0.3
